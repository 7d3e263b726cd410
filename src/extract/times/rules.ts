// The time-expression grammar: regular expressions built once from the lexicons, each with a
// builder that turns a match into a TIMEX3 value. Builders run in text order with a small
// state, so "a year earlier" after "the third quarter" can mean the same quarter a year before.

import { numbers } from "../quantities/lexicon.js";
import { readNumber } from "../quantities/numbers.js";
import { isAbbreviation, months, partsOfDay, seasons, weekdays } from "./calendar.js";
import {
  addDays,
  addMonths,
  formatDay,
  formatMonth,
  formatWeek,
  formatYear,
  nearestWeekday,
  quarterOf,
  yearOfMonth,
} from "./dates.js";
import { expressions, type Mod } from "./lexicon.js";

export type TimeType = "DATE" | "TIME" | "DURATION" | "SET";

export interface Timex {
  type: TimeType;
  value: string;
  mod?: Mod;
  /** The value depends on a publication date the document lacks. */
  unresolved?: boolean;
}

/** What a builder may look at besides its match. */
export interface Situation {
  /** The publication date, or null. */
  ref: Date | null;
  /** Does the sentence around the match speak of the future ("will", "next")? */
  future: boolean;
  /** The last quarter named before this point: "the third quarter" → {year: 1989, quarter: 3}. */
  quarter: { year: number; quarter: number } | null;
  /** Is the next word a noun? ("current account" is not a time; "current rates" are.) */
  nounFollows: boolean;
  /** The word before the match, lower case, and its part of speech. */
  wordBefore: string;
  posBefore: string;
}

export interface Rule {
  name: string;
  pattern: RegExp;
  /**
   * What every match contains: lower-case strings, found in any case ("century" for "the 20th
   * century"), or a pattern with the `g` flag. The pattern runs only within CUE_REACH characters
   * of a cue, and not at all on a text without one.
   */
  cues: readonly string[] | RegExp;
  build(m: RegExpExecArray, at: Situation): Timex | null;
}

// --- pattern pieces, all from the lexicons ---------------------------------------------------

/** `s` matched literally inside a pattern. */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const escapePhrase = (s: string) => escapeRegExp(s).replace(/ /g, "\\s+");
const alt = (words: Iterable<string>) =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map(escapePhrase)
    .join("|");

const NUMBER_WORD = alt([
  ...Object.keys(numbers.ones),
  ...Object.keys(numbers.tens),
  ...Object.keys(numbers.scales),
  "dozen",
]);
const NUMBER = `(?:\\d+(?:[.,]\\d+)?(?:\\s+1/2)?|(?:an?\\s+(?=hundred|thousand|million|dozen))?(?:${NUMBER_WORD})(?:(?:-|\\s+|\\s+and\\s+)(?:${NUMBER_WORD}))*(?:\\s+and\\s+a\\s+half)?)`;
const VAGUE_COUNT = alt(expressions.vagueCounts);
const COUNT = `(?:${NUMBER}|an?|${VAGUE_COUNT})`;
const UNIT_NAMES = Object.keys(expressions.units).filter((u) => u !== "weekend");
const UNIT = `(?:${alt([...UNIT_NAMES.map((u) => `${u}s`), ...UNIT_NAMES, ...Object.keys(expressions.unitPlurals)])})`;
const POINT_MOD = `(?:${alt(Object.keys(expressions.pointModifiers))}|mid-?)`;
const DURATION_MOD = alt(Object.keys(expressions.durationModifiers));
const AGO_MOD = alt(Object.keys(expressions.agoModifiers));
const MONTH_NAMES = [...months.keys()];
// Abbreviations need their period ("Jan." not "Jan Smith"); "May" and "March" need a date-like neighbour.
const MONTH = `(?:${alt(MONTH_NAMES.filter((m) => !isAbbreviation(m, months)))}|(?:${alt(MONTH_NAMES.filter((m) => isAbbreviation(m, months)))})\\.)`;
// Weekdays by their full names only: "Sun" and "Wed" are words too.
const WEEKDAY = alt([...weekdays.keys()].filter((w) => !isAbbreviation(w, weekdays)));
const SEASON = alt(seasons.keys());
const PART_OF_DAY = alt(partsOfDay.keys());
const RELATIVE = alt(Object.keys(expressions.relativeWords));
const YEAR = "(?:1[5-9]\\d\\d|20\\d\\d)";
/** "last" that is not the verb: "the last two years", but not "will last two years". */
const LAST_NOT_VERB = "(?<!\\b(?:will|to|would|could|may|might|can|should|must|not|n't)\\s+)last";
const ORDINAL = alt(Object.keys(expressions.quarterOrdinals));

// --- cues: one of them stands in every match of a rule ----------------------------------------

