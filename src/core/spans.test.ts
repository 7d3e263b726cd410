import { describe, expect, it } from "vitest";
import type { Span } from "./schema.js";
import { overlaps, SpanIndex } from "./spans.js";

describe("SpanIndex", () => {
  const spans: Span[] = [
    { start: 40, end: 45 },
    { start: 0, end: 5 },
    { start: 10, end: 30 },
    { start: 12, end: 14 },
  ];
  const index = new SpanIndex(spans);

  it.each([
    [0, 1, [[0, 5]]],
    [5, 10, []],
    [
      13,
      14,
      [
        [10, 30],
        [12, 14],
      ],
    ],
    [
      29,
      41,
      [
        [10, 30],
        [40, 45],
      ],
    ],
    [45, 50, []],
  ])("[%i, %i) overlaps %j", (start, end, want) => {
    expect(index.overlapping(start, end).map((s) => [s.start, s.end])).toEqual(want);
  });

  it.each([
    [0, true],
    [5, false],
    [29, true],
    [30, false],
    [44, true],
  ])("covers %i: %s", (offset, want) => {
    expect(index.covers(offset)).toBe(want);
  });

  // A long span that starts far before the range is still found.
  it("finds every span the brute-force test finds", () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const many: Span[] = Array.from({ length: 300 }, () => {
      const start = next(5000);
      return { start, end: start + 1 + next(next(10) === 0 ? 800 : 20) };
    });
    const big = new SpanIndex(many);
    for (let q = 0; q < 500; q++) {
      const start = next(5200);
      const query = { start, end: start + next(40) };
      const want = many.filter((s) => overlaps(s, query)).length;
      expect(big.overlapping(query.start, query.end)).toHaveLength(want);
    }
  });
});
