// US counties (Louisiana's parishes, Alaska's boroughs) from the Census Bureau's outlines, as
// the npm package `us-atlas` ships them in TopoJSON: a name and a five-digit FIPS code per
// county, whose first two digits are its state's. Reporters write a county with its type word
// ("Frederick County", "Jefferson Parish"), and a bare "Jefferson" is the town or the person:
// so a county is indexed only under its full forms, and its state (and the towns inside its
// outline) tell "Lake County, Ohio" from the four other Lake Counties.

import { z } from "zod";
import { foldedDuplicates, foldName } from "./keys.js";
import {
  boundingBox,
  containsPoint,
  mainlandPoint,
  outlines,
  type Polygon,
  type Topology,
} from "./outlines.js";

export const CountyWordsSchema = z
  .object({
    /** The word that follows a county's name: "County". */
    typeWord: z.string().min(2),
    /** States whose counties go by another word: Louisiana's "Parish", Alaska's "Borough". */
    typeWordByState: z.record(z.string().min(2), z.string().min(2)),
    /** Abbreviations the atlas writes and reporters may spell out: "St." -> "Saint". */
    spelledOut: z.record(z.string().min(2), z.string().min(2)),
  })
  .superRefine((v, ctx) => {
    for (const state of foldedDuplicates(Object.keys(v.typeWordByState)))
      ctx.addIssue({ code: "custom", message: `duplicate state: ${state}` });
  });

export type CountyWords = z.infer<typeof CountyWordsSchema>;

/** A town that may lie in a county: its admin1 code and population tell the county's. */
export interface CountyTown {
  lat: number;
  lon: number;
  admin1: string;
  population: number;
}

export interface County {
  /** FIPS code, "24021". */
  fips: string;
  /** "Frederick County": the name reporters write and the place's name. */
  name: string;
  /** Other forms of the same name: "Saint Bernard Parish" for "St. Bernard Parish". */
  alternates: string[];
  state: string;
  /** The state's admin1 code ("MD"); "" when neither the state's name nor the towns tell it. */
  admin1: string;
  lat: number;
  lon: number;
  /** The towns inside its outline, summed: what tells Orange County, California from Orange County, Vermont. */
  population: number;
}

/**
 * The Census Bureau numbers independent cities from 510 within their state (Virginia's
 * "Richmond", Baltimore, St. Louis, Carson City): they are towns the gazetteer already holds,
 * not counties named "Richmond County".
 */
const FIRST_INDEPENDENT_CITY = 500;

/**
 * Every county of the 50 states with its point (the middle of its outline, by the rule
 * country points use), its state's admin1 code and the population of the towns inside it.
 * `admin1Of` gives a state's admin1 code by its name ("Maryland" -> "MD"); where it knows
 * none, the code most of the county's towns carry is taken.
 */
export function placeCounties(
  topology: Topology,
  words: CountyWords,
  admin1Of: (state: string) => string | undefined,
  towns: readonly CountyTown[],
): County[] {
  const states = new Map(outlines(topology, "states").map((s) => [s.id, s.name]));
  const typeWords = new Map(Object.entries(words.typeWordByState).map(([s, w]) => [foldName(s), w]));
  const counties = outlines(topology, "counties").filter((c) => {
    const state = states.get(c.id.slice(0, 2));
    // The District of Columbia is its own region; territories are no state's counties.
    return (
      c.name &&
      /^\d{5}$/.test(c.id) &&
      Number(c.id.slice(2)) < FIRST_INDEPENDENT_CITY &&
      state &&
      foldName(state) !== foldName(c.name) &&
      Number(c.id.slice(0, 2)) < 60
    );
  });
  const grid = townGrid(towns);
  const placed: County[] = [];
  for (const c of counties) {
    const point = mainlandPoint(c.polygons);
    if (!point) continue;
    const state = states.get(c.id.slice(0, 2))!;
    const inside = townsInside(c.polygons, grid);
    const admin1 = admin1Of(state) ?? mostCommon(inside.map((t) => t.admin1)) ?? "";
    const name = `${c.name} ${typeWords.get(foldName(state)) ?? words.typeWord}`;
    placed.push({
      fips: c.id,
      name,
      alternates: spellings(name, words.spelledOut).filter((n) => n !== name),
      state,
      admin1,
      lat: point.lat,
      lon: point.lon,
      population: inside.reduce((sum, t) => sum + t.population, 0),
    });
  }
  return placed;
}

/**
 * Each state's point by its name ("Florida"): the middle of its outline by the rule country
 * points use, so Alaska is not held to the towns of its south coast and Florida's panhandle
 * counts, where the box around a state's towns leaves both 180-210 km off.
 */
export function placeStates(topology: Topology): Map<string, { lat: number; lon: number }> {
  const points = new Map<string, { lat: number; lon: number }>();
  for (const s of outlines(topology, "states")) {
    const point = s.name ? mainlandPoint(s.polygons) : undefined;
    if (point) points.set(s.name, point);
  }
  return points;
}

/** "St. Bernard Parish" -> ["St. Bernard Parish", "Saint Bernard Parish"]. */
function spellings(name: string, spelledOut: Record<string, string>): string[] {
  const forms = [name];
  for (const [short, long] of Object.entries(spelledOut)) {
    const pattern = new RegExp(`(^|\\s)${short.replace(/\./g, "\\.")}(?=\\s)`, "g");
    for (const form of [...forms]) {
      const longer = form.replace(pattern, `$1${long}`);
      if (longer !== form) forms.push(longer);
    }
  }
  return forms;
}

type TownGrid = Map<string, CountyTown[]>;

/** Towns by whole-degree cell, so each county tests only the towns in its box. */
function townGrid(towns: readonly CountyTown[]): TownGrid {
  const grid: TownGrid = new Map();
  for (const t of towns) {
    const key = `${Math.floor(t.lat)}|${Math.floor(t.lon)}`;
    const cell = grid.get(key);
    if (cell) cell.push(t);
    else grid.set(key, [t]);
  }
  return grid;
}

function townsInside(polygons: readonly Polygon[], grid: TownGrid): CountyTown[] {
  const box = boundingBox(polygons);
  // Aleutians West spans the 180th meridian: its box is the whole globe, and no town lies in it twice.
  if (box.east - box.west > 180) return [];
  const inside: CountyTown[] = [];
  for (let lat = Math.floor(box.south); lat <= Math.floor(box.north); lat++)
    for (let lon = Math.floor(box.west); lon <= Math.floor(box.east); lon++)
      for (const t of grid.get(`${lat}|${lon}`) ?? [])
        if (
          t.lat >= box.south &&
          t.lat <= box.north &&
          t.lon >= box.west &&
          t.lon <= box.east &&
          containsPoint(polygons, t.lat, t.lon)
        )
          inside.push(t);
  return inside;
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  let most = 0;
  for (const [v, n] of counts)
    if (n > most) {
      best = v;
      most = n;
    }
  return best;
}
