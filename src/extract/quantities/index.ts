// Quantities: every figure in the text with its value, bounds, hedges, unit and the thing it
// counts. "some 50 kilometers" → 50 km approximate; "Dozens of U.S. soldiers" → low 12,
// approximate, counts soldiers; "the number of active fighters ... is 1,000 to 1,500" →
// low 1000, high 1500, counts fighters. Works on the NLP layer's tokens, one sentence at a time.

import type { Quantity } from "../../core/schema.js";
import { textSpan } from "../../core/spans.js";
import type { Token } from "../../nlp/index.js";
import { defineStage } from "../stage.js";
import { monthOf, weekdays } from "../times/calendar.js";
import {
  ambiguousUnits,
  counted,
  currencySymbols,
  hedges,
  numbers,
  type UnitEntry,
  unitsAfter,
} from "./lexicon.js";
import { mayStartNumber, type ReadNumber, readNumber } from "./numbers.js";

type Draft = Omit<Quantity, "id">;

const toWords = (list: readonly string[]) => list.map((p) => p.split(" "));
const APPROXIMATE = toWords(hedges.approximate);
const APPROXIMATE_NEARBY = toWords(hedges.approximateNearby);
const LOWER_BOUND = toWords(hedges.lowerBound);
const UPPER_BOUND = toWords(hedges.upperBound);
const APPROXIMATE_AFTER = toWords(hedges.approximateAfter);
const NOT_COUNTED = new Set(counted.notCounted);
const SKIP_BEFORE_NOUN = new Set(counted.skipBeforeNoun);
const RANGE_JOINERS = new Set(["to", "-", "–", "—", "or"]);
const SCALE_WORDS = new Set([...Object.keys(numbers.scales), ...Object.keys(numbers.scaleAbbreviations)]);
const YEAR = /^(?:1[5-9]|20)\d\d$/;
const RANGE_TOKEN = /^(\d[\d,.]*)[-–](\d[\d,.]*)$/;
/** Words after a figure that make it a clock time or a date: "7 p.m.", "10 GMT", "5 o'clock". */
const CLOCK_AFTER = new Set(counted.clockAfter);
const NOUNISH = new Set(["NOUN", "PROPN"]);
const MODIFIERS = new Set(["ADJ", "NOUN", "PROPN", "NUM"]);
const PLURAL_VERB_FOLLOWERS = new Set(["VERB", "AUX", "ADP", "PUNCT", "CCONJ"]);

/** Does the phrase end right before word `end`? */
function endsAt(words: readonly string[], end: number, phrase: readonly string[], floor: number): boolean {
  const start = end - phrase.length;
  if (start < floor) return false;
  return phrase.every((w, k) => words[start + k] === w);
}
function anyEndsAt(
  words: readonly string[],
  end: number,
  list: string[][],
  floor: number,
): string | undefined {
  return list.find((p) => endsAt(words, end, p, floor))?.join(" ");
}
function startsAt(
  words: readonly string[],
  start: number,
  phrase: readonly string[],
  ceiling: number,
): boolean {
  return start + phrase.length <= ceiling && phrase.every((w, k) => words[start + k] === w);
}

interface Context {
  text: string;
  tokens: Token[];
  words: string[];
  /** Sentence bounds in tokens. */
  first: number;
  last: number;
}

