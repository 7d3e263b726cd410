// Times: every date, time, duration and set in the text as a TIMEX3-style value and modifier,
// relative ones resolved against the publication date ("last year" → 2017, "late January" →
// 2018-01 END, "recent months" → PXM). Absolute dates and clock times come from chrono-node,
// run on the sentences around a month name or clock cue; the rest, and the fixes for what chrono gets wrong
// ("1,000 to 1,500" is no clock time), come from the rule grammar in rules.ts.

import type { ParsedComponents } from "chrono-node";
import * as chrono from "chrono-node";
import { ErrorCode } from "../../core/errors.js";
import type { Message, Section, SectionKind, Span, Time } from "../../core/schema.js";
import { textSpan } from "../../core/spans.js";
import { type NlpLayer, type Sentence, sentenceAt, tokenAt, tokenFrom } from "../../nlp/index.js";
import { defineStage } from "../stage.js";
import { months } from "./calendar.js";
import { formatDay, formatMonth, nearestWeekday, parseReference, yearOfMonth } from "./dates.js";
import { expressions } from "./lexicon.js";
import { escapeRegExp, type Rule, rules, type Situation, type Timex } from "./rules.js";

type Draft = Omit<Time, "id">;

interface Candidate {
  start: number;
  end: number;
  rule: string;
  build(at: Situation): Timex | null;
}

const FUTURE = new RegExp(
  `(?:^|[^\\w'])(?:${expressions.futureCues.map((c) => c.replace(/ /g, "\\s+").replace(/'/g, "['’]")).join("|")})(?![\\w])`,
  "i",
);
/** How many characters before a time (and half as many after) a future cue may stand. */
const FUTURE_WINDOW = 40;
/** Words chrono folds into a date that are not part of it: "on Wednesday", "at 7 p.m.". */
const LEADING_PREPOSITION = /^(?:on|at|in|by|from|since|until|till|of|the|around|about)\s+/i;
/** A clock time is one only with a clock cue: "6.5 kilograms" and "1,000 to 1,500" are not. */
const CLOCK_CUE = /\d:\d\d|\b\d{1,2}\s*(?:a\.?m\b\.?|p\.?m\b\.?)|\b(?:noon|midnight|o'clock)\b/i;
const APPROXIMATE_BEFORE = /\b(?:about|around|approximately|roughly|circa)\s+$/i;

/** A written date chrono may read: a month name ("Nov. 9") or a full numeric date ("11/9/2016", "2013-03-15"). */
const DATE_CUE = new RegExp(
  `\\b(?:${[...months.keys()].join("|")})\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b|\\b\\d{4}-\\d\\d-\\d\\d\\b`,
  "i",
);
const PARAGRAPH = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
/**
 * What makes a sentence worth handing to chrono: a month name as dates write it ("May 5",
 * "MAY 5", never the verb in "may meet"), a numeric date or a clock cue.
 */
const CHRONO_CUES = [
  new RegExp(
    `\\b(?:${[...months.keys()].flatMap((m) => [m[0]!.toUpperCase() + m.slice(1), m.toUpperCase()]).join("|")})\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b|\\b\\d{4}-\\d\\d-\\d\\d\\b`,
    "g",
  ),
  new RegExp(CLOCK_CUE.source, "gi"),
];
/**
 * The longest stretch handed to chrono at once. Its refiners look back over the text before
 * each date, so a paragraph of dates read whole costs the square of its length.
 */
const MAX_CHRONO_WINDOW = 2_000;
/** A cue this close to its sentence's edge takes the neighbour too: a split after "Nov." or "7 p.m.". */
const SENTENCE_EDGE = 20;
/** Where chrono joins two dates into a range: "from Aug. 26 to Oct. 20". */
const RANGE_JOINER = /\s+(?:to|through|until|till)\s+|\s*[-–]\s*/i;

interface ChronoPiece {
  index: number;
  text: string;
  start: ParsedComponents;
}

/**
 * The stretches of a paragraph chrono reads: the sentence around each cue, with its neighbour
 * when the cue stands at the sentence's edge, merged where they overlap.
 */
function cueWindows(text: string, sentences: Sentence[], from: number, to: number): [number, number][] {
  const windows: [number, number][] = [];
  const paragraph = text.slice(from, to);
  for (const cue of CHRONO_CUES) {
    for (const m of paragraph.matchAll(cue)) {
      const at = from + m.index;
      const i = sentenceAt(sentences, at);
      if (i < 0) return [[from, to]];
      const s = sentences[i]!;
      const start = at - s.start < SENTENCE_EDGE && i > 0 ? sentences[i - 1]!.start : s.start;
      const end =
        s.end - (at + m[0].length) < SENTENCE_EDGE && i + 1 < sentences.length
          ? sentences[i + 1]!.end
          : s.end;
      windows.push([Math.max(from, start), Math.min(to, end)]);
    }
  }
  windows.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (!last || w[0] > last[1]) merged.push(w);
    else if (w[1] <= last[1]) continue;
    else if (w[1] - last[0] <= MAX_CHRONO_WINDOW) last[1] = w[1];
    // a window that has grown long ends at its last sentence's end, and the next starts there
    else merged.push([last[1], w[1]]);
  }
  return merged;
}

