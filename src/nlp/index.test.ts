import { describe, expect, it } from "vitest";
import { ABBREVIATIONS, parseAbbreviations } from "./abbreviations.js";
import {
  analyse,
  hasAsciiLetter,
  sentenceAt,
  setEngineTokenBudget,
  startsUpper,
  tokenAt,
  tokenFrom,
  winkEngine,
} from "./index.js";

const TEXT =
  "U.S. Troops Leave Base\n\nNabil al-Rawi, a spokesman for the Jordanian government, told reporters: “It is over.” He left.\n\nPrices rose 4.5% in May, officials said.";

describe("analyse", () => {
  const nlp = analyse(TEXT);

  it("is lossless: tokens index the text and only whitespace lies between them", () => {
    let last = 0;
    for (const t of nlp.tokens) {
      expect(TEXT.slice(t.start, t.end)).toBe(t.text);
      expect(TEXT.slice(last, t.start)).toMatch(/^\s*$/);
      last = t.end;
    }
    expect(TEXT.slice(last)).toMatch(/^\s*$/);
  });

  it("makes tokens, sentences and chunks with constructors, which V8 never pretenures", () => {
    // Object literals here let V8 decide, a few documents into a batch, to make every later
    // token directly in the old generation (see TokenRecord in index.ts).
    const withPossessive = analyse("Mr. Lee's aide said so. The plan, Lee's, failed. Then it rained.");
    const records = [...withPossessive.tokens, ...withPossessive.sentences, ...withPossessive.chunks];
    expect(withPossessive.tokens.map((t) => t.text)).toContain("'s");
    expect(withPossessive.sentences.length).toBeGreaterThan(1);
    expect(withPossessive.chunks.length).toBeGreaterThan(0);
    for (const record of records) expect(Object.getPrototypeOf(record)).not.toBe(Object.prototype);
  });

  it("never lets a sentence cross a blank line", () => {
    const texts = nlp.sentences.map((s) => TEXT.slice(s.start, s.end));
    expect(texts).toEqual([
      "U.S. Troops Leave Base",
      "Nabil al-Rawi, a spokesman for the Jordanian government, told reporters: “It is over.”",
      "He left.",
      "Prices rose 4.5% in May, officials said.",
    ]);
    nlp.sentences.forEach((s, i) => {
      for (let t = s.tokenStart; t < s.tokenEnd; t++) expect(nlp.tokens[t]!.sentence).toBe(i);
    });
  });

  it.each([["Nabil al-Rawi"], ["Jordanian"]])("finds the name %s", (name) => {
    expect(nlp.chunks.filter((c) => c.kind === "name").map((c) => c.text)).toContain(name);
  });

  it("finds noun chunks", () => {
    expect(nlp.chunks.filter((c) => c.kind === "noun").map((c) => c.text)).toContain(
      "the Jordanian government",
    );
  });

  it("looks up tokens and sentences by offset", () => {
    const at = TEXT.indexOf("spokesman");
    expect(nlp.tokens[tokenAt(nlp.tokens, at + 3)]!.text).toBe("spokesman");
    expect(nlp.tokens[tokenFrom(nlp.tokens, at - 1)]!.text).toBe("spokesman");
    expect(tokenAt(nlp.tokens, TEXT.indexOf("\n\n"))).toBe(-1);
    expect(sentenceAt(nlp.sentences, TEXT.indexOf("He left"))).toBe(2);
  });

  it.each([
    ["Sen. Ann Lee (R-Ga.) said the bill would pass. It did.", 2],
    ["Rep. Tom Hale (D-Md.), who chairs the panel, objected. Others agreed.", 2],
    ["Sen. Ann Lee (R-S.C.) told reporters the bill would pass. It did.", 2],
    ["The vote was close (51 to 49). Critics cried foul.", 2],
    ["The ceasefire held (officials confirmed it.)\nthen it broke.", 2],
  ])("keeps a sentence whole across an abbreviation's stop: %s", (text, count) => {
    const sentences = analyse(text).sentences;
    expect(sentences).toHaveLength(count);
    expect(sentences[1]!.start).toBeGreaterThan(text.indexOf(".") + 1);
  });

  // Each row: the text and its sentences; "|" marks where wink broke before the fix.
  it.each([
    [
      "a plural title",
      "Sens. Ann Lee and Cy Tam said no. They left.",
      ["Sens. Ann Lee and Cy Tam said no.", "They left."],
    ],
    [
      "a detective's title",
      "The case went to Det. Maya Ruiz on Friday. She declined to comment.",
      ["The case went to Det. Maya Ruiz on Friday.", "She declined to comment."],
    ],
    [
      "another plural title",
      "The letter came from Reps. Bo Li and Al Ko on Monday.",
      ["The letter came from Reps. Bo Li and Al Ko on Monday."],
    ],
    [
      "a run of titles",
      "Maj. Gen. Bo Li and Atty. Gen. Ann Lee spoke.",
      ["Maj. Gen. Bo Li and Atty. Gen. Ann Lee spoke."],
    ],
    [
      "a military title",
      "Cpl. Bo Li and Pvt. Al Ko were hurt. Two died.",
      ["Cpl. Bo Li and Pvt. Al Ko were hurt.", "Two died."],
    ],
    [
      "a party-state tag",
      "Sen. Ann Lee (D-Ore.) said no. He left.",
      ["Sen. Ann Lee (D-Ore.) said no.", "He left."],
    ],
    [
      "a quoted exclamation",
      "“Enough!” the mayor shouted. “Go home!” They left.",
      ["“Enough!” the mayor shouted.", "“Go home!”", "They left."],
    ],
    [
      "a quoted question",
      "“Why now?” she asked. “Why not?” He left.",
      ["“Why now?” she asked.", "“Why not?”", "He left."],
    ],
    ["a quotation inside the sentence", "He shouted “Stop!” and ran.", ["He shouted “Stop!” and ran."]],
    [
      "a quoted full stop before the verb",
      '"We are ready." said the mayor.',
      ['"We are ready." said the mayor.'],
    ],
  ])("keeps a sentence whole after %s", (_what, text, expected) => {
    const nlp = analyse(text);
    expect(nlp.sentences.map((s) => text.slice(s.start, s.end))).toEqual(expected);
  });

  it.each([
    [
      "a country abbreviation",
      "He lives in the U.S. The next day he left.",
      ["He lives in the U.S.", "The next day he left."],
    ],
    [
      "a title opening the next sentence",
      "He saw Bo Li. Sen. Ann Lee said no.",
      ["He saw Bo Li.", "Sen. Ann Lee said no."],
    ],
    [
      "a word with a capital inside",
      "He bought a phone! iPhone sales rose.",
      ["He bought a phone!", "iPhone sales rose."],
    ],
    ["a question before a capital", "Who won? Nobody knows.", ["Who won?", "Nobody knows."]],
    [
      "a title's stop before a pronoun",
      "He thanked the Sens. They left.",
      ["He thanked the Sens.", "They left."],
    ],
    [
      "a quoted question before a name",
      "“Why now?” Ann Lee asked. He left.",
      ["“Why now?”", "Ann Lee asked.", "He left."],
    ],
  ])("keeps a real end after %s", (_what, text, expected) => {
    const nlp = analyse(text);
    expect(nlp.sentences.map((s) => text.slice(s.start, s.end))).toEqual(expected);
  });

  it.each([
    [
      "a lower-case word",
      "He was taken ill. Bo Li drove him home.",
      ["He was taken ill.", "Bo Li drove him home."],
    ],
    [
      "a company's stop before a title",
      "He sold it to Acme Inc. Mr Li said no.",
      ["He sold it to Acme Inc.", "Mr Li said no."],
    ],
    [
      "a state's stop before a pronoun",
      "She spoke in Dayton, Ohio. There was snow.",
      ["She spoke in Dayton, Ohio.", "There was snow."],
    ],
    [
      "a stop before a quotation",
      'It was bought by Acme Corp. "We won," he said.',
      ["It was bought by Acme Corp.", '"We won," he said.'],
    ],
  ])("ends a sentence wink ran on after %s", (_what, text, expected) => {
    const nlp = analyse(text);
    expect(nlp.sentences.map((s) => text.slice(s.start, s.end))).toEqual(expected);
  });

  it.each([
    ["a run-on abbreviation", "It was Lee vs. Tam in the final."],
    ["a company before a name", "Acme Corp. International said no."],
    ["a title run", "Lt. Gen. Bo Li spoke."],
    ["an initial", "John J. Tam spoke."],
    ["a country's initials", "It came from the U.S. Army."],
    ["a title before a quoted nickname", 'Gen. "Mad Dog" Tam spoke.'],
  ])("does not end a sentence at %s", (_what, text) => {
    expect(analyse(text).sentences).toHaveLength(1);
  });

  it("handles empty text", () => {
    expect(analyse("")).toEqual({ tokens: [], sentences: [], chunks: [] });
  });
});