// A cue is a word the pattern cannot match without: "years" in "more than three years ago".
// Finding cues is a plain substring search; the patterns then run only on the stretches around
// them, which in most articles are a small part of the text.
const SEASON_CUES = [...seasons.keys()];
const PART_OF_DAY_CUES = [...partsOfDay.keys()];
const UNIT_CUES = [...Object.keys(expressions.units), ...Object.keys(expressions.unitPlurals)];
const WEEKDAY_CUES = [...weekdays.keys()].filter((w) => !isAbbreviation(w, weekdays));
const MONTH_CUES = MONTH_NAMES.map((m) => (isAbbreviation(m, months) ? `${m}.` : m));
const DECADE_WORDS = [
  "twenties",
  "thirties",
  "forties",
  "fifties",
  "sixties",
  "seventies",
  "eighties",
  "nineties",
];

const word = (s: string) => s.toLowerCase().replace(/\s+/g, " ").replace(/\.$/, "");
const modOf = (table: Record<string, Mod>, key: string | undefined): Mod | undefined => {
  if (key === undefined) return undefined;
  const k = word(key).replace(/-$/, "");
  return table[k] ?? (k === "mid" ? "MID" : undefined);
};
const withMod = (t: Timex, mod: Mod | undefined): Timex => (mod ? { ...t, mod } : t);

/** "two", "twenty-four", "2 1/2", "a", "several" → a number or "X". */
function countOf(text: string): number | "X" {
  const w = word(text);
  if (w === "a" || w === "an") return 1;
  if (w === "a couple of") return 2;
  if (expressions.vagueCounts.includes(w)) return "X";
  const words = w.split(/\s+|(?=-)|(?<=-)/);
  const read = readNumber(words, 0);
  return read && read.next === words.length ? read.value : "X";
}

function unitCode(text: string): string {
  const w = word(text);
  const singular = expressions.unitPlurals[w] ?? (expressions.units[w] ? w : w.replace(/s$/, ""));
  return expressions.units[singular] ?? "X";
}

/** A TIMEX3 duration: "P3Y", "PT2H", "P2Y6M", "PXM". */
export function durationValue(count: number | "X", code: string): string {
  const time = code.startsWith("T");
  const letter = code.replace(/^T|^\d+/, "");
  const factor = Number(/^\d+/.exec(code.replace(/^T/, ""))?.[0] ?? 1);
  if (count === "X") {
    const vague: Record<string, string> = { "10Y": "DE", "100Y": "CE", "1000Y": "L" };
    return `P${time ? "T" : ""}X${vague[code] ?? letter}`;
  }
  const n = count * factor;
  // "every quarter" → P1Q, "the next three quarters" → P9M
  if (letter === "Q") return n === 1 ? "P1Q" : `P${n * 3}M`;
  if (letter === "Y" && n >= 1000 && n % 1000 === 0) return `P${n / 1000}L`;
  if (Number.isInteger(n)) {
    if (code === "TH" && n % 24 === 0) return `P${n / 24}D`;
    return `P${time ? "T" : ""}${n}${letter}`;
  }
  // "2 1/2 years" → P2Y6M; "a minute and a half" → PT1M30S
  const smaller: Record<string, [string, number]> = {
    Y: ["M", 12],
    M: ["D", 30],
    W: ["D", 7],
    D: ["H", 24],
    H: ["M", 60],
    S: ["S", 1],
  };
  const [next, per] = code === "TM" ? ["S", 60] : (smaller[letter] ?? ["", 0]);
  const whole = Math.floor(n);
  const rest = Math.round((n - whole) * per);
  const needsT = time || letter === "D";
  const head = whole > 0 ? `${whole}${letter}` : "";
  return `P${time ? "T" : ""}${head}${needsT && !time ? "T" : ""}${rest}${next}`;
}

// --- resolution against the publication date --------------------------------------------------

/** Shift the reference by `n` units and write it at that unit's grain: years → "2017", weeks → "2018-W05". */
function shifted(ref: Date | null, code: string, n: number): Timex {
  if (!ref)
    return {
      type: "DATE",
      value: n < 0 ? "PAST_REF" : n > 0 ? "FUTURE_REF" : "PRESENT_REF",
      unresolved: true,
    };
  const factor = Number(/^\d+/.exec(code)?.[0] ?? 1);
  const letter = code.replace(/^\d+/, "");
  const steps = n * factor;
  switch (letter) {
    case "Y": {
      const year = ref.getUTCFullYear() + steps;
      if (factor === 10) return { type: "DATE", value: formatYear(year).slice(0, 3) };
      if (factor === 100) return { type: "DATE", value: formatYear(year).slice(0, 2) };
      return { type: "DATE", value: formatYear(year) };
    }
    case "Q": {
      const d = addMonths(ref, steps * 3);
      return { type: "DATE", value: `${formatYear(d.getUTCFullYear())}-Q${quarterOf(d)}` };
    }
    case "M": {
      const d = addMonths(ref, steps);
      return { type: "DATE", value: formatMonth(d.getUTCFullYear(), d.getUTCMonth() + 1) };
    }
    case "W":
      return { type: "DATE", value: formatWeek(addDays(ref, steps * 7)) };
    case "WE":
      return { type: "DATE", value: `${formatWeek(addDays(ref, steps * 7))}-WE` };
    default:
      return { type: "DATE", value: formatDay(addDays(ref, steps)) };
  }
}