/**
 * chrono's results, ranges split into their two ends ("Sept. 14 to Thursday" is two times).
 * chrono reads only the sentences around a month name or a clock cue: the only results kept
 * need one.
 */
function chronoPieces(text: string, sentences: Sentence[], instant: Date): ChronoPiece[] {
  const pieces: ChronoPiece[] = [];
  const parse = (s: string) => chrono.casual.parse(s, { instant, timezone: 0 }, { forwardDate: false });
  for (const paragraph of text.matchAll(PARAGRAPH)) {
    for (const [from, to] of cueWindows(
      text,
      sentences,
      paragraph.index,
      paragraph.index + paragraph[0].length,
    )) {
      for (const r of parse(text.slice(from, to))) {
        const index = from + r.index;
        if (!r.end) {
          pieces.push({ index, text: r.text, start: r.start });
          continue;
        }
        for (const part of r.text.split(RANGE_JOINER)) {
          const [one] = parse(part);
          if (one)
            pieces.push({
              index: index + r.text.indexOf(part) + one.index,
              text: one.text,
              start: one.start,
            });
        }
      }
    }
  }
  return pieces;
}

/** Dates and clock times chrono reads: "Wednesday, Nov. 9, 2016", "Sept. 30", "at 7:30 p.m. yesterday". */
function chronoCandidates(text: string, sentences: Sentence[], ref: Date | null): Candidate[] {
  const found: Candidate[] = [];
  for (const r of chronoPieces(text, sentences, ref ?? new Date(Date.UTC(2000, 0, 1)))) {
    let start = r.index;
    let written = r.text;
    const lead = LEADING_PREPOSITION.exec(written);
    if (lead) {
      start += lead[0].length;
      written = written.slice(lead[0].length);
    }
    written = written.replace(/[\s,]+$/, "");
    const end = start + written.length;
    const c = r.start;
    // chrono also reads "now", "last week" and "a few days": the rules resolve those the TIMEX3 way
    const hasDay = c.isCertain("day") && c.isCertain("month") && DATE_CUE.test(written);
    const hasClock = c.isCertain("hour") && CLOCK_CUE.test(written);
    if (!hasDay && !hasClock) continue;
    const before = text.slice(Math.max(0, start - 16), start);
    found.push({
      start,
      end,
      rule: hasClock ? "chrono:time" : "chrono:date",
      build(at) {
        let day: string | null = null;
        if (hasDay) {
          const month = c.get("month")!;
          const year = c.isCertain("year")
            ? c.get("year")!
            : at.ref
              ? yearOfMonth(at.ref, month, at.future)
              : null;
          day =
            year === null
              ? `XXXX-${formatMonth(0, month).slice(5)}-${String(c.get("day")).padStart(2, "0")}`
              : `${formatMonth(year, month)}-${String(c.get("day")).padStart(2, "0")}`;
        } else if (c.isCertain("weekday") && at.ref) {
          day = formatDay(nearestWeekday(at.ref, c.get("weekday") || 7, at.future));
        } else if (at.ref) {
          day = formatDay(c.date());
        }
        const mod = APPROXIMATE_BEFORE.test(before) ? { mod: "APPROX" as const } : {};
        if (!hasClock) return { type: "DATE", value: day!, ...mod };
        // TIMEX3 writes midnight as the end of its day: "midnight Friday" → …T24:00
        const hh = /\bmidnight\b/i.test(written) ? "24" : String(c.get("hour")).padStart(2, "0");
        const mm = String(c.get("minute") ?? 0).padStart(2, "0");
        return {
          type: "TIME",
          value: `${day ?? "XXXX-XX-XX"}T${hh}:${mm}`,
          ...mod,
          ...(day ? {} : { unresolved: true }),
        };
      },
    });
  }
  return found;
}