/** A figure that is really part of a date, a clock time or a name. */
function isFalseNumber(ctx: Context, at: number, read: ReadNumber): boolean {
  const { tokens, words } = ctx;
  const token = tokens[at]!;
  const before = at > ctx.first ? tokens[at - 1] : undefined;
  const after = words[read.next];
  const isInteger = /^\d+$/.test(token.text);
  // "Nov. 9", "9 November", "Nov. 9, 2016"
  if (isInteger && read.next === at + 1 && Number(token.text) <= 31) {
    if (before && monthOf(before.text) !== undefined) return true;
    if (after !== undefined && monthOf(after) !== undefined && /^[A-Z]/.test(tokens[read.next]!.text))
      return true;
  }
  // "in 2016", "2016's election": a four-digit year unless a unit follows ("1500 meters")
  if (YEAR.test(token.text) && read.next === at + 1) {
    const next = tokens[read.next];
    if (!(next && unitsAfter.has(next.lower))) return true;
  }
  // "7 p.m.", "at 10 GMT"
  if (after !== undefined && CLOCK_AFTER.has(after)) return true;
  // "F-16", "COVID-19", "Resolution 2254", "Boeing 747", "Republic Act 9296", "School 97"
  // a capitalised word that is no day name: "On Monday 200 people died" is a figure
  const capitalisedBefore =
    before !== undefined &&
    /^[A-Z]/.test(before.text) &&
    before.pos !== "ADP" &&
    before.pos !== "DET" &&
    before.pos !== "ADV" &&
    monthOf(before.text) === undefined &&
    !weekdays.has(before.lower);
  const midSentence = at - 1 > ctx.first;
  if (capitalisedBefore && ((before.pos === "PROPN" && isInteger) || midSentence)) return true;
  // "October 8-9": the second day of a date range
  if (before && /^[-–]$/.test(before.text) && monthOf(tokens[at - 3]?.text ?? "") !== undefined) return true;
  if (
    before?.text === "-" &&
    before.start === tokens[at - 2]?.end &&
    /^[A-Z]/.test(tokens[at - 2]?.text ?? "")
  ) {
    return true;
  }
  if (before && (before.text === "#" || before.lower === "no." || before.lower === "number")) return true;
  // "one of the", "no one", "one another": the pronoun, not a figure
  if (words[at] === "one" && read.next === at + 1) {
    const next = tokens[read.next];
    if (!next || next.lower === "of" || next.lower === "another" || !MODIFIERS.has(next.pos)) return true;
    if (
      before &&
      (before.lower === "no" || before.lower === "the" || before.lower === "this" || before.lower === "that")
    ) {
      return true;
    }
  }
  return false;
}

/** The unit written after a figure: "50 kilometers", "8.5-kilometer", "60 percent", "12%". */
function unitAfter(ctx: Context, at: number): { unit: UnitEntry; next: number } | null {
  const { words, tokens } = ctx;
  let k = at;
  // "8.5-kilometer", "16-year-old"
  if (words[k] === "-" && tokens[k]!.start === tokens[k - 1]?.end) k++;
  for (const unit of unitsAfter.get(words[k] ?? "") ?? []) {
    if (startsAt(words, k, unit.words, ctx.last)) {
      const next = k + unit.words.length;
      return { unit, next };
    }
  }
  const ambiguous = ambiguousUnits.get(words[k] ?? "");
  if (ambiguous) {
    const measure = words[k + 1] === "of";
    return {
      unit: {
        unit: measure ? ambiguous.measure : ambiguous.currency,
        kind: measure ? "weight" : "currency",
        words: [words[k]!],
      },
      next: k + 1,
    };
  }
  return null;
}

/** The head noun of the noun group starting at `at`: "Afghan provinces", "of all American forces", "ISIS-loyalists". */
function countedNounAt(ctx: Context, at: number): string | undefined {
  const { tokens, words } = ctx;
  let k = at;
  while (k < ctx.last && SKIP_BEFORE_NOUN.has(words[k]!)) k++;
  let head: string | undefined;
  let headIsCommon = false;
  let inCompound = false;
  while (k < ctx.last) {
    const token = tokens[k]!;
    const joined =
      token.text === "-" && token.start === tokens[k - 1]?.end && tokens[k + 1]?.start === token.end;
    // "ISIS-loyalists", "Kurdish-trained recruits": the last part of a compound decides
    if (joined) {
      inCompound = true;
      k++;
      continue;
    }
    if (inCompound) {
      inCompound = false;
      head = NOUNISH.has(token.pos) ? token.lower : undefined;
      headIsCommon = token.pos === "NOUN";
      k++;
      continue;
    }
    // "the world's oil reserves"
    if ((token.lower === "'s" || token.lower === "’s") && head !== undefined) {
      k++;
      continue;
    }
    // "300 recruits graduated": a plural the tagger took for a verb, itself followed by a verb
    const after = tokens[k + 1];
    if (
      head === undefined &&
      token.pos === "VERB" &&
      /[^s]s$/.test(token.lower) &&
      (!after || PLURAL_VERB_FOLLOWERS.has(after.pos))
    ) {
      head = token.lower;
      break;
    }
    // "200 wounded people" but not "500 rebels surrendered last week"
    const participle = token.pos === "VERB" && /ed$/.test(token.lower) && head === undefined;
    if (!MODIFIERS.has(token.pos) && !participle) break;
    if (NOUNISH.has(token.pos) || token.pos === "NUM") {
      if (monthOf(token.text) !== undefined && token.pos === "PROPN") break;
      // "one tweet Friday": a common noun heads the group before a name after it does
      if (token.pos === "PROPN" && head !== undefined && /^[A-Z]/.test(token.text) && headIsCommon) break;
      head = token.pos === "NUM" ? undefined : token.lower;
      headIsCommon = token.pos === "NOUN";
    }
    k++;
  }
  if (head === undefined || NOT_COUNTED.has(head) || unitsAfter.has(head)) return undefined;
  return head;
}

