// The places stage's word lists (data/places/lexicon.json), validated once at module load.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { ABBREVIATIONS } from "../../nlp/abbreviations.js";

const words = z
  .array(z.string().min(1))
  .refine((list) => new Set(list).size === list.length, { message: "duplicate entries" });
const bearing = z.enum([
  "N",
  "NNE",
  "NE",
  "ENE",
  "E",
  "ESE",
  "SE",
  "SSE",
  "S",
  "SSW",
  "SW",
  "WSW",
  "W",
  "WNW",
  "NW",
  "NNW",
]);

const LexiconSchema = z.object({
  bearings: z.record(z.string(), bearing),
  directionAdjectives: z.record(z.string(), z.union([bearing, z.literal("C")])),
  distanceUnits: z.record(z.string(), z.number().positive()),
  numberWords: z.record(z.string(), z.number().positive()),
  approximators: words,
  demonymPlaceNouns: words,
  capitalNouns: words,
  settlementNouns: words,
  facilityNouns: words,
  adminSuffixes: words,
  landformNouns: words,
  placeModifiers: words,
  actorSuffixes: words,
  metonymyVerbs: words,
  metonymyPossessions: words,
  personTitles: words,
  notPlaces: words,
  nearWords: words,
  borderNouns: words,
  institutionNouns: words,
  diseaseNouns: words,
});
export type LexiconData = z.infer<typeof LexiconSchema>;

export interface Lexicon {
  bearings: Map<string, string>;
  directionAdjectives: Map<string, string>;
  distanceUnits: Map<string, number>;
  numberWords: Map<string, number>;
  approximators: Set<string>;
  demonymPlaceNouns: Set<string>;
  capitalNouns: Set<string>;
  /** "the city of", "the capital of": what follows names a place. */
  settlementNouns: Set<string>;
  /** Lower-cased, first word: "air base" is matched as "air" then "base". */
  facilityNouns: Set<string>;
  adminSuffixes: Set<string>;
  /** "Swat Valley", "Mahim Bay": a landform named after the place before it. */
  landformNouns: Set<string>;
  placeModifiers: Set<string>;
  actorSuffixes: Set<string>;
  metonymyVerbs: Set<string>;
  metonymyPossessions: Set<string>;
  personTitles: Set<string>;
  notPlaces: Set<string>;
  nearWords: Set<string>;
  borderNouns: Set<string>;
  institutionNouns: Set<string>;
  diseaseNouns: Set<string>;
}

export function parseLexicon(raw: unknown): Lexicon {
  const d = LexiconSchema.parse(raw);
  const lower = (list: string[]) => new Set(list.map((w) => w.toLowerCase()));
  return {
    bearings: new Map(Object.entries(d.bearings)),
    directionAdjectives: new Map(Object.entries(d.directionAdjectives)),
    distanceUnits: new Map(Object.entries(d.distanceUnits)),
    numberWords: new Map(Object.entries(d.numberWords)),
    approximators: lower(d.approximators),
    demonymPlaceNouns: lower(d.demonymPlaceNouns),
    capitalNouns: lower(d.capitalNouns),
    settlementNouns: lower(d.settlementNouns),
    facilityNouns: lower(d.facilityNouns.map((w) => w.split(" ").at(-1)!)),
    adminSuffixes: lower(d.adminSuffixes),
    landformNouns: lower(d.landformNouns),
    placeModifiers: lower(d.placeModifiers),
    actorSuffixes: lower(d.actorSuffixes),
    metonymyVerbs: lower(d.metonymyVerbs),
    metonymyPossessions: lower(d.metonymyPossessions),
    // the abbreviated titles ("Col.", "Sen.") are the sentence splitter's, in data/nlp
    personTitles: new Set([...lower(d.personTitles), ...ABBREVIATIONS.titles]),
    notPlaces: lower(d.notPlaces),
    nearWords: lower(d.nearWords),
    borderNouns: lower(d.borderNouns),
    institutionNouns: lower(d.institutionNouns),
    diseaseNouns: lower(d.diseaseNouns),
  };
}

export const lexicon: Lexicon = parseLexicon(
  JSON.parse(readFileSync(new URL("../../../data/places/lexicon.json", import.meta.url), "utf8")),
);
