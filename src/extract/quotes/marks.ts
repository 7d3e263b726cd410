// Quotation marks paired into quoted segments, one pass over the text. Handles curly and straight
// double marks, guillemets, top-level single curly marks, and news-style multi-paragraph quotes:
// a paragraph that continues a quote opens with a mark while the previous one has no closing mark.

/** One quoted stretch inside one paragraph: the marks and the words between them. */
export interface Segment {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just past the closing mark, or the paragraph end when the quote runs on. */
  close: number;
  /** The words inside the marks. */
  innerStart: number;
  innerEnd: number;
  /** The quote goes on in the next paragraph ("...the first.\n\n“The second ..."). */
  continues: boolean;
  /** This segment continues a quote opened in an earlier paragraph. */
  continued: boolean;
}

/** Two apostrophes stand for a double mark in some archives: ''It's reform,'' he said. */
const MARK = /''|["“”„«»‘’]/g;
const OPENERS = new Set(["“", "„", "«"]);
const CLOSERS = new Set(["”", "»"]);
const SPACE_BEFORE = /[\s([{\u2014\u2013-]/;

/** Pairs the quotation marks of `text`; segments are in text order and never overlap. */
export function pairQuoteMarks(text: string): Segment[] {
  const segments: Segment[] = [];
  let open = -1;
  let single = false;
  let continued = false;
  let paragraphEnd = nextBreak(text, 0);
  const endParagraph = (at: number) => {
    if (open >= 0) {
      // "...the first paragraph.\n\n“The next one ..." – the quote goes on.
      const next = skipSpace(text, at);
      const continues =
        !single &&
        next < text.length &&
        (OPENERS.has(text[next]!) || text[next] === '"' || text.startsWith("''", next));
      push(open, at, at, continues);
      continued = continues;
      open = -1;
      single = false;
    } else continued = false;
  };
  const push = (from: number, innerEnd: number, close: number, continues: boolean) => {
    const innerStart = from + (text.startsWith("''", from) ? 2 : 1);
    if (trimEnd(text, innerEnd) > skipSpace(text, innerStart)) {
      segments.push({
        open: from,
        close,
        innerStart,
        innerEnd: trimEnd(text, innerEnd),
        continues,
        continued: continued && segments.length > 0,
      });
    }
  };
  MARK.lastIndex = 0;
  for (let m = MARK.exec(text); m; m = MARK.exec(text)) {
    const at = m.index;
    while (at >= paragraphEnd) {
      endParagraph(paragraphEnd);
      paragraphEnd = nextBreak(text, paragraphEnd + 1);
    }
    const mark = m[0] === "''" ? '"' : m[0];
    const before = at > 0 ? text[at - 1]! : " ";
    const after = at + 1 < text.length ? text[at + 1]! : " ";
    if (mark === "‘" || mark === "’") {
      // Single marks only at top level; "’" between letters is an apostrophe ("Clinton’s").
      if (open >= 0 && !single) continue;
      if (mark === "‘" && open < 0 && SPACE_BEFORE.test(before) && /\S/.test(after)) {
        open = at;
        single = true;
      } else if (mark === "’" && single && open >= 0 && !/\p{L}/u.test(after)) {
        push(open, at, at + 1, false);
        open = -1;
        single = false;
        continued = false;
      }
      continue;
    }
    if (open >= 0 && single) {
      // A double mark inside a single-quoted headline phrase: give the single one up.
      open = -1;
      single = false;
    }
    const opens = OPENERS.has(mark) || (mark === '"' && open < 0 && (SPACE_BEFORE.test(before) || at === 0));
    const closes = CLOSERS.has(mark) || (mark === '"' && open >= 0);
    if (open < 0 && opens) open = at;
    else if (open >= 0 && closes) {
      push(open, at, at + m[0].length, false);
      open = -1;
      continued = false;
    }
  }
  while (paragraphEnd < text.length) {
    endParagraph(paragraphEnd);
    paragraphEnd = nextBreak(text, paragraphEnd + 1);
  }
  endParagraph(text.length);
  return segments;
}

function nextBreak(text: string, from: number): number {
  const at = text.indexOf("\n", from);
  return at < 0 ? text.length : at;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

function trimEnd(text: string, end: number): number {
  let i = end;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  return i;
}

/** Index of the segment containing offset `at` (marks included), or -1. Binary search. */
export function segmentAt(segments: readonly Segment[], at: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid]!;
    if (at < s.open) hi = mid - 1;
    else if (at >= s.close) lo = mid + 1;
    else return mid;
  }
  return -1;
}