/** "the number of armed men at the front is probably 800": the noun after the nearest "number of". */
function countedByAntecedent(ctx: Context, at: number): string | undefined {
  const { words } = ctx;
  for (let k = at - 2; k >= ctx.first; k--) {
    if (words[k] === "number" && words[k + 1] === "of") return countedNounAt(ctx, k + 2);
    if (/^\d/.test(words[k]!)) return undefined;
  }
  return undefined;
}

function readQuantity(ctx: Context, at: number): { draft: Draft; next: number } | null {
  const { tokens, words, text } = ctx;
  const rules: string[] = [];
  const start = at;
  let unit: string | undefined;
  let kind: string | undefined;

  // "$5 million", "€20"
  const symbolUnit = currencySymbols.get(tokens[at]!.text);
  if (symbolUnit && at + 1 < ctx.last) {
    unit = symbolUnit;
    kind = "currency";
    at++;
    rules.push(`currency:${symbolUnit}`);
  }

  let low: number | undefined;
  let high: number | undefined;
  let value: number | undefined;
  let next: number;
  let vague = false;
  // Only a token opening with a digit can be a range: "a" and "an" skip the regex.
  const opening = tokens[at]!.text.charCodeAt(0);
  const rangeToken = opening >= 48 && opening <= 57 ? RANGE_TOKEN.exec(tokens[at]!.text) : null;
  if (rangeToken) {
    // "10-15 people"
    low = Number(rangeToken[1]!.replace(/,/g, ""));
    high = Number(rangeToken[2]!.replace(/,/g, ""));
    // "voted 89-52": a score, not a range; "September 16-19" and "the 1991-1995 war": dates
    if (low >= high || monthOf(tokens[at - 1]?.text ?? "") !== undefined) return null;
    if (YEAR.test(rangeToken[1]!) && YEAR.test(rangeToken[2]!)) return null;
    next = at + 1;
    rules.push("range");
  } else {
    const read = readNumber(words, at);
    if (!read || read.next > ctx.last) return null;
    if (!symbolUnit && isFalseNumber(ctx, at, read)) return null;
    next = read.next;
    vague = read.vague;
    // "three-quarters of its food", "a two-thirds majority": a fraction
    const hyphenated = words[next] === "-" && tokens[next]!.start === tokens[next - 1]!.end;
    const fractionWord = hyphenated ? words[next + 1] : words[next];
    const denominator = fractionWord !== undefined ? numbers.fractions[fractionWord] : undefined;
    // "one third of", "two-thirds majority"; not "the 3 halves"
    if (denominator !== undefined && read.next === at + 1 && read.value < denominator && words[at] !== "a") {
      read.value /= denominator;
      next += hyphenated ? 2 : 1;
      unit = "fraction";
      kind = "ratio";
      rules.push("fraction");
    } else if (
      hyphenated &&
      !unitsAfter.has(words[next + 1] ?? "") &&
      !ambiguousUnits.has(words[next + 1] ?? "")
    ) {
      // "four-star general", "a two-party system": a compound adjective, not a figure
      return null;
    }
    rules.push(read.vague ? "vague-plural" : /\d/.test(words[at]!) ? "digits" : "words");
    // "1,000 to 1,500", "between 30 and 40", "two or three"
    const joiner = words[next];
    const between = anyEndsAt(words, at, [["between"], ["from"]], ctx.first);
    if (joiner !== undefined && !read.vague && (RANGE_JOINERS.has(joiner) || (joiner === "and" && between))) {
      let second = next + 1;
      if (currencySymbols.get(tokens[second]?.text ?? "") === unit && unit) second++;
      const upper = second < ctx.last ? readNumber(words, second) : null;
      if (upper && !upper.vague && upper.next <= ctx.last && !isFalseNumber(ctx, second, upper)) {
        let lowValue = read.value;
        // "1 to 1.5 million": the scale of the second figure applies to both
        const scale = words[upper.next - 1]!;
        if (SCALE_WORDS.has(scale) && !SCALE_WORDS.has(words[read.next - 1]!) && lowValue < upper.value) {
          lowValue *= numbers.scales[scale] ?? numbers.scaleAbbreviations[scale] ?? 1;
        }
        if (lowValue <= upper.value && (joiner !== "or" || read.value < upper.value)) {
          low = lowValue;
          high = upper.value;
          next = upper.next;
          rules.push("range");
        }
      }
    }
    if (low === undefined) value = read.value;
  }

  // unit after the figure; "millions of dollars"
  if (!unit) {
    const ofUnit = vague && words[next] === "of" ? unitAfter(ctx, next + 1) : null;
    const after = ofUnit?.unit.kind === "currency" ? ofUnit : unitAfter(ctx, next);
    if (after) {
      unit = after.unit.unit;
      kind = after.unit.kind;
      next = after.next;
      rules.push(`unit:${unit}`);
    }
  } else if (unitsAfter.get(words[next] ?? "")?.some((u) => u.unit === unit)) {
    next++;
  }

  // hedges and bounds before the figure; a vague plural or a range is approximate by itself
  let approximate = vague || (low !== undefined && high !== undefined);
  const lowerBound = anyEndsAt(words, start, LOWER_BOUND, ctx.first);
  const upperBound = lowerBound ? undefined : anyEndsAt(words, start, UPPER_BOUND, ctx.first);
  const hedge = anyEndsAt(words, start, APPROXIMATE, ctx.first);
  if (hedge) {
    approximate = true;
    rules.push(`hedge:${hedge}`);
  } else {
    for (let end = start - 1; end >= Math.max(ctx.first, start - hedges.hedgeWindow); end--) {
      if (/\d/.test(words[end]!) || words[end] === "," || words[end] === ";") break;
      const nearby = anyEndsAt(words, end, APPROXIMATE_NEARBY, ctx.first);
      if (nearby) {
        approximate = true;
        rules.push(`hedge:${nearby}`);
        break;
      }
    }
  }
  if (value !== undefined && (lowerBound || vague)) {
    low = value;
    value = undefined;
    if (lowerBound) rules.push(`bound:${lowerBound}`);
  } else if (value !== undefined && upperBound) {
    high = value;
    value = undefined;
    rules.push(`bound:${upperBound}`);
  }
  const hedgeAfter = APPROXIMATE_AFTER.find((p) => startsAt(words, next, p, ctx.last));
  let countFrom = next;
  if (hedgeAfter) {
    countFrom += hedgeAfter.length;
    approximate = true;
    rules.push(`hedge:${hedgeAfter.join(" ")}`);
    if (hedgeAfter.join(" ") === "or more" && value !== undefined) {
      low = value;
      value = undefined;
    }
  }

  // the thing counted: a noun after the figure (not after a measure), or "the number of X ... is N"
  let counts: string | undefined;
  if (kind === undefined || kind === "ratio") {
    counts = countedNounAt(ctx, countFrom);
    if (counts === undefined && kind === undefined) counts = countedByAntecedent(ctx, start);
  }
  // "seven days ago": a date, left to the times stage
  if (kind === "duration" && words[next] === "ago") return null;

  const end = tokens[next - 1]!.end;
  const draft: Draft = {
    ...textSpan(text, tokens[start]!.start, end),
    ...(value !== undefined ? { value } : {}),
    ...(low !== undefined ? { low } : {}),
    ...(high !== undefined ? { high } : {}),
    approximate,
    ...(unit !== undefined ? { unit } : {}),
    ...(counts !== undefined ? { counts } : {}),
    rule: rules.join("+"),
  };
  return { draft, next };
}

/** Every quantity in the document, in text order. */
export function findQuantities(
  text: string,
  tokens: Token[],
  sentences: { tokenStart: number; tokenEnd: number }[],
): Draft[] {
  const words = tokens.map((t) => t.lower);
  const found: Draft[] = [];
  for (const sentence of sentences) {
    const ctx: Context = { text, tokens, words, first: sentence.tokenStart, last: sentence.tokenEnd };
    let at = sentence.tokenStart;
    while (at < sentence.tokenEnd) {
      // Most words start no figure: a map lookup or two rules them out before any reading.
      if (!mayStartNumber(words[at]!) && !currencySymbols.has(tokens[at]!.text)) {
        at++;
        continue;
      }
      const read = readQuantity(ctx, at);
      if (read) {
        found.push(read.draft);
        at = Math.max(read.next, at + 1);
      } else at++;
    }
  }
  return found;
}

export const quantitiesStage = defineStage({
  name: "quantities",
  requires: [],
  run: (doc) => {
    const drafts = findQuantities(doc.text, doc.nlp.tokens, doc.nlp.sentences);
    return { items: drafts.map((d, i) => ({ id: `q${i + 1}`, ...d })) };
  },
});
