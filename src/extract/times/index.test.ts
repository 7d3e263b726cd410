import { describe, expect, it } from "vitest";
import { analyse } from "../../nlp/index.js";
import { CUE_REACH, findTimes, ruleStretches, storyTimes, timesStage } from "./index.js";
import { durationValue, rules } from "./rules.js";

/** Published on Monday 5 February 2018 unless a test says otherwise. */
function times(text: string, published: string | null = "2018-02-05") {
  return findTimes(text, analyse(text), published);
}

function time(text: string, span: string, published?: string | null) {
  const { items } = times(text, published);
  const found = items.filter((t) => t.text === span);
  expect(found, `${span} in ${JSON.stringify(items.map((t) => t.text))}`).toHaveLength(1);
  return found[0]!;
}

describe("times", () => {
  it.each([
    // absolute dates
    [
      "The base was hit on Wednesday, Nov. 9, 2016, officials said.",
      "Wednesday, Nov. 9, 2016",
      { type: "DATE", value: "2016-11-09" },
    ],
    ["The vote was held on March 26, 1996 in the capital.", "March 26, 1996", { value: "1996-03-26" }],
    ["The accord was signed in August 1988 after talks.", "August 1988", { value: "1988-08" }],
    ["Elections were last held in 2014.", "2014", { value: "2014" }],
    ["The decree is dated 2017-12-30.", "2017-12-30", { value: "2017-12-30" }],
    ["The next day, rebels shelled the town.", "The next day", { type: "DATE", value: "2018-02-06" }],
    // relative to publication (Monday 2018-02-05)
    ["The group expanded its reach last year.", "last year", { value: "2017" }],
    ["Prices will rise next year, analysts said.", "next year", { value: "2019" }],
    ["Protests spread last month.", "last month", { value: "2018-01" }],
    ["The talks resumed this week.", "this week", { value: "2018-W06" }],
    ["Militants had killed 200 people by late January.", "late January", { value: "2018-01", mod: "END" }],
    ["The bridge reopened in mid-November.", "mid-November", { value: "2017-11", mod: "MID" }],
    ["The siege ended in May after talks.", "May", { value: "2017-05" }],
    ["Elections are due in March, the council said.", "March", { value: "2018-03" }],
    ["Rebels took the town in December.", "December", { value: "2017-12" }],
    ["Rebels attacked the town early last week.", "early last week", { value: "2018-W05", mod: "START" }],
    ["The minister resigned yesterday.", "yesterday", { value: "2018-02-04" }],
    ["The council meets today.", "today", { value: "2018-02-05" }],
    ["Shelling resumed last night.", "last night", { type: "TIME", value: "2018-02-04TNI" }],
    [
      "The war began more than three years ago.",
      "more than three years ago",
      { value: "2015", mod: "BEFORE" },
    ],
    ["He left about two months ago.", "about two months ago", { value: "2017-12", mod: "APPROX" }],
    // weekdays: the latest such day before publication, or the next one when the sentence looks ahead
    ["The army said Thursday that it had withdrawn.", "Thursday", { value: "2018-02-01" }],
    ["The envoy will arrive Thursday for talks.", "Thursday", { value: "2018-02-08" }],
    ["The blast happened Saturday night.", "Saturday night", { type: "TIME", value: "2018-02-03TNI" }],
    // quarters, halves, fiscal years, decades, seasons
    ["Profits fell in the third quarter.", "the third quarter", { value: "2017-Q3" }],
    ["Third-quarter sales rose.", "Third-quarter", { value: "2017-Q3" }],
    ["Net income fell in the first half.", "the first half", { value: "2018-H1" }],
    ["Revenue grew in fiscal 1989.", "fiscal 1989", { value: "1989" }],
    ["Unrest grew through the 1990s.", "the 1990s", { value: "199" }],
    ["The camp was built in the late 1970s.", "the late 1970s", { value: "197", mod: "END" }],
    ["The offensive stalled this summer.", "this summer", { value: "2018-SU" }],
    // durations
    ["Dozens of soldiers left in the past week.", "the past week", { type: "DURATION", value: "P1W" }],
    ["The siege lasted three years.", "three years", { type: "DURATION", value: "P3Y" }],
    ["The talks took two hours.", "two hours", { type: "DURATION", value: "PT2H" }],
    ["The mission will last 2 1/2 years.", "2 1/2 years", { value: "P2Y6M" }],
    ["It signed a two-year deal.", "two-year", { value: "P2Y" }],
    ["The truce held for nearly forty years.", "nearly forty years", { value: "P40Y", mod: "EQUAL_OR_LESS" }],
    ["Aid stalled for several years.", "several years", { value: "PXY" }],
    // vague references
    ["Airstrikes rose in recent months.", "recent months", { value: "PXM" }],
    ["The town is now under army control.", "now", { value: "PRESENT_REF" }],
    ["The envoy recently visited the camps.", "recently", { value: "PAST_REF" }],
    ["Talks may resume in the future.", "the future", { value: "FUTURE_REF" }],
    // sets
    ["Planes flew daily between the bases.", "daily", { type: "SET", value: "XXXX-XX-XX" }],
    ["The council meets every week.", "every week", { type: "SET", value: "P1W" }],
    ["The guards change Tuesday nights.", "Tuesday nights", { type: "SET", value: "XXXX-WXX-2TNI" }],
    // clock times
    ["The curfew began at midnight Friday.", "midnight Friday", { type: "TIME", value: "2018-02-02T24:00" }],
    [
      "The blast came at 7:30 p.m. yesterday.",
      "7:30 p.m. yesterday",
      { type: "TIME", value: "2018-02-04T19:30" },
    ],
  ])("%s → %s", (text, span, expected) => {
    expect(time(text, span)).toMatchObject(expected);
  });

  it.each([
    ["The convoy carried 1,000 to 1,500 refugees.", "1,000"],
    ["Police seized the package at 6.5 kilograms.", "6.5"],
    ["May said the deal was fair.", "May"],
    ["Thousands March through the capital.", "March"],
    ["The Sun reported the story.", "Sun"],
    ["The score was 8 to 112 at halftime.", "8"],
    ["A quarter of the vote went to the opposition.", "quarter"],
    ["The airline runs four flights a week to the capital.", "week"],
    ["Now, he says, the plan is dead.", "Now"],
  ])("no time in %s", (text, word) => {
    expect(times(text).items.filter((t) => t.text.includes(word))).toEqual([]);
  });

  it("resolves a relative date only with a publication date, and says so", () => {
    const { items, unresolved } = times("The group grew last year and by late January.", null);
    expect(items.map((t) => t.value)).toEqual(["PAST_REF", "XXXX-01"]);
    expect(unresolved).toBe(2);
  });

  it("warns once when relative times stay unresolved", () => {
    const text = "Rebels retreated last week.";
    const meta = { ref: null, source: null, title: null, published: null, language: "en" };
    const result = timesStage.run({ text, sections: [], meta, messages: [], nlp: analyse(text), layers: {} });
    expect(result.items.map((t) => [t.id, t.value])).toEqual([["t1", "PAST_REF"]]);
    expect(result.messages?.map((m) => m.code)).toEqual(["W_NO_PUBLISHED"]);
  });

  it("reads 'a year earlier' after a quarter as the same quarter a year before", () => {
    const { items } = times("Profit rose in the third quarter. A year earlier it fell.", "1989-11-02");
    expect(items.map((t) => t.value)).toEqual(["1989-Q3", "1988-Q3"]);
  });

  it("keeps every span on the text", () => {
    const text = "On Tuesday, Nov. 7, 2017, about three years ago, and last week.";
    for (const t of times(text).items) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

describe("durationValue", () => {
  it.each([
    [3, "Y", "P3Y"],
    [1.5, "Y", "P1Y6M"],
    [2, "TH", "PT2H"],
    [24, "TH", "P1D"],
    ["X" as const, "M", "PXM"],
    [3, "Q", "P9M"],
    [2, "10Y", "P20Y"],
  ])("%s × %s → %s", (count, code, value) => {
    expect(durationValue(count, code)).toBe(value);
  });
});

describe("storyTimes", () => {
  it("leaves out the dates of photo captions and credits", () => {
    const text =
      "Soldiers patrol the base, Wednesday, Nov. 9, 2016.\nAP Photo/Jane Roe, File\n\nThe army left last week.";
    const { items } = times(text);
    const sections = [
      { kind: "caption" as const, start: 0, end: 50 },
      { kind: "credit" as const, start: 51, end: 74 },
      { kind: "body" as const, start: 76, end: text.length },
    ];
    expect(items.map((t) => t.value)).toEqual(["2016-11-09", "2018-W05"]);
    expect(storyTimes(sections, items).map((t) => t.value)).toEqual(["2018-W05"]);
  });
});

describe("rule cues", () => {
  // Phrases each rule matches, in the cases and spellings articles use.
  const phrases = [
    "late Tuesday afternoon, mid-Afternoon yesterday",
    "Saturday night and every morning",
    "the summer, in winter, last Autumn, spring 2017",
    "the 1990s, the late 1970's, in the ’80s",
    "the 20th Century and the early 11th century",
    "the third-quarter results, the first half of 2017, the Final Quarter",
    "the quarter, the year-ago period, this Quarter",
    "the YEAR-AGO figure and year-earlier sales",
    "the year two thousand and nineteen ninety-six, Twenty Forty",
    "more than three years ago, two days later, a week from now",
    "the past two months, a 16-year-old, several days, the next 18 Months",
    "the past week, recent months, for decades, the coming weeks",
    "last year, early this week, next Friday, late last Sept. and this spring",
    "the end of the year, TONIGHT and yesterday morning",
    "the full year and the weekend; Thursday, early Monday, Sunday nights",
    "late January, mid-November, Aug. 1988, June of last year",
    "the nineties and the early Eighties; fiscal 1989, mid-1996",
    "the first nine months, now, until recently, the near future, as soon as possible",
    "annually, every week, each July",
  ].join(". ");
  const cuesIn = (match: string, cues: readonly string[] | RegExp) =>
    cues instanceof RegExp ? new RegExp(cues.source).test(match) : cues.some((cue) => match.includes(cue));

  it.each(rules.map((r) => [r.name, r] as const))(
    "every match of %s holds one of its cues",
    (_name, rule) => {
      const matches = [...phrases.matchAll(rule.pattern)].map((m) => m[0].toLowerCase());
      expect(matches.length).toBeGreaterThan(0);
      for (const m of matches) expect(cuesIn(m, rule.cues), m).toBe(true);
    },
  );

  it.each(rules.map((r, i) => [r.name, r, i] as const))(
    "every match of %s lies in a stretch its cues open",
    (_name, rule, i) => {
      const text = `${phrases}. `.repeat(3) + "Officials met for talks that ran late. ".repeat(20) + phrases;
      const stretches = ruleStretches(text)[i]!;
      for (const m of text.matchAll(rule.pattern)) {
        const end = m.index + m[0].length;
        expect(
          stretches.some(([from, to]) => from <= m.index && end <= to),
          m[0],
        ).toBe(true);
      }
    },
  );

  const ago = rules.findIndex((r) => r.name === "ago");
  it.each([
    ["no cue", "Officials met for talks that ran late.", []],
    // "ago" at 212
    [
      "a cue reaches either way",
      `${"x ".repeat(100)}three years ago${" y".repeat(100)}`,
      [[212 - CUE_REACH, 215 + CUE_REACH]],
    ],
    ["cues close together merge", "talks two years ago and three years later", [[0, 41]]],
    ["a cue inside a longer one counts", "NOWADAYS", [[0, 8]]],
  ] as const)("the ago rule's stretches: %s", (_name, text, expected) => {
    expect(ruleStretches(text)[ago]).toEqual(expected);
  });

  it("scans the whole text when lower-casing moves the offsets", () => {
    const text = "İstanbul, three years ago";
    expect(ruleStretches(text).every((s) => s.length === 1 && s[0]![1] === text.length)).toBe(true);
  });

  it("skips a rule whose cues the text lacks, and finds the time when one is there", () => {
    expect(times("The treaty dates from the 19th century.").items.map((t) => t.value)).toEqual(["18"]);
    expect(times("The treaty dates from the 19th cent.").items).toEqual([]);
  });
});

describe("long paragraphs", () => {
  // chrono reads a long run of dated sentences in pieces of whole sentences: none is lost or doubled
  it.each([
    ["one paragraph", " "],
    ["a paragraph each", "\n\n"],
  ])("finds every date of 300 dated sentences in %s", (_name, joiner) => {
    const sentences = Array.from(
      { length: 300 },
      (_, i) => `Convoy ${i + 1} reached the border crossing on Jan. ${(i % 28) + 1}, 2016, officials said.`,
    );
    const { items } = times(sentences.join(joiner));
    const dates = items.filter((t) => t.rule?.startsWith("chrono"));
    expect(dates).toHaveLength(300);
    expect(dates.map((t) => t.value)).toEqual(
      sentences.map((_, i) => `2016-01-${String((i % 28) + 1).padStart(2, "0")}`),
    );
  });
});
