// Lay out a scraped news page: normalise the text once, split it into paragraphs and say what
// each one is (headline, byline, dateline, caption, credit, body, boilerplate). The patterns
// for page furniture are data (data/ingest/layout.json); the order of the page is the rule:
//
//   Chile Moving Troops from Peru ...            headline  (first short line, title-like)
//   By Jane Roe                                  byline
//   Soldiers move through a base ...             caption   (the paragraph before a credit)
//   AP Photo/Jane Roe, File                      credit
//   BAGHDAD (AP) — The United States ...         dateline + body
//   Please let us know if ... commenting.        boilerplate (trailing page furniture)
import layoutData from "../../data/ingest/layout.json" with { type: "json" };
import type { Section, SectionKind } from "../core/schema.js";

interface LayoutPatterns {
  credit: RegExp[];
  captionStart: RegExp[];
  captionCreditTail: RegExp;
  byline: RegExp[];
  dateline: RegExp;
  boilerplate: RegExp[];
}

const patterns: LayoutPatterns = {
  credit: layoutData.credit.map((p) => new RegExp(p, "i")),
  captionStart: layoutData.captionStart.map((p) => new RegExp(p, "i")),
  captionCreditTail: new RegExp(layoutData.captionCreditTail, "i"),
  byline: layoutData.byline.map((p) => new RegExp(p)),
  // Case matters for a dateline: "BAGHDAD (AP) —" is upper case by convention.
  dateline: new RegExp(layoutData.dateline),
  boilerplate: layoutData.boilerplate.map((p) => new RegExp(p, "i")),
};

/** One paragraph of the page, with a kind when the source already says what it is (HTML). */
export interface Block {
  text: string;
  kind?: SectionKind;
}

export interface Layout {
  text: string;
  sections: Section[];
}

/**
 * Normalise raw text: one kind of line break, no tabs or exotic spaces, no trailing spaces,
 * at most one blank line between paragraphs. Characters other than whitespace are kept as
 * they are, so offsets map back onto the input's non-space characters.
 */
