import { describe, expect, it } from "vitest";
import { analyse } from "../../nlp/index.js";
import { findQuantities } from "./index.js";
import { mayStartNumber, readNumber } from "./numbers.js";

function quantities(text: string) {
  const nlp = analyse(text);
  return findQuantities(text, nlp.tokens, nlp.sentences);
}

/** The one quantity whose text is `span`. */
function quantity(text: string, span: string) {
  const found = quantities(text).filter((q) => q.text === span);
  expect(found, `${span} in ${JSON.stringify(quantities(text).map((q) => q.text))}`).toHaveLength(1);
  return found[0]!;
}

describe("quantities", () => {
  it.each([
    // digits, words and mixed forms
    [
      "Rebels seized 4,000 rifles from the depot.",
      "4,000",
      { value: 4000, approximate: false, counts: "rifles" },
    ],
    ["Gunmen burned seven Afghan provinces' offices.", "seven", { value: 7 }],
    [
      "The fund lost 1.5 million dollars in a week.",
      "1.5 million dollars",
      { value: 1_500_000, unit: "USD" },
    ],
    ["Officials counted twenty-six bodies in the village.", "twenty-six", { value: 26, counts: "bodies" }],
    ["A dozen police officers were hurt.", "A dozen", { value: 12, counts: "officers" }],
    ["The donors pledged $5 million for the camps.", "$5 million", { value: 5_000_000, unit: "USD" }],
    [
      "The blast wounded a hundred and twenty people.",
      "a hundred and twenty",
      { value: 120, counts: "people" },
    ],
    // vague plurals: the most conservative value, as a lower bound
    ["Dozens of Iraqi soldiers fled the base.", "Dozens", { low: 12, approximate: true, counts: "soldiers" }],
    ["Hundreds of families left the city.", "Hundreds", { low: 100, approximate: true, counts: "families" }],
    [
      "Tens of thousands of people marched.",
      "Tens of thousands",
      { low: 10_000, approximate: true, counts: "people" },
    ],
    // ranges
    [
      "Between 30 and 40 militants attacked the post.",
      "30 and 40",
      { low: 30, high: 40, counts: "militants" },
    ],
    [
      "The convoy carried 1,000 to 1,500 refugees.",
      "1,000 to 1,500",
      { low: 1000, high: 1500, approximate: true },
    ],
    ["Police arrested 10-15 people overnight.", "10-15", { low: 10, high: 15, counts: "people" }],
    ["The war displaced 1 to 1.5 million people.", "1 to 1.5 million", { low: 1_000_000, high: 1_500_000 }],
    // units, normalised
    [
      "The town lies some 50 kilometers south of the border.",
      "50 kilometers",
      { value: 50, unit: "km", approximate: true },
    ],
    ["The checkpoint is 8 miles away.", "8 miles", { value: 8, unit: "mi" }],
    ["Customs seized 20 kilograms of heroin.", "20 kilograms", { value: 20, unit: "kg" }],
    ["Prices rose 12% last month.", "12%", { value: 12, unit: "percent" }],
    [
      "The army withdrew 60 percent of all foreign forces.",
      "60 percent",
      { value: 60, unit: "percent", counts: "forces" },
    ],
    ["Troops found 500 pounds of explosives.", "500 pounds", { value: 500, unit: "lb" }],
    ["The 16-year-old conflict goes on.", "16-year", { value: 16, unit: "year" }],
    // hedges and bounds
    [
      "The mission keeps about 4,000 troops there.",
      "4,000",
      { value: 4000, approximate: true, counts: "troops" },
    ],
    ["Militants killed an estimated 200 people.", "200", { value: 200, approximate: true, counts: "people" }],
    ["More than 300 prisoners escaped.", "300", { low: 300, approximate: true, counts: "prisoners" }],
    ["At least 12 civilians died.", "12", { low: 12, approximate: true, counts: "civilians" }],
    ["Up to 80 vehicles were damaged.", "80", { high: 80, approximate: true, counts: "vehicles" }],
    [
      "The total is probably in the range of 900 to 1,100.",
      "900 to 1,100",
      { low: 900, high: 1100, approximate: true },
    ],
    ["Around 40 or so workers stayed.", "40", { value: 40, approximate: true, counts: "workers" }],
    // what is counted: past adjectives, hyphenated compounds, "the number of X ... is N"
    [
      "The real number of pro-government fighters in the area is closer to 9,000.",
      "9,000",
      { value: 9000, approximate: true, counts: "fighters" },
    ],
    ["Only 300 Kurdish-trained recruits graduated.", "300", { counts: "recruits" }],
    [
      "Nearly one third of the city lost power.",
      "one third",
      { approximate: true, unit: "fraction", counts: "city" },
    ],
    ["Five hundred rebels surrendered last week.", "Five hundred", { value: 500, counts: "rebels" }],
    ["Rebels hold 20 percent of the country's oil fields.", "20 percent", { counts: "fields" }],
    [
      "The country imports three-quarters of its grain.",
      "three-quarters",
      { value: 0.75, unit: "fraction", counts: "grain" },
    ],
  ])("%s → %s", (text, span, expected) => {
    expect(quantity(text, span)).toMatchObject(expected);
  });

  it.each([
    // dates, clock times, ordinals in names, pronoun "one"
    ["The attack happened on Nov. 9, 2016 near the border.", ["9", "2016"]],
    ["The talks began on 9 November in Geneva.", ["9"]],
    ["The curfew starts at 7 p.m. every day.", ["7"]],
    ["He flew an F-16 over the valley.", ["16"]],
    ["Resolution 2254 calls for a ceasefire.", ["2254"]],
    ["One of the soldiers was wounded.", ["One"]],
    ["No one claimed the attack.", ["one"]],
    ["The council voted 89-52 for the plan.", ["89"]],
    ["Veterans of the 1991-1995 war marched.", ["1991"]],
    ["The law amends Republic Act 9296 on meat.", ["9296"]],
    ["Talks ran on October 8–9 in Vienna.", ["8", "9"]],
    ["The poll ran September 16-19 across the country.", ["16"]],
    ["He tweeted at three o’clock in the morning.", ["three"]],
    ["A four-star general took command.", ["four"]],
    ["Investigators studied Flight eight hundred for months.", ["eight"]],
    ["The fighting in 2014 displaced families.", ["2014"]],
  ])("no false figure in %s", (text, spans) => {
    const texts = quantities(text).map((q) => q.text);
    for (const span of spans) expect(texts.some((t) => t.split(/\W+/).includes(span))).toBe(false);
  });

  it("leaves a figure without a noun uncounted", () => {
    expect(quantity("The score was 3 when play stopped.", "3").counts).toBeUndefined();
  });

  it("keeps every span on the text", () => {
    const text = "Some 13 kilometers (8 miles) away, about 4,000 troops and dozens of tanks waited.";
    for (const q of quantities(text)) expect(text.slice(q.start, q.end)).toBe(q.text);
  });
});

