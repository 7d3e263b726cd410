// Islands by their English names ("Java", "Borneo", "Mindanao"): no installed source names them
// (cities500 holds towns, ISO 3166-2 and the states list hold provinces, some under their own
// language's names: "Jawa", "Sumatera"). islands.json lists the world's large islands with one
// town on each; the island is the piece of Natural Earth's land outline that holds the town, and
// its point the middle of that piece. Nothing is typed in but the names.

import { z } from "zod";
import { foldedDuplicates } from "./keys.js";
import { areaKm2, boundingBox, containsPoint, mainlandPoint, type Polygon } from "./outlines.js";

export const IslandListSchema = z
  .object({
    islands: z.array(
      z.object({
        /** The English name: "Java". */
        name: z.string().min(2),
        /** Other English names: "Celebes" for Sulawesi. */
        alternates: z.array(z.string().min(2)).default([]),
        /** A town on the island, as cities500 names it, and its country: "Jakarta", "ID". */
        town: z.string().min(2),
        country: z.string().length(2),
      }),
    ),
  })
  .superRefine((v, ctx) => {
    for (const name of foldedDuplicates(v.islands.flatMap((island) => [island.name, ...island.alternates])))
      ctx.addIssue({ code: "custom", message: `duplicate island: ${name}` });
  });

export type IslandList = z.infer<typeof IslandListSchema>;

export interface IslandTown {
  lat: number;
  lon: number;
  country: string;
}

export interface PlacedIsland {
  name: string;
  alternates: string[];
  /** The one country its towns lie in; "" for an island shared by several (Borneo, Hispaniola). */
  country: string;
  lat: number;
  lon: number;
  areaKm2: number;
}

/** How far from a town its island's coast may be drawn: a port on the coast (Davao, Haikou)
 * can fall in the sea of a 1:50m outline. Degrees, tried nearest first. */
const COAST_SLACK = [0, 0.05, 0.1, 0.2];

/** The land piece holding the point, or the largest one within the coast's slack of it; -1 for none. */
function pieceAt(
  land: readonly Polygon[],
  boxes: readonly ReturnType<typeof boundingBox>[],
  at: { lat: number; lon: number },
): number {
  const holding = (lat: number, lon: number) =>
    boxes.findIndex(
      (b, i) =>
        lat >= b.south &&
        lat <= b.north &&
        lon >= b.west &&
        lon <= b.east &&
        containsPoint([land[i]!], lat, lon),
    );
  for (const slack of COAST_SLACK) {
    const hits = new Set<number>();
    for (const [dlat, dlon] of slack ? COMPASS : [[0, 0]]) {
      const i = holding(at.lat + dlat! * slack, at.lon + dlon! * slack);
      if (i >= 0) hits.add(i);
    }
    if (hits.size) return [...hits].reduce((a, b) => (areaKm2([land[b]!]) > areaKm2([land[a]!]) ? b : a));
  }
  return -1;
}

const COMPASS = [
  [1, 0],
  [1, 1],
  [0, 1],
  [-1, 1],
  [-1, 0],
  [-1, -1],
  [0, -1],
  [1, -1],
];

/** Larger than this, a land piece is a continent (Australia's 7.7 million km²), not an island
 * (Greenland's 2.1 million). */
const MAX_ISLAND_KM2 = 3_000_000;

/**
 * Each listed island whose town lies on a land piece smaller than a continent, with the
 * piece's middle as its point. `townOf` finds the listed town (the most populous so named in
 * its country); `towns` tell which countries share the island.
 */
export function placeIslands(
  list: IslandList,
  land: readonly Polygon[],
  townOf: (name: string, country: string) => { lat: number; lon: number } | undefined,
  towns: readonly IslandTown[],
): { placed: PlacedIsland[]; missing: string[] } {
  const boxes = land.map((piece) => boundingBox([piece]));
  const placed: PlacedIsland[] = [];
  const missing: string[] = [];
  for (const island of list.islands) {
    const town = townOf(island.town, island.country);
    const at = town ? pieceAt(land, boxes, town) : -1;
    const piece = land[at];
    const area = piece ? areaKm2([piece]) : 0;
    const point = piece ? mainlandPoint([piece]) : undefined;
    if (!piece || !point || area > MAX_ISLAND_KM2) {
      missing.push(island.name);
      continue;
    }
    const box = boxes[at]!;
    const countries = new Set<string>();
    for (const t of towns)
      if (
        t.lat >= box.south &&
        t.lat <= box.north &&
        t.lon >= box.west &&
        t.lon <= box.east &&
        containsPoint([piece], t.lat, t.lon)
      )
        countries.add(t.country);
    placed.push({
      name: island.name,
      alternates: island.alternates,
      country: countries.size === 1 ? [...countries][0]! : countries.size === 0 ? island.country : "",
      lat: point.lat,
      lon: point.lon,
      areaKm2: Math.round(area),
    });
  }
  return { placed, missing };
}
