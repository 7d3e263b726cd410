// Outlines for the gazetteer's tests: squares in plain longitude/latitude.
import type { Ring } from "../outlines.js";

/** A closed square ring, west-south corner first, counter-clockwise. */
export function squareRing(west: number, south: number, size: number): Ring {
  return [
    [west, south],
    [west + size, south],
    [west + size, south + size],
    [west, south + size],
    [west, south],
  ];
}
