import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isHeadlineLike, layoutBlocks, layoutText, normaliseText, paragraphs } from "./layout.js";

function kinds(raw: string) {
  const { text, sections } = layoutText(raw);
  return sections.map((s) => [s.kind, text.slice(s.start, s.end)] as const);
}

describe("layoutText", () => {
  it.each([
    [
      "headline, caption with credit line, dateline, body, boilerplate",
      "Floods Cut Roads Across the North\n\nResidents wade through a street in Garissa, Kenya, Monday.\nAP Photo/Jane Roe, File\n\nNAIROBI, Kenya (AP) — Floods cut roads across northern Kenya on Monday, officials said.\n\nCommenting is closed for this story.",
      [
        ["headline", "Floods Cut Roads Across the North"],
        ["caption", "Residents wade through a street in Garissa, Kenya, Monday."],
        ["credit", "AP Photo/Jane Roe, File"],
        ["dateline", "NAIROBI, Kenya (AP) —"],
        ["body", "Floods cut roads across northern Kenya on Monday, officials said."],
        ["boilerplate", "Commenting is closed for this story."],
      ],
    ],
    [
      "byline and copyright footer",
      "Talks Resume in Geneva\n\nBy Lena Hoffmann\n\nDiplomats met again on Tuesday to discuss the ceasefire terms.\n\nCopyright 2024 The Associated Press. All rights reserved.",
      [
        ["headline", "Talks Resume in Geneva"],
        ["byline", "By Lena Hoffmann"],
        ["body", "Diplomats met again on Tuesday to discuss the ceasefire terms."],
        ["boilerplate", "Copyright 2024 The Associated Press. All rights reserved."],
      ],
    ],
    [
      "a sentence opening with 'By' is body, not a byline",
      "Fighting Spreads\n\nBy late March, the rebels had taken three towns.\n\nThe army said it would respond.",
      [
        ["headline", "Fighting Spreads"],
        ["body", "By late March, the rebels had taken three towns."],
        ["body", "The army said it would respond."],
      ],
    ],
    [
      "a single long paragraph is all body (no headline)",
      "The central bank raised its main interest rate by half a point on Thursday, the third increase this year, citing inflation that has run above its target for months.",
      [
        [
          "body",
          "The central bank raised its main interest rate by half a point on Thursday, the third increase this year, citing inflation that has run above its target for months.",
        ],
      ],
    ],
    [
      "a caption opening with FILE",
      "Port Reopens\n\nFILE - Cranes stand idle at the port, May 3, 2023.\n\nThe port reopened on Friday after a two-week strike.",
      [
        ["headline", "Port Reopens"],
        ["caption", "FILE - Cranes stand idle at the port, May 3, 2023."],
        ["body", "The port reopened on Friday after a two-week strike."],
      ],
    ],
  ])("%s", (_name, raw, expected) => {
    expect(kinds(raw)).toEqual(expected);
  });

  it("reads a dateline that carries a date", () => {
    expect(
      kinds(
        "Talks End\n\nWASHINGTON, Feb. 5, 2018 (AP) — The talks ended without a deal on Monday, officials said.",
      ),
    ).toEqual([
      ["headline", "Talks End"],
      ["dateline", "WASHINGTON, Feb. 5, 2018 (AP) —"],
      ["body", "The talks ended without a deal on Monday, officials said."],
    ]);
  });

  it("keeps every non-space character of the input, in order", () => {
    const raw = "Title Line Here\r\n\r\n\r\nFirst\u00a0paragraph  with\tspaces.\r\nSecond line.\n\n\n\nLast.";
    const { text } = layoutText(raw);
    expect(text.replace(/\s/g, "")).toBe(raw.replace(/\s/g, ""));
    expect(text).not.toMatch(/\n{3,}|\t|\r|\u00a0/);
  });
});

describe("normaliseText", () => {
  it.each([
    ["\uFEFFHello", "Hello"],
    ["a\r\nb", "a\nb"],
    ["a \n\n\n\n b", "a\n\nb"],
    ["zero\u200Bwidth", "zerowidth"],
  ])("%j -> %j", (raw, expected) => expect(normaliseText(raw)).toBe(expected));
});

describe("isHeadlineLike", () => {
  it.each([
    ["Chile Moving Troops from Peru to Bolivia After Border Deal", true],
    ["Quiet on the Border: Envoy Was Bound for Lima But Turned Back.", true],
    ["Rebels seize second town in the east", true],
    ["The minister said on Tuesday that the talks would resume next week in the capital.", false],
  ])("%s -> %s", (text, expected) => expect(isHeadlineLike(text)).toBe(expected));
});

// The seed article of the evaluation set: every section the gold names must come out right.
const seedDir = new URL("../../../shared/eval/seed/", import.meta.url);
describe.runIf(existsSync(new URL("gold.json", seedDir)))("the seed article's sections", () => {
  it("puts every gold string inside a section of its kind", () => {
    const gold = JSON.parse(readFileSync(new URL("gold.json", seedDir), "utf8"));
    const { text, sections } = layoutText(readFileSync(new URL("article.txt", seedDir), "utf8"));
    for (const [kind, value] of Object.entries(gold.sections) as [string, string | string[]][]) {
      for (const needle of [value].flat()) {
        const at = text.indexOf(needle);
        expect(at, needle).toBeGreaterThanOrEqual(0);
        const section = sections.find((s) => s.start <= at && at + needle.length <= s.end);
        expect(section?.kind, needle).toBe(kind);
      }
    }
  });
});

describe("normalised paragraphs", () => {
  // layoutText skips normalising its paragraphs a second time: a second pass must change nothing.
  it.each([
    "Troops Leave Base\r\n\r\nBy Jane Roe\r\n\r\nKABUL (AP) \u2014 The army\u00a0left.  \n \n\n\nIt said so.\t",
    "\uFEFFOne line only, \u200bwith odd\u2003spaces \u2028and a break.",
    "  Lines\nwrapped\n  hard \nwith no blank line  ",
  ])("%j lays out the same either way", (raw) => {
    const blocks = paragraphs(normaliseText(raw));
    expect(layoutText(raw)).toEqual(layoutBlocks(blocks));
    for (const b of blocks) expect(normaliseText(b.text)).toBe(b.text);
  });
});
