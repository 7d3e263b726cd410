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

/** Names that fold to one already seen ("Côte d'Ivoire" after "Cote d'Ivoire"): a data file's duplicates. */
export function foldedDuplicates(names: Iterable<string>): string[] {
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const name of names) {
    const key = foldName(name);
    if (seen.has(key)) repeated.push(name);
    seen.add(key);
  }
  return repeated;
}

/**
 * The lookup key: the folded name without a leading article (nor one after "of"), each word with doubled letters
 * collapsed, y as i, q as k and a final vowel+h dropped, and no spaces. "Qayara" and
 * "Al Qayyārah" both give "kaiara"; "Hong Kong" and "Hongkong" both give "hongkong".
 */
export function looseKey(name: string): string {
  const words = foldName(name).split(" ");
  if (words.length > 1 && ARTICLES.has(words[0]!)) words.shift();
  // "Republic of Congo" and "Republic of the Congo", "Isle of the Wight": the article after
  // "of" comes and goes in English writing.
  return words
    .filter((w, i) => w !== "the" || words[i - 1] !== "of")
    .map(looseWord)
    .join("");
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

/**
 * A Bloom filter over every key in the index, so the many candidate spans that are no
 * place name ("Associated Press", "Army Col") cost a few hashes instead of a query.
 */
export class KeyFilter {
  static readonly HASHES = 7;
  readonly bits: Uint8Array;

  constructor(bitsOrKeyCount: Uint8Array | number) {
    this.bits =
      typeof bitsOrKeyCount === "number"
        ? new Uint8Array(Math.max(64, Math.ceil((bitsOrKeyCount * 10) / 8)))
        : bitsOrKeyCount;
  }

  add(key: string): void {
    const size = this.bits.length * 8;
    const [h1, h2] = hashes(key);
    for (let i = 0; i < KeyFilter.HASHES; i++) {
      const bit = (h1 + i * h2) % size;
      this.bits[bit >>> 3]! |= 1 << (bit & 7);
    }
  }

  mayHave(key: string): boolean {
    const size = this.bits.length * 8;
    const [h1, h2] = hashes(key);
    for (let i = 0; i < KeyFilter.HASHES; i++) {
      const bit = (h1 + i * h2) % size;
      if ((this.bits[bit >>> 3]! & (1 << (bit & 7))) === 0) return false;
    }
    return true;
  }
}

/** Two 32-bit FNV-1a hashes with different seeds, for double hashing. */
function hashes(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return [a, (b | 1) >>> 0];
}

/**
 * The index format: stored as SQLite's user_version by the build and checked on open, so an
 * index built by an older sitrep is reported as stale instead of failing on a missing table.
 * Raise it whenever the tables or the meaning of their columns change.
 */
export const GAZETTEER_FORMAT = 4;