export function normaliseText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/\u200B|\u200C|\u200D|\u2060|\uFEFF/g, "")
    .replace(/[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, " ")
    .replace(/[\u2028\u2029]/g, "\n")
    .replace(/ +\n/g, "\n")
    .replace(/\n +/g, "\n")
    .replace(/ {2,}/g, " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Split normalised text into paragraphs (blank-line separated; single lines when the page has no blank lines). */
export function paragraphs(text: string): Block[] {
  const byBlank = text.split(/\n\n/);
  const parts = byBlank.length > 1 ? byBlank : text.split(/\n/);
  return parts.map((p) => ({ text: p.trim() })).filter((b) => b.text !== "");
}

/** Lay out plain text as a news page. */
export function layoutText(raw: string): Layout {
  return layoutBlocks(paragraphs(normaliseText(raw)), { normalised: true });
}

/**
 * Join blocks into one text (blank line between them) and classify the ones with no kind.
 * Also used by the HTML reader, which already knows its headline and captions. Blocks are
 * normalised unless they come `normalised` from `paragraphs(normaliseText(...))`, which leaves
 * nothing for a second pass to change.
 */
export function layoutBlocks(input: Block[], { normalised = false } = {}): Layout {
  const blocks = splitFurnitureLines(
    normalised
      ? input
      : input
          .map((b) => ({ ...b, text: normaliseText(b.text).replace(/\n{2,}/g, "\n") }))
          .filter((b) => b.text !== ""),
  );
  const kinds = classify(blocks);
  const sections: Section[] = [];
  let text = "";
  blocks.forEach((block, i) => {
    if (text !== "") text += "\n\n";
    const start = text.length;
    text += block.text;
    const kind = kinds[i]!;
    if (kind === "body") {
      const dateline = patterns.dateline.exec(block.text);
      if (dateline && dateline[0].length < 60 && dateline[0].length < block.text.length - 20) {
        const cut = start + dateline[0].trimEnd().length;
        sections.push({ kind: "dateline", start, end: cut });
        sections.push({ kind: "body", start: start + dateline[0].length, end: text.length });
        return;
      }
    }
    if (kind === "caption") {
      const tail = patterns.captionCreditTail.exec(block.text);
      if (tail && tail.index > 0) {
        sections.push({
          kind: "caption",
          start,
          end: start + block.text.slice(0, tail.index).trimEnd().length,
        });
        sections.push({ kind: "credit", start: start + tail.index, end: text.length });
        return;
      }
    }
    sections.push({ kind, start, end: text.length });
  });
  return { text, sections: sections.filter((s) => s.end > s.start) };
}

/** Lines of page furniture (a credit under a caption, a byline under a headline) become blocks of their own. */
function splitFurnitureLines(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    if (block.kind || !block.text.includes("\n")) {
      out.push(block);
      continue;
    }
    let group: string[] = [];
    const flush = () => {
      if (group.length > 0) out.push({ text: group.join("\n") });
      group = [];
    };
    for (const line of block.text.split("\n")) {
      const furniture =
        (line.length <= 160 && patterns.credit.some((re) => re.test(line))) ||
        (line.length <= 140 && patterns.byline.some((re) => re.test(line))) ||
        (line.length <= 400 && isBoilerplate(line));
      if (furniture) {
        flush();
        out.push({ text: line });
      } else group.push(line);
    }
    flush();
  }
  return out;
}

function classify(blocks: Block[]): SectionKind[] {
  const kinds: (SectionKind | undefined)[] = blocks.map((b) => b.kind);
  const n = blocks.length;
  const is = (i: number, list: RegExp[]) => list.some((re) => re.test(blocks[i]!.text));

  for (let i = 0; i < n; i++) {
    if (kinds[i]) continue;
    const t = blocks[i]!.text;
    if (t.length <= 160 && is(i, patterns.credit)) kinds[i] = "credit";
    else if (t.length <= 140 && is(i, patterns.byline)) kinds[i] = "byline";
    else if (t.length <= 400 && isBoilerplate(t)) kinds[i] = "boilerplate";
  }
  // A photo caption: the paragraph right before a credit line, or one that opens like a caption.
  for (let i = 0; i < n; i++) {
    if (kinds[i]) continue;
    const beforeCredit = kinds[i + 1] === "credit";
    if (beforeCredit || is(i, patterns.captionStart) || patterns.captionCreditTail.test(blocks[i]!.text)) {
      kinds[i] = "caption";
    }
  }
  // The headline: the first paragraph, when it is one short, title-like line and more follows.
  const first = kinds.indexOf(undefined);
  if (first === 0 && n > 1 && !kinds.includes("headline") && isHeadlineLike(blocks[0]!.text))
    kinds[0] = "headline";
  // Anything no pattern claims is body: wrongly dropping text is worse than keeping furniture.
  return kinds.map((k) => k ?? "body");
}

function isBoilerplate(text: string): boolean {
  return patterns.boilerplate.some((re) => re.test(text));
}

/** "Chile Moving Troops from Peru to Bolivia After Border Deal" */
export function isHeadlineLike(text: string): boolean {
  if (text.includes("\n") || text.length > 200 || text.length < 8) return false;
  const words = text.split(/\s+/).filter((w) => /^[A-Za-z]/.test(w));
  if (words.length === 0) return false;
  const long = words.filter((w) => w.replace(/[^A-Za-z]/g, "").length > 3);
  const capitalised = long.filter((w) => /^[A-Z]/.test(w)).length;
  const titleCase = long.length > 0 && capitalised / long.length >= 0.6;
  const endsLikeSentence = /[.!?]["”’)]?$/.test(text);
  if (titleCase) return true;
  // A sentence-case headline: short, and not ending like a sentence.
  return !endsLikeSentence && words.length <= 20;
}