/**
 * How far a match reaches from the cue inside it, either way: "the better part of the past two
 * years" stands 34 characters before "years". No pattern's match comes near this.
 */
export const CUE_REACH = 120;
/** Text kept around a stretch so that look-behinds and look-aheads see what the whole text has. */
const CONTEXT = 32;

/** Every string cue of the rules, longest first, and the rules cued by each or by a cue it begins with. */
const CUE_STRINGS = [...new Set(rules.flatMap((r) => (r.cues instanceof RegExp ? [] : r.cues)))].sort(
  (a, b) => b.length - a.length,
);
const RULES_BY_CUE = new Map(
  CUE_STRINGS.map((cue) => [
    cue,
    rules.flatMap((r, i) =>
      !(r.cues instanceof RegExp) && r.cues.some((c) => cue.startsWith(c)) ? [i] : [],
    ),
  ]),
);
/**
 * At each offset of the lower-cased text, the longest cue that starts there: every other cue
 * that starts there begins it ("years" holds "year"), so one scan finds every rule's cues.
 */
const ANY_CUE = new RegExp(`(?=(${CUE_STRINGS.map(escapeRegExp).join("|")}))`, "g");

/**
 * The stretches of `text` each rule (by its index in `rules`) can match in: CUE_REACH around
 * each of its cues, merged where they touch. Every match holds a cue and lies within CUE_REACH
 * of it, so no match crosses a stretch's edge, and a scan of the stretches finds what a scan of
 * the whole text finds. Empty for a rule whose cues the text lacks; the whole text when
 * lower-casing moves the offsets ("İ" is two characters in lower case).
 */