describe("readNumber", () => {
  it.each([
    [["twenty", "-", "six"], 26],
    [["a", "hundred", "thirty", "million"], 130_000_000],
    [["two", "dozen"], 24],
    [["4,000"], 4000],
    [["2", "1/2"], 2.5],
    [["one", "and", "a", "half"], 1.5],
    [["nineteen", "ninety", "-", "six"], 1996],
  ])("%j → %d", (words, value) => {
    expect(readNumber(words, 0)?.value).toBe(value);
  });

  it.each([[["a", "day"]], [["the"]], [["half"]]])("%j is no figure", (words) => {
    expect(readNumber(words, 0)).toBeNull();
  });
});

describe("mayStartNumber", () => {
  // Every word readNumber reads a figure from must pass the quick test.
  it.each([
    [["twenty", "-", "six"]],
    [["a", "hundred"]],
    [["an", "estimated"]],
    [["two", "dozen"]],
    [["dozens", "of"]],
    [["tens", "of", "thousands"]],
    [["4,000"]],
    [[".5"]],
    [["2", "1/2"]],
    [["nineteen", "ninety"]],
  ])("%j may start a figure", (words) => {
    expect(mayStartNumber(words[0]!)).toBe(true);
  });

  it.each([["the"], ["million"], ["people"], ["-"], ["said"]])("%j starts none", (word) => {
    expect(mayStartNumber(word)).toBe(false);
    expect(readNumber([word, "people"], 0)).toBeNull();
  });
});
