import type { Span, Text } from "./schema.js";

/** The `{start, end, text}` of a span of `text`. */
export function textSpan(text: string, start: number, end: number): Text {
  return { start, end, text: text.slice(start, end) };
}

/** Shrink a span so it neither starts nor ends with whitespace. */
export function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Sort by start, longer first on ties. */
export function bySpan(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end;
}

/**
 * Spans looked up by the range they overlap, in time that grows with the log of their number:
 * a stage that asks for every name whether a place overlaps it must not scan all the places of
 * a long document each time.
 */
export class SpanIndex<T extends Span> {
  private readonly sorted: T[];
  private readonly longest: number;

  constructor(spans: readonly T[]) {
    this.sorted = [...spans].sort(bySpan);
    this.longest = this.sorted.reduce((n, s) => Math.max(n, s.end - s.start), 0);
  }

  /** Whether a span holds the character at `offset`. */
  covers(offset: number): boolean {
    // asked for every token by several stages: no list is made
    for (let i = this.firstReaching(offset); i < this.sorted.length && this.sorted[i]!.start <= offset; i++) {
      if (offset < this.sorted[i]!.end) return true;
    }
    return false;
  }

  /** The spans that overlap [start, end), in order of their starts. */
  overlapping(start: number, end: number): T[] {
    const out: T[] = [];
    for (let i = this.firstReaching(start); i < this.sorted.length && this.sorted[i]!.start < end; i++) {
      const s = this.sorted[i]!;
      if (start < s.end) out.push(s);
    }
    return out;
  }

  /** The first span starting at or after `offset - longest`: none before it can reach `offset`. */
  private firstReaching(offset: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    const from = offset - this.longest;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