describe("possessives", () => {
  const words = (text: string) => analyse(text).tokens.map((t) => `${t.text}/${t.pos}`);

  it.each([
    ["before a comma", "It was Marta Quiroga's, not the council's.", ["Quiroga/PROPN", "'s/PART", ",/PUNCT"]],
    ["before a stop", "The plan was Marta Quiroga’s.", ["Quiroga/PROPN", "’s/PART", "./PUNCT"]],
    [
      "of a common noun",
      "The ministry's, and the army's, budgets grew.",
      ["ministry/NOUN", "'s/PART", ",/PUNCT"],
    ],
  ])("split the word from its 's %s", (_where, text, expected) => {
    const got = words(text).join(" ");
    expect(got).toContain(expected.join(" "));
    expect(got).not.toMatch(/[a-z][’']s\//i);
  });

  it("do not depend on what the engine read before", () => {
    const text = "Ines Okafor's plan was approved on Monday.";
    const before = words(text);
    analyse("The vote went Ines Okafor's, then the mayor's way.");
    expect(words(text)).toEqual(before);
    expect(before).toContain("'s/PART");
  });

  it("leave contractions and words that only end in s alone", () => {
    const tokens = analyse("It's over, says Ross.").tokens;
    expect(tokens.map((t) => t.text)).toEqual(["It", "'s", "over", ",", "says", "Ross", "."]);
    expect(tokens[1]!.pos).toBe("AUX");
  });
});

describe("sentence breaks at blank lines", () => {
  it.each([
    [
      "a blank line",
      "Troops left the base.\n\nThey went home.",
      ["Troops left the base.", "They went home."],
    ],
    [
      "spaces inside the blank line",
      "Troops left the base.\n \n They went home.",
      ["Troops left the base.", "They went home."],
    ],
    [
      "no full stop before it",
      "Troops left the base \n\n\tThey went home",
      ["Troops left the base", "They went home"],
    ],
    [
      "a hard-wrapped line (no break)",
      "Troops left\nthe base on Monday.",
      ["Troops left\nthe base on Monday."],
    ],
  ])("%s", (_what, text, expected) => {
    const nlp = analyse(text);
    expect(nlp.sentences.map((s) => text.slice(s.start, s.end))).toEqual(expected);
  });
});

describe("character tests", () => {
  it.each(["Mosul", "U.S.", "Zagreb", "al-Abadi", "élan", "Ürümqi", "4th", "", "@AP", "[Reuters]"])(
    "%j: startsUpper and hasAsciiLetter agree with the regexes they replace",
    (text) => {
      expect(startsUpper(text)).toBe(/^[A-Z]/.test(text));
      expect(hasAsciiLetter(text)).toBe(/[a-z]/i.test(text));
    },
  );
});

describe("the engine's token budget", () => {
  it("replaces the engine once its budget is spent, and the layer it gives does not change", () => {
    const before = analyse(TEXT);
    const old = setEngineTokenBudget(10);
    try {
      const first = winkEngine();
      // names the model has never seen, which the old engine kept
      analyse("Zorvath Quillan met Brevik Osterhaal in Tamsinford on Tuesday.");
      expect(winkEngine()).not.toBe(first);
      expect(analyse(TEXT)).toEqual(before);
    } finally {
      setEngineTokenBudget(old);
    }
  });

  it("makes a new engine as fast the 30th time as the first, without a growing model", () => {
    const old = setEngineTokenBudget(1);
    try {
      const times: number[] = [];
      for (let i = 0; i < 30; i++) {
        const t = performance.now();
        winkEngine();
        times.push(performance.now() - t);
        analyse("Officials said the talks would resume on Monday.");
      }
      const early = Math.max(...times.slice(1, 6));
      expect(Math.max(...times.slice(25))).toBeLessThan(early * 3 + 50);
    } finally {
      setEngineTokenBudget(old);
    }
  });

  it("keeps one engine while the budget lasts", () => {
    const old = setEngineTokenBudget(1_000_000);
    try {
      const first = winkEngine();
      analyse("Officials said the talks would resume on Monday.");
      expect(winkEngine()).toBe(first);
    } finally {
      setEngineTokenBudget(old);
    }
  });
});

describe("data/nlp/abbreviations.json", () => {
  it.each(["sen", "sens", "lt", "gen", "messrs"])("lists %s", (title) => {
    expect(ABBREVIATIONS.titles.has(title)).toBe(true);
  });

  it.each(["jr", "inc", "st", "del", "no"])("leaves out %s, which may end a sentence", (word) => {
    expect(ABBREVIATIONS.titles.has(word)).toBe(false);
  });

  it.each([
    ["a duplicate", { titles: ["sen", "sen"], runOn: [] }, /listed twice/],
    ["a full stop", { titles: ["sen."], runOn: [] }, /lower case/],
    ["a capital", { titles: ["Sen"], runOn: [] }, /lower case/],
    ["no list", {}, /titles/],
    ["a run-on abbreviation listed twice", { titles: [], runOn: ["vs", "vs"] }, /listed twice/],
  ])("rejects %s", (_what, json, message) => {
    expect(() => parseAbbreviations(json)).toThrow(message);
  });
});