function monthValue(month: number, year: number | null, at: Situation): Timex {
  if (year !== null) return { type: "DATE", value: formatMonth(year, month) };
  if (!at.ref) return { type: "DATE", value: `XXXX-${String(month).padStart(2, "0")}`, unresolved: true };
  return { type: "DATE", value: formatMonth(yearOfMonth(at.ref, month, at.future), month) };
}

function weekdayDate(weekday: number, at: Situation, direction: number | null): Timex {
  if (!at.ref) return { type: "DATE", value: `XXXX-WXX-${weekday}`, unresolved: true };
  const future = direction === null || direction === 0 ? at.future : direction > 0;
  let d = nearestWeekday(at.ref, weekday, future);
  // "last Friday" is never the day of publication
  if (direction === -1 && d.getTime() === at.ref.getTime()) d = addDays(d, -7);
  if (direction === 1 && d.getTime() === at.ref.getTime()) d = addDays(d, 7);
  return { type: "DATE", value: formatDay(d) };
}

const withPartOfDay = (t: Timex, part: string | undefined): Timex => {
  if (!part || t.unresolved) return t;
  const code = partsOfDay.get(word(part));
  return code ? { type: "TIME", value: `${t.value}T${code}` } : t;
};

/** A year written relative to another: "last year's", "the year-ago", "this year's". */
function yearWord(text: string | undefined, ref: Date | null): number | null | undefined {
  if (text === undefined) return undefined;
  const w = word(text).replace(/['’]s$/, "");
  const digits = /\d{4}/.exec(w);
  if (digits) return Number(digits[0]);
  if (!ref) return null;
  const y = ref.getUTCFullYear();
  if (/last|year-ago|year-earlier|previous|prior|comparable|corresponding|same/.test(w)) return y - 1;
  if (/next/.test(w)) return y + 1;
  return y;
}

const quarterValue = (year: number, quarter: number) => `${formatYear(year)}-Q${quarter}`;

/** The last quarter that has ended by `ref`: what "the latest quarter" reports on. */
function latestQuarter(ref: Date): { year: number; quarter: number } {
  const q = quarterOf(ref) - 1;
  return q === 0
    ? { year: ref.getUTCFullYear() - 1, quarter: 4 }
    : { year: ref.getUTCFullYear(), quarter: q };
}

// --- the rules -------------------------------------------------------------------------------

const rx = (source: string) => new RegExp(source, "gi");

export const rules: Rule[] = [
  {
    // "more than three years ago", "a week or so ago", "two days later"
    name: "ago",
    cues: ["ago", "earlier", "later", "now", "hence"],
    pattern: rx(
      `\\b(?:(${AGO_MOD})\\s+)?(${COUNT})[\\s-]+(${UNIT})\\s+(or\\s+so\\s+)?(ago|earlier|later|from\\s+now|hence)\\b`,
    ),
    build(m, at) {
      const count = countOf(m[2]!);
      const code = unitCode(m[3]!);
      const sign = /ago|earlier/i.test(m[5]!) ? -1 : 1;
      const mod = modOf(expressions.agoModifiers, m[1]) ?? (m[4] ? "APPROX" : undefined);
      if (count === "X") return withMod({ type: "DATE", value: sign < 0 ? "PAST_REF" : "FUTURE_REF" }, mod);
      if (code.startsWith("T")) return withMod(shifted(at.ref, "D", 0), mod);
      // "a year earlier" after "the third quarter": the same quarter a year before
      if (code === "Y" && count === 1 && at.quarter && /earlier|ago/i.test(m[5]!)) {
        return withMod({ type: "DATE", value: quarterValue(at.quarter.year - 1, at.quarter.quarter) }, mod);
      }
      // "two weeks ago" names a day; "six weeks ago" only a week
      if (code === "W" && count <= 2) return withMod(shifted(at.ref, "D", sign * count * 7), mod);
      return withMod(shifted(at.ref, code, sign * count), mod);
    },
  },
  {
    // "three years", "the past two months", "a two-week", "nearly forty years", "several days", "16-year-old"
    name: "duration",
    cues: UNIT_CUES,
    pattern: rx(
      `\\b(?:(${DURATION_MOD})\\s+)?(?:(the\\s+)?(first|${LAST_NOT_VERB}|past|next|previous|coming|following|final|initial|latest|recent|additional|entire|full)\\s+)?(${COUNT})(?:\\s+(?:to|or)\\s+(${NUMBER}))?[\\s-]+(?:(?:more|additional|straight|consecutive|trading|business)\\s+)?(${UNIT})(-old)?(\\s+or\\s+so)?(\\s+and\\s+a\\s+half)?\\b(?!\\s+old\\b)`,
    ),
    build(m, at) {
      const unitText = word(m[6]!);
      // "a second attack", "the first day": ordinals, not durations
      if (/^seconds?$/.test(unitText) && /^an?$/i.test(m[4]!)) return null;
      // "the 1988 quarter" is a year, not 1988 quarters
      if (/^(?:1[5-9]|20)\d\d$/.test(m[4]!)) return null;
      const counted = countOf(m[4]!);
      const count = counted !== "X" && m[9] ? counted + 0.5 : counted;
      // "a quarter of", "three quarters of the vote": fractions
      if (
        /^quarters?$/.test(unitText) &&
        (/^an?$/i.test(m[4]!) || /^\s+of\b/.test(m.input.slice(m.index + m[0].length)))
      ) {
        return null;
      }
      // "$25,000 a year", "four flights a week": a rate, which TIMEX3 news annotation leaves out
      if (
        count === 1 &&
        /^an?$/i.test(m[4]!) &&
        (at.posBefore === "NUM" || at.posBefore === "NOUN" || at.wordBefore === "times")
      ) {
        return null;
      }
      const code = unitCode(unitText);
      if (code === "X" || code === "WE") return null;
      const mod =
        modOf(expressions.durationModifiers, m[1]) ??
        (m[8] ? "APPROX" : m[5] && m[4] ? "EQUAL_OR_MORE" : undefined);
      // "two to three weeks": the lower figure, at least
      return withMod({ type: "DURATION", value: durationValue(count, code) }, mod);
    },
  },
  {
    // "the past week", "the last year": a span reaching back to publication
    name: "past-unit",
    cues: UNIT_CUES,
    pattern: rx(`\\b(the\\s+)(past|last|next|coming|previous|following|preceding)\\s+(${UNIT})\\b`),
    build(m, at) {
      const unit = word(m[3]!);
      const code = unitCode(unit);
      if (code === "X" || code === "WE") return null;
      // "the next day", "the previous week": a point next to the story's day, read from publication
      const step = word(m[2]!);
      if (
        /^(?:next|following|previous|preceding)$/.test(step) &&
        expressions.units[unit] &&
        !code.startsWith("T")
      ) {
        return shifted(at.ref, code, /^(?:next|following)$/.test(step) ? 1 : -1);
      }
      if (/s$/.test(unit) && !expressions.units[unit])
        return { type: "DURATION", value: durationValue("X", code) };
      if (code === "10Y" || code === "100Y") return null;
      return { type: "DURATION", value: durationValue(1, code) };
    },
  },
  {
    // "recent months", "coming weeks", "years", "for decades"
    name: "vague-span",
    cues: UNIT_CUES,
    pattern: rx(
      `\\b(?:(recent|coming|past|the\\s+coming|the\\s+past|the\\s+next|the\\s+last)\\s+(?:few\\s+|several\\s+)?|(for|in|within|over)\\s+)(${UNIT})\\b`,
    ),
    build(m) {
      const unit = word(m[3]!);
      if (!/s$/.test(unit) && !expressions.unitPlurals[unit]) return null;
      // "the years" needs "ahead": "the weeks ahead"
      if (word(m[2] ?? "") === "the" && !m[4]) return null;
      const code = unitCode(unit);
      if (code === "X" || code === "WE") return null;
      if (/coming/i.test(m[1] ?? "")) return { type: "DATE", value: "FUTURE_REF" };
      return { type: "DURATION", value: durationValue("X", code) };
    },
  },
  {
    // "last year", "this week", "next month", "earlier this year", "late last week", "last Friday", "this summer"
    name: "relative-calendar",
    cues: [
      "year",
      "month",
      "week",
      "quarter",
      "decade",
      "century",
      ...WEEKDAY_CUES,
      ...MONTH_CUES,
      ...SEASON_CUES,
    ],
    pattern: rx(
      `\\b(?:(${POINT_MOD})\\s*)?(${RELATIVE}|the\\s+(?:${RELATIVE}))\\s+(year|month|week|weekend|quarter|decade|century|${WEEKDAY}|${MONTH}|${SEASON})(?![-\\w])`,
    ),
    build(m, at) {
      const mod = modOf(expressions.pointModifiers, m[1]);
      const rel = word(m[2]!).replace(/^the /, "");
      const direction = expressions.relativeWords[rel] ?? 0;
      const target = word(m[3]!);
      const weekday = weekdays.get(target);
      if (weekday !== undefined) return withMod(weekdayDate(weekday, at, direction), mod);
      const month = months.get(target);
      if (month !== undefined) {
        if (!at.ref) return withMod(monthValue(month, null, at), mod);
        const current = at.ref.getUTCMonth() + 1;
        const y = at.ref.getUTCFullYear();
        const year =
          direction < 0 ? (month < current ? y : y - 1) : direction > 0 ? (month > current ? y : y + 1) : y;
        return withMod(monthValue(month, year, at), mod);
      }
      const season = seasons.get(target);
      if (season !== undefined) {
        if (!at.ref) return { type: "DATE", value: `XXXX-${season}`, unresolved: true };
        const y = at.ref.getUTCFullYear();
        const ends: Record<string, number> = { SP: 5, SU: 8, FA: 11, WI: 2 };
        const year =
          direction < 0 ? (ends[season]! < at.ref.getUTCMonth() + 1 ? y : y - 1) : y + Math.max(direction, 0);
        return withMod({ type: "DATE", value: `${formatYear(year)}-${season}` }, mod);
      }
      if (target === "quarter") {
        if (!at.ref) return { type: "DATE", value: "XXXX-QX", unresolved: true };
        const latest = latestQuarter(at.ref);
        if (direction < 0)
          return withMod({ type: "DATE", value: quarterValue(latest.year, latest.quarter) }, mod);
      }
      return withMod(shifted(at.ref, expressions.units[target] ?? "D", direction), mod);
    },
  },
  {
    // "the end of the year", "the middle of the month"
    name: "edge-of-current",
    cues: ["year", "month", "week", "quarter", "decade"],
    pattern: rx(`\\b(${POINT_MOD})\\s+the\\s+(year|month|week|quarter|decade)\\b`),
    build(m, at) {
      const mod = modOf(expressions.pointModifiers, m[1]);
      return withMod(shifted(at.ref, expressions.units[word(m[2]!)]!, 0), mod);
    },
  },
  {
    // "yesterday", "late yesterday", "tonight", "yesterday morning", "this morning", "last night"
    name: "named-day",
    cues: ["yesterday", "today", "tomorrow", "tonight", "overnight", ...PART_OF_DAY_CUES],
    pattern: rx(
      `\\b(?:(${POINT_MOD})\\s+)?(?:(yesterday|today|tomorrow|tonight|overnight)(?:\\s+(${PART_OF_DAY}))?|(this|last|tomorrow|yesterday)\\s+(${PART_OF_DAY}))\\b`,
    ),
    build(m, at) {
      const mod = modOf(expressions.pointModifiers, m[1]);
      const day = word(m[2] ?? m[4]!);
      const offset =
        day === "last" ? -1 : day === "this" || day === "overnight" ? 0 : (expressions.namedDays[day] ?? 0);
      const base = shifted(at.ref, "D", offset);
      if (base.unresolved)
        return withMod(
          { ...base, value: offset < 0 ? "PAST_REF" : offset > 0 ? "FUTURE_REF" : "PRESENT_REF" },
          mod,
        );
      const part = m[3] ?? m[5] ?? (day === "tonight" || day === "overnight" ? "night" : undefined);
      return withMod(withPartOfDay(base, part), mod);
    },
  },
  {
    // "mid-afternoon yesterday", "morning Tuesday"
    name: "part-of-named-day",
    cues: PART_OF_DAY_CUES,
    pattern: rx(`\\b(?:(${POINT_MOD})[\\s-]*)?(${PART_OF_DAY})\\s+(yesterday|today|tomorrow|${WEEKDAY})\\b`),
    build(m, at) {
      const day = word(m[3]!);
      const weekday = weekdays.get(day);
      const base =
        weekday !== undefined
          ? weekdayDate(weekday, at, null)
          : shifted(at.ref, "D", expressions.namedDays[day] ?? 0);
      return withMod(withPartOfDay(base, m[2]), modOf(expressions.pointModifiers, m[1]));
    },
  },
  {
    // "the year" (a span of one), "the full year", "the current fiscal year", "the week", "the weekend"
    name: "the-unit",
    cues: ["year", "week"],
    pattern: rx(
      `\\b(?:the)\\s+(full\\s+|fiscal\\s+|current\\s+fiscal\\s+|current\\s+|calendar\\s+)?(year|week|weekend)\\b(?![-'’])`,
    ),
    build(m, at) {
      const which = word(m[1] ?? "").trim();
      const unit = word(m[2]!);
      if (unit === "weekend") {
        if (!at.ref) return { type: "DATE", value: "XXXX-WXX-WE", unresolved: true };
        return { type: "DATE", value: `${formatWeek(nearestWeekday(at.ref, 6, at.future))}-WE` };
      }
      if (unit === "week") {
        if (which) return null;
        return at.ref ? { type: "DATE", value: `${formatYear(at.ref.getUTCFullYear())}-WXX` } : null;
      }
      if (which === "full" || which.startsWith("current")) return shifted(at.ref, "Y", 0);
      return { type: "DURATION", value: "P1Y" };
    },
  },
  {
    // "Tuesday", "early Tuesday", "Saturday night", "Tuesday nights" (a set)
    name: "weekday",
    cues: WEEKDAY_CUES,
    pattern: rx(`\\b(?:(${POINT_MOD})\\s+)?(${WEEKDAY})(s)?(?:\\s+(${PART_OF_DAY})(s)?)?\\b`),
    build(m, at) {
      if (!/^[A-Z]/.test(m[2]!)) return null;
      const weekday = weekdays.get(word(m[2]!))!;
      const part = m[4] ? partsOfDay.get(word(m[4])) : undefined;
      if (m[3] || m[5]) return { type: "SET", value: `XXXX-WXX-${weekday}${part ? `T${part}` : ""}` };
      return withMod(
        withPartOfDay(weekdayDate(weekday, at, null), m[4]),
        modOf(expressions.pointModifiers, m[1]),
      );
    },
  },
  {
    // "January", "late January", "mid-November", "August 1988", "June of last year"
    name: "month",
    cues: MONTH_CUES,
    pattern: rx(
      `\\b(?:(${POINT_MOD})\\s*)?(${MONTH})(?![\\w-])(?:,?\\s+(?:of\\s+)?(${YEAR})\\b|\\s+(?:of\\s+)?(last|this|next)\\s+year\\b)?`,
    ),
    build(m, at) {
      if (!/^[A-Z]/.test(m[2]!)) return null;
      const month = months.get(word(m[2]!))!;
      const ambiguous = month === 5 || month === 3;
      if (
        ambiguous &&
        !m[1] &&
        !m[3] &&
        !m[4] &&
        !/^(?:in|since|until|till|by|during|from|to|through|last|this|next|early|late|of|before|after|between|and|mid)$/.test(
          at.wordBefore,
        )
      ) {
        return null;
      }
      let year: number | null = m[3] ? Number(m[3]) : null;
      if (m[4]) {
        const shift = expressions.relativeWords[word(m[4])] ?? 0;
        if (!at.ref)
          return { type: "DATE", value: `XXXX-${String(month).padStart(2, "0")}`, unresolved: true };
        year = at.ref.getUTCFullYear() + shift;
      }
      return withMod(monthValue(month, year, at), modOf(expressions.pointModifiers, m[1]));
    },
  },
  {
    // "this summer", "the winter of 1994", "spring 2017"
    name: "season",
    cues: SEASON_CUES,
    pattern: rx(`\\b(?:(${POINT_MOD})\\s+)?(?:the\\s+)?(${SEASON})(?:\\s+(?:of\\s+)?(${YEAR}))\\b`),
    build(m) {
      const season = seasons.get(word(m[2]!))!;
      return withMod({ type: "DATE", value: `${m[3]}-${season}` }, modOf(expressions.pointModifiers, m[1]));
    },
  },
  {
    // "the summer", "early summer", "in winter": the nearest such season, leaning to the past
    name: "season-nearest",
    cues: SEASON_CUES,
    pattern: rx(
      `\\b(?:(${POINT_MOD})\\s+)?(?:the\\s+|in\\s+)(?:(early|late|mid)[\\s-]?)?(${SEASON})\\b(?!\\s+(?:of\\s+)?\\d)`,
    ),
    build(m, at) {
      const season = seasons.get(word(m[3]!))!;
      const mod = modOf(expressions.pointModifiers, m[1] ?? m[2]);
      if (!at.ref) return { type: "DATE", value: `XXXX-${season}`, unresolved: true };
      const starts: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };
      const y = at.ref.getUTCFullYear();
      const started = starts[season]! <= at.ref.getUTCMonth() + 1;
      const year = at.future ? (started ? y + (season === "WI" ? 0 : 1) : y) : started ? y : y - 1;
      return withMod({ type: "DATE", value: `${formatYear(year)}-${season}` }, mod);
    },
  },
  {
    // "the nineties", "the early eighties"
    name: "decade-words",
    cues: DECADE_WORDS,
    pattern: rx(`\\bthe\\s+(?:(early|mid|late)[\\s-]+)?(${DECADE_WORDS.join("|")})\\b`),
    build(m) {
      const value = `19${DECADE_WORDS.indexOf(word(m[2]!)) + 2}`;
      return withMod({ type: "DATE", value }, modOf(expressions.pointModifiers, m[1]));
    },
  },
  {
    // "1988", "fiscal 1989", "mid-1996", "the end of 1990", "1994 or later"
    name: "year",
    cues: new RegExp(YEAR, "g"),
    pattern: rx(
      `(?<![\\d$£€.,:/-])\\b(?:(${POINT_MOD})\\s*)?(?:(?:fiscal|calendar)(?:\\s+year)?\\s+|FY\\s*)?(${YEAR})(?:\\s+(or\\s+later|or\\s+earlier|or\\s+so))?(?![\\d,.:/]\\d|%|s\\b|-\\d)\\b`,
    ),
    build(m, at) {
      if (/^(?:no\.?|number|#|route|highway|flight|resolution|article|the)$/.test(at.wordBefore) && !m[1]) {
        if (at.wordBefore !== "the") return null;
      }
      const mod = modOf(expressions.pointModifiers, m[1]) ?? modOf(expressions.suffixModifiers, m[3]);
      return withMod({ type: "DATE", value: m[2]! }, mod);
    },
  },
  {
    // "the 1990s", "the late 1970s", "the '90s"
    name: "decade",
    cues: ["0s", "0's", "0’s"],
    pattern: rx(`\\b(?:the\\s+)?(?:(early|mid|late)[\\s-]+)?(1[5-9]\\d|20\\d)0['’]?s\\b`),
    build(m) {
      return withMod({ type: "DATE", value: m[2]! }, modOf(expressions.pointModifiers, m[1]));
    },
  },
  {
    // "the 20th century", "the 11th century"
    name: "century",
    cues: ["century"],
    pattern: rx(`\\b(?:the\\s+)?(?:(early|mid|late)[\\s-]+)?(\\d{1,2})(?:st|nd|rd|th)[\\s-]+century\\b`),
    build(m) {
      return withMod(
        { type: "DATE", value: String(Number(m[2]) - 1).padStart(2, "0") },
        modOf(expressions.pointModifiers, m[1]),
      );
    },
  },
  {
    // "the third quarter", "third-quarter", "the 1988 second quarter", "this year's third quarter", "the first half"
    name: "ordinal-quarter",
    cues: ["quarter", "half"],
    pattern: rx(
      `\\b(?:(?:the|a|its|their)\\s+)?(?:(${YEAR}|this\\s+year['’]s|last\\s+year['’]s|next\\s+year['’]s|year-ago|year-earlier|the\\s+year-ago|the\\s+year-earlier)\\s+)?(?:(?:fiscal|calendar|flat|strong|weak)\\s+)?(${ORDINAL})[\\s-]+(?:fiscal\\s+)?(quarter|half)(?:\\s+of\\s+(${YEAR}|this\\s+year|last\\s+year|next\\s+year|fiscal\\s+${YEAR}))?\\b`,
    ),
    build(m, at) {
      const ordinal = expressions.quarterOrdinals[word(m[2]!)]!;
      const half = /half/i.test(m[3]!);
      if (half && ordinal > 2) return null;
      let year = yearWord(m[4] ?? m[1], at.ref);
      if (year === null)
        return { type: "DATE", value: half ? `XXXX-H${ordinal}` : `XXXX-Q${ordinal}`, unresolved: true };
      if (year === undefined) {
        if (!at.ref)
          return { type: "DATE", value: half ? `XXXX-H${ordinal}` : `XXXX-Q${ordinal}`, unresolved: true };
        const current = half ? (at.ref.getUTCMonth() < 6 ? 1 : 2) : quarterOf(at.ref);
        year = at.ref.getUTCFullYear() - (ordinal > current && !at.future ? 1 : 0);
      }
      if (half) return { type: "DATE", value: `${formatYear(year)}-H${ordinal}` };
      return { type: "DATE", value: quarterValue(year, ordinal) };
    },
  },
  {
    // "the quarter", "the latest quarter", "the year-ago quarter", "the year-earlier period", "this quarter"
    name: "quarter",
    cues: ["quarter", "period"],
    pattern: rx(
      `\\b(the|this|that|a|its)\\s+(?:(${YEAR}|${alt(expressions.latestQuarterWords)}|current|year-ago|year-earlier|comparable|corresponding|same|fiscal|(?:comparable|corresponding|same)\\s+year-(?:ago|earlier))\\s+)?(quarter|period)(\\s+(?:a\\s+year\\s+(?:earlier|ago)|last\\s+year))?\\b`,
    ),
    build(m, at) {
      const det = word(m[1]!);
      const which = word(m[2] ?? "");
      const period = /period/i.test(m[3]!);
      const yearBack =
        /year-|last year|a year/.test(`${which} ${word(m[4] ?? "")}`) ||
        /comparable|corresponding/.test(which);
      if (period && !which) return null;
      if (det === "a" && !which) return null;
      if (!at.ref) return { type: "DATE", value: "XXXX-QX", unresolved: true };
      if (det === "this" || which === "current")
        return { type: "DATE", value: quarterValue(at.ref.getUTCFullYear(), quarterOf(at.ref)) };
      // "the latest quarter" is the last one reported; "the quarter" the one the story is about
      const latest = /latest|recent|just-ended|previous|past|last/.test(which);
      const base = (latest ? null : at.quarter) ?? latestQuarter(at.ref);
      // "the 1988 quarter": the quarter the story is about, in that year
      if (/^\d{4}$/.test(which)) return { type: "DATE", value: quarterValue(Number(which), base.quarter) };
      return { type: "DATE", value: quarterValue(base.year - (yearBack ? 1 : 0), base.quarter) };
    },
  },
  {
    // "a year earlier" in quarterly reporting, "year-ago", "year-earlier": the same period a year before
    name: "year-earlier",
    cues: ["year-ago", "year-earlier"],
    pattern: rx(`\\b(?:the\\s+)?(year-ago|year-earlier)(?!\\s+(?:quarter|period|${ORDINAL}))\\b`),
    build(_m, at) {
      if (!at.ref) return { type: "DATE", value: "PAST_REF", unresolved: true };
      if (at.quarter) return { type: "DATE", value: quarterValue(at.quarter.year - 1, at.quarter.quarter) };
      return { type: "DATE", value: formatYear(at.ref.getUTCFullYear() - 1) };
    },
  },
  {
    // "the first nine months", "the nine months", "the six months"
    name: "first-months",
    cues: ["month", "week", "year", "day"],
    pattern: rx(`\\bthe\\s+(?:(first|last|past|next)\\s+)?(${NUMBER})\\s+(months|weeks|years|days)\\b`),
    build(m) {
      const count = countOf(m[2]!);
      return { type: "DURATION", value: durationValue(count, unitCode(m[3]!)) };
    },
  },
  {
    // "now", "currently", "recently", "the future", "soon"
    name: "vague-reference",
    // one word of each phrase: a match may hold any run of spaces between them
    cues: Object.keys(expressions.vagueReferences).map((phrase) =>
      phrase.split(" ").reduce((a, b) => (b.length > a.length ? b : a)),
    ),
    pattern: rx(`\\b(${alt(Object.keys(expressions.vagueReferences))})\\b`),
    build(m, at) {
      const w = word(m[1]!);
      if (expressions.vagueReferenceNeedsNoun.includes(w) && !at.nounFollows) return null;
      // "Now, he says ...": a discourse marker opening a sentence, not a time
      if (
        w === "now" &&
        /^,/.test(m.input.slice(m.index + m[0].length)) &&
        /^(?:|[.!?"'`”’]+)$/.test(at.wordBefore)
      ) {
        return null;
      }
      return { type: "DATE", value: expressions.vagueReferences[w]! };
    },
  },
  {
    // "daily", "every week", "each Thursday", "each July"
    name: "set",
    cues: [...Object.keys(expressions.sets), ...expressions.setQuantifiers],
    pattern: rx(
      `\\b(?:(${alt(Object.keys(expressions.sets))})|(?:${alt(expressions.setQuantifiers)})\\s+(year|month|week|day|quarter|night|morning|${WEEKDAY}|${MONTH}))\\b`,
    ),
    build(m) {
      if (m[1]) return { type: "SET", value: expressions.sets[word(m[1])]! };
      const target = word(m[2]!);
      const weekday = weekdays.get(target);
      if (weekday !== undefined) return { type: "SET", value: `XXXX-WXX-${weekday}` };
      const month = months.get(target);
      if (month !== undefined) return { type: "SET", value: `XXXX-${String(month).padStart(2, "0")}` };
      if (target === "night") return { type: "SET", value: "XXXX-XX-XXTNI" };
      if (target === "morning") return { type: "SET", value: "XXXX-XX-XXTMO" };
      return { type: "SET", value: durationValue(1, expressions.units[target]!) };
    },
  },
  {
    // "the year two thousand", "nineteen ninety-six"
    name: "spoken-year",
    cues: ["thousand", "nineteen", "twenty"],
    pattern: rx(
      `\\b(?:the\\s+year\\s+(two\\s+thousand(?:\\s+and\\s+\\w+)?)|(nineteen|twenty)\\s+((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\\w+)?))\\b`,
    ),
    build(m) {
      const words = word(m[1] ?? `${m[2]} ${m[3]}`).split(/\s+|(?=-)|(?<=-)/);
      const read = readNumber(words, 0);
      if (!read || read.value < 1000 || read.value > 2099) return null;
      return { type: "DATE", value: formatYear(read.value) };
    },
  },
];
