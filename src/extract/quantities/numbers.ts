// Reading a figure from a run of lower-case words: digits ("4,000", "1.5 million", "2 1/2"),
// number words ("twenty-six", "a hundred thirty million"), groups ("a dozen") and vague
// plurals ("dozens", "tens of thousands"). Shared with the times stage ("twenty years").
import { numbers } from "./lexicon.js";

export interface ReadNumber {
  value: number;
  /** Index one past the last word read. */
  next: number;
  /** A vague plural ("dozens", "hundreds of"): `value` is its most conservative reading. */
  vague: boolean;
}

const DIGITS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$|^\.\d+$/;
const FRACTION = /^(\d+)\/(\d+)$/;
const { ones, tens, scales, scaleAbbreviations, groups, vaguePlurals } = numbers;
const vagueByFirst = new Map<string, string[][]>();
for (const phrase of Object.keys(vaguePlurals).sort((a, b) => b.length - a.length)) {
  const words = phrase.split(" ");
  vagueByFirst.set(words[0]!, [...(vagueByFirst.get(words[0]!) ?? []), words]);
}

/** The value of a digit string ("4,000" → 4000), or undefined. */
export function digitValue(word: string): number | undefined {
  if (!DIGITS.test(word)) return undefined;
  return Number(word.replace(/,/g, ""));
}

function has(table: Record<string, number>, word: string | undefined): word is string {
  return word !== undefined && Object.hasOwn(table, word);
}

/** Scale words and their abbreviations after digits: "1.5 million", "5 bn". */
function scaleAt(words: readonly string[], i: number): number | undefined {
  const w = words[i];
  if (has(scales, w)) return scales[w];
  if (has(scaleAbbreviations, w)) return scaleAbbreviations[w];
  return undefined;
}

/**
 * Can a figure start with this word? A quick test that is true wherever `readNumber` could read
 * one ("4,000", ".5", "twenty", "a", "dozens"), so callers may skip the other words unread.
 */
export function mayStartNumber(word: string): boolean {
  const c = word.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 46) return true;
  return (
    word === "a" ||
    word === "an" ||
    has(ones, word) ||
    has(tens, word) ||
    has(groups, word) ||
    vagueByFirst.has(word)
  );
}

/** Read the figure that starts at `words[i]`, or null when none does. */
export function readNumber(words: readonly string[], i: number): ReadNumber | null {
  const first = words[i];
  if (first === undefined) return null;

  // "tens of thousands", "dozens", "hundreds of"
  for (const phrase of vagueByFirst.get(first) ?? []) {
    if (phrase.every((w, k) => words[i + k] === w)) {
      return { value: vaguePlurals[phrase.join(" ")]!, next: i + phrase.length, vague: true };
    }
  }

  const digits = digitValue(first);
  if (digits !== undefined) {
    let value = digits;
    let next = i + 1;
    // "2 1/2 years"
    const fraction = FRACTION.exec(words[next] ?? "");
    if (fraction && Number(fraction[2]) > 0) {
      value += Number(fraction[1]) / Number(fraction[2]);
      next++;
    }
    // "1.5 million", "4 hundred thousand"
    for (let scale = scaleAt(words, next); scale !== undefined; scale = scaleAt(words, next)) {
      value *= scale;
      next++;
    }
    return { value, next, vague: false };
  }

  return readNumberWords(words, i);
}

/** "twenty-six", "a hundred thirty million", "a dozen", "one and a half", "nineteen ninety-six" (as 1996). */
function readNumberWords(words: readonly string[], i: number): ReadNumber | null {
  let k = i;
  let total = 0;
  let current = 0;
  let seen = false;
  // "a hundred", "a dozen", "a couple of"
  if (words[k] === "a" || words[k] === "an") {
    const w = words[k + 1];
    if (!(has(scales, w) || has(groups, w)) || w === "half") return null;
    current = 1;
    k++;
  }
  while (k < words.length) {
    const w = words[k]!;
    if (has(ones, w)) {
      // "one two" is two figures; "twenty six" and "a hundred six" are one
      const rest = current % 100;
      if (seen && rest !== 0 && !(rest >= 20 && rest % 10 === 0 && ones[w]! < 10)) break;
      current += ones[w]!;
    } else if (has(tens, w)) {
      if (seen && current >= 10 && current < 100 && current % 10 === 0) break;
      if (seen && current >= 11 && current < 20) {
        // "nineteen ninety": a spoken year
        current = current * 100 + tens[w]!;
        const unit = words[k + 2];
        if (words[k + 1] === "-" && has(ones, unit)) {
          current += ones[unit]!;
          k += 2;
        }
        k++;
        seen = true;
        break;
      }
      current += tens[w]!;
    } else if (has(scales, w)) {
      if (!seen && current === 0) break;
      const scale = scales[w]!;
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
    } else if (has(groups, w)) {
      if (w === "half") break;
      // "a dozen", "two dozen", "a couple of"
      current = (current || 1) * groups[w]!;
      k++;
      seen = true;
      if (w === "couple" && words[k] === "of") k++;
      break;
    } else if (w === "-" && seen && has(ones, words[k + 1])) {
      /* "twenty-six" */
    } else if (w === "and" && seen && (has(ones, words[k + 1]) || has(tens, words[k + 1]))) {
      /* "a hundred and twenty" */
    } else break;
    seen = true;
    k++;
  }
  if (!seen) return null;
  // "one and a half"
  if (words[k] === "and" && words[k + 1] === "a" && words[k + 2] === "half") {
    current += 0.5;
    k += 3;
  }
  return { value: total + current, next: k, vague: false };
}
