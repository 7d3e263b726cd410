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