export function ruleStretches(text: string): [number, number][][] {
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return rules.map(() => [[0, text.length]]);
  const hits = rules.map((): [number, number][] => []);
  ANY_CUE.lastIndex = 0;
  for (let m = ANY_CUE.exec(lower); m; m = ANY_CUE.exec(lower)) {
    const cue = m[1]!;
    for (const i of RULES_BY_CUE.get(cue)!) hits[i]!.push([m.index, m.index + cue.length]);
    ANY_CUE.lastIndex = m.index + 1;
  }
  rules.forEach((r, i) => {
    if (r.cues instanceof RegExp)
      for (const m of text.matchAll(r.cues)) hits[i]!.push([m.index, m.index + m[0].length]);
  });
  return hits.map((ruleHits) => {
    const stretches: [number, number][] = [];
    for (const [start, end] of ruleHits) {
      const from = Math.max(0, start - CUE_REACH);
      const to = Math.min(text.length, end + CUE_REACH);
      const last = stretches[stretches.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else stretches.push([from, to]);
    }
    return stretches;
  });
}

/** A rule's matches in the stretches of `text` where its cues stand (`ruleStretches`). */
function ruleCandidates(text: string, rule: Rule, stretches: [number, number][]): Candidate[] {
  const found: Candidate[] = [];
  const pattern = rule.pattern;
  for (const [from, to] of stretches) {
    const whole = from === 0 && to === text.length;
    const offset = whole ? 0 : Math.max(0, from - CONTEXT);
    const part = whole ? text : text.slice(offset, Math.min(text.length, to + CONTEXT));
    pattern.lastIndex = from - offset;
    for (let m = pattern.exec(part); m && m.index + offset < to; m = pattern.exec(part)) {
      const match = m;
      found.push({
        start: offset + match.index,
        end: offset + match.index + match[0].length,
        rule: rule.name,
        build: (at) => rule.build(match, at),
      });
      if (match[0].length === 0) pattern.lastIndex++;
    }
  }
  return found;
}

/** Every time expression in `text`, in text order. */
export function findTimes(
  text: string,
  nlp: NlpLayer,
  published: string | null,
): { items: Draft[]; unresolved: number } {
  const ref = parseReference(published);
  const situation = (c: Candidate, quarter: Situation["quarter"]): Situation => {
    // The verb that governs a time is near it: "will meet Thursday", not a "will" three clauses away.
    const s = nlp.sentences[sentenceAt(nlp.sentences, c.start)];
    const from = Math.max(s?.start ?? 0, c.start - FUTURE_WINDOW);
    const future = FUTURE.test(text.slice(from, Math.min(s?.end ?? c.end, c.end + FUTURE_WINDOW / 2)));
    const next = nlp.tokens[tokenFrom(nlp.tokens, c.end)];
    const first = tokenAt(nlp.tokens, c.start);
    const before = first > 0 ? nlp.tokens[first - 1] : undefined;
    return {
      ref,
      future,
      quarter,
      nounFollows:
        next !== undefined && (next.pos === "NOUN" || next.pos === "PROPN") && next.start - c.end <= 1,
      wordBefore: before?.lower ?? "",
      posBefore: before?.pos ?? "",
    };
  };

  // Longest first, chrono before rules on ties; a candidate whose builder says no leaves room for others.
  const stretches = ruleStretches(text);
  const candidates = [
    ...chronoCandidates(text, nlp.sentences, ref),
    ...rules.flatMap((r, i) => ruleCandidates(text, r, stretches[i]!)),
  ];
  const order = candidates.map((c, i) => ({ c, i }));
  order.sort((a, b) => b.c.end - b.c.start - (a.c.end - a.c.start) || a.i - b.i);
  const chosen: Candidate[] = [];
  // the characters chosen times hold: a candidate is short, a long text has thousands of times
  const taken = new Uint8Array(text.length);
  const free = (c: Candidate) => {
    for (let k = c.start; k < c.end; k++) if (taken[k] === 1) return false;
    return true;
  };
  for (const { c } of order) {
    if (c.end <= c.start || !free(c)) continue;
    if (c.build(situation(c, null)) === null) continue;
    chosen.push(c);
    taken.fill(1, c.start, c.end);
  }
  chosen.sort((a, b) => a.start - b.start);

  const items: Draft[] = [];
  let quarter: Situation["quarter"] = null;
  let unresolved = 0;
  for (const c of chosen) {
    const timex = c.build(situation(c, quarter));
    if (!timex) continue;
    if (timex.unresolved) unresolved++;
    const q = /^(\d{4})-Q(\d)$/.exec(timex.value);
    if (q && c.rule === "ordinal-quarter") quarter = { year: Number(q[1]), quarter: Number(q[2]) };
    items.push({
      ...textSpan(text, c.start, c.end),
      type: timex.type,
      value: timex.value,
      ...(timex.mod ? { mod: timex.mod } : {}),
      rule: c.rule,
    });
  }
  return { items, unresolved };
}

/** Sections whose dates describe something other than the story: a photo, its credit, page furniture. */
const NOT_THE_STORY = new Set<SectionKind>(["caption", "credit", "boilerplate", "byline"]);

/**
 * The times that can anchor the story's events: not those in a photo caption or credit
 * ("U.S. soldiers move through the base, Wednesday, Nov. 9, 2016." under a "File" photo
 * dates the photo, not the story).
 */
export function storyTimes<T extends Span>(sections: readonly Section[], times: readonly T[]): T[] {
  return times.filter(
    (t) => !sections.some((s) => NOT_THE_STORY.has(s.kind) && s.start <= t.start && t.end <= s.end),
  );
}

export const timesStage = defineStage({
  name: "times",
  requires: [],
  run: (doc) => {
    const { items, unresolved } = findTimes(doc.text, doc.nlp, doc.meta.published);
    const messages: Message[] = [];
    if (unresolved > 0) {
      messages.push({
        code: ErrorCode.NO_PUBLISHED,
        severity: "warning",
        reason: `${unresolved} relative time expression(s) left unresolved: no publication date is known (give --published)`,
      });
    }
    return { items: items.map((t, i) => ({ id: `t${i + 1}`, ...t })), messages };
  },
});
