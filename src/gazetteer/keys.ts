// Name keys for the gazetteer. A name is looked up by one key that forgives the ways a
// transliterated place name varies in English reporting, so "Qayara", "Al Qayyārah" and
// "al-Qayyara" meet at one index entry. The build and the lookup share these functions, so
// the keys stored at install time are the keys asked for at run time.

/** Letters that NFD does not decompose into a base letter plus a mark. */
const SPECIAL_LETTERS: Record<string, string> = {
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ı: "i",
  ħ: "h",
};

/** Leading Arabic articles and their assimilated forms: "al-Asad", "Ad Dawr", "As Sulaymaniyah". */
const ARTICLES = new Set(["al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "adh", "ath", "the"]);

/**
 * Case-, accent- and punctuation-insensitive form: "Al Qayyārah" -> "al qayyarah",
 * "U.S." -> "us", "Sant Julià de Lòria" -> "sant julia de loria".
 */
export function foldName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[øłđðþßæœıħ]/g, (c) => SPECIAL_LETTERS[c]!)
    .replace(/['‘’ʿʾ`´.]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * The lookup key: the folded name without a leading article, each word with doubled letters
 * collapsed, y as i, q as k and a final vowel+h dropped, and no spaces. "Qayara" and
 * "Al Qayyārah" both give "kaiara"; "Hong Kong" and "Hongkong" both give "hongkong".
 */
export function looseKey(name: string): string {
  const words = foldName(name).split(" ");
  if (words.length > 1 && ARTICLES.has(words[0]!)) words.shift();
  return words.map(looseWord).join("");
}

function looseWord(word: string): string {
  return word
    .replace(/y/g, "i")
    .replace(/q/g, "k")
    .replace(/(.)\1+/g, "$1")
    .replace(/([aeiou])h$/, "$1");
}

/** True when the name is written in Latin letters (the only script English reporting uses). */
export function isLatinName(name: string): boolean {
  return /\p{L}/u.test(name) && /^[\p{Script=Latin}\p{M}\p{N}\s'‘’ʿʾ`´.,()&/-]+$/u.test(name);
}
