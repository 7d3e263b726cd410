// First-level regions from ISO 3166-2 names (the iso-3166 package: names and codes, no
// points), placed on the map through the GeoNames towns: each subdivision is tied to one
// GeoNames admin1 code, and its point is the middle of the box around that admin1's
// towns. Two routes tie them, and a subdivision neither route ties is left out (no guessing):
//  - by code, in countries whose GeoNames admin1 codes are the ISO suffixes ("US-CA" -> US.CA);
//  - by seat: a capital or admin seat (PPLA, PPLC) named like the subdivision ("Kabul").

import { z } from "zod";
import { distanceKm } from "./geo.js";
import { foldedDuplicates, foldName } from "./keys.js";

export interface Subdivision {
  /** ISO 3166-2 code, "US-CA". */
  code: string;
  name: string;
  /** A country code for first-level entries, a subdivision code for nested ones ("IQ-KR"). */
  parent: string;
}

export interface Town {
  name: string;
  country: string;
  admin1: string;
  /** GeoNames feature code: PPLC, PPLA, PPL ... */
  code: string;
  population: number;
  lat: number;
  lon: number;
  /** The town's names (its own, ASCII and alternates); only seats' are needed. */
  names: string[];
}

/** How a subdivision was tied: by its code or seat to a GeoNames admin1, or only by a point a
 * regions list gives for its ISO code (no admin1 known). */
export type SubdivisionRoute = "code" | "seat" | "point";

/** A point for an ISO 3166-2 code from a list of regions with coordinates ("CN-FJ" -> Fujian's). */
export type RegionPoints = ReadonlyMap<string, { lat: number; lon: number; name?: string }>;

export interface PlacedSubdivision {
  subdivision: Subdivision;
  country: string;
  /** The GeoNames admin1 code it is tied to; "" when only a regions list placed it. */
  admin1: string;
  route: SubdivisionRoute;
  lat: number;
  lon: number;
  /** The name without its type words ("Guangdong Sheng" -> "Guangdong"). */
  shortName: string;
  /** The seat's name when the seat route tied it ("Kandahar"): the subdivision shares it. */
  seatName?: string;
  /** The name a regions list gives it when that differs from ISO's ("Nineveh" for "Nīnawá"). */
  listedName?: string;
  /** The list's name as written, before stripping: "Autonomous Republic of Crimea". */
  listedFullName?: string;
  /** 2 where ISO lists the country's counties or councils below GeoNames' admin1 (Britain's
   * "Suffolk" and "Fife" under its four nations): a second-level division. */
  level: 1 | 2;
}

export interface SubdivisionStats {
  considered: number;
  byCode: number;
  bySeat: number;
  /** Not tied to an admin1, placed by the point a regions list gives for its ISO code. */
  byPoint: number;
  /** Placed by a listed point as a second-level division (a county below GeoNames' admin1). */
  lowerByPoint: number;
  /** Second-level divisions left out because a town of their country bears their name nearby
   * ("Sheffield" council is the city). */
  namedAfterTown: number;
  unmapped: number;
  /** Tied, but the point fell outside the country's towns. */
  rejected: number;
  /** Regions only the regions list has (newer than ISO's list), added by their listed point. */
  listedOnly?: number;
}

export const SubdivisionWordsSchema = z
  .object({
    /** Words that say what kind of subdivision a name is: "Sheng", "oblast'", "Province". */
    typeWords: z.array(z.string().min(2)),
    /** Forms reporters write a region's name in: "{name} Province", "state of {name}". */
    forms: z.array(z.string().includes("{name}")),
    /** Compass words that name a part of a larger region: "North Darfur", "Nord-Kivu", "Agusan del Norte". */
    compassWords: z.array(z.string().min(2)).default([]),
    /** Words of landforms that parts share without naming one region: "Eastern Highlands", "Northern Cape". */
    genericWords: z.array(z.string().min(2)).default([]),
  })
  .superRefine((v, ctx) => {
    for (const [field, list] of [
      ["typeWords", v.typeWords],
      ["forms", v.forms],
      ["compassWords", v.compassWords],
      ["genericWords", v.genericWords],
    ] as const) {
      for (const item of foldedDuplicates(list))
        ctx.addIssue({ code: "custom", message: `duplicate in ${field}: ${item}` });
    }
  });

export type SubdivisionWords = z.infer<typeof SubdivisionWordsSchema>;

/**
 * Stricter than the lookup's loose key, because a seat's name is evidence here: "Tayywan"
 * (an old spelling of Taiyuan) must not make Taiwan a province seated in Shanxi.
 * "Al Başrah" and "Basrah" meet; "Basra" does not.
 */
function seatKey(name: string): string {
  const words = foldName(name).split(" ");
  if (words.length > 1 && /^(?:al|el|ad|ar|as|ash|at|az|an|the)$/.test(words[0]!)) words.shift();
  return words.join("");
}

/** "Guangdong Sheng" -> "Guangdong", "Adygeya, Respublika" -> "Adygeya", "Vinnytska oblast" -> "Vinnytska". */
export function stripTypeWords(name: string, typeWords: ReadonlySet<string>): string {
  const words = name
    .replace(/\s*\([^)]*\)/g, "")
    .split(/[\s,]+/)
    .filter(Boolean);
  // Only trailing words: leading ones begin names ("District of Columbia", "Autonomous Region in
  // Muslim Mindanao") that are no longer names without them.
  while (words.length > 1 && typeWords.has(foldName(words[words.length - 1]!))) words.pop();
  // Two or more before "of" are a title, not the name: "Autonomous Republic of Crimea" is Crimea
  // (one alone is the name's own: "District of Columbia").
  const of = words.findIndex((w) => w.toLowerCase() === "of");
  if (of >= 2 && of < words.length - 1 && words.slice(0, of).every((w) => typeWords.has(foldName(w))))
    return words.slice(of + 1).join(" ");
  return words.join(" ");
}

/**
 * Tie each first-level subdivision (and each nested one whose admin1 no first-level entry
 * took: Iraq's governorates under "IQ-KR") to a GeoNames admin1 code and give it a point.
 */
export function placeSubdivisions(
  subdivisions: readonly Subdivision[],
  towns: readonly Town[],
  words: SubdivisionWords,
  points: RegionPoints = new Map(),
): { placed: PlacedSubdivision[]; stats: SubdivisionStats } {
  const typeWords = new Set(words.typeWords.map(foldName));
  const townsByAdmin1 = new Map<string, Town[]>();
  const admin1sByCountry = new Map<string, Set<string>>();
  /** country -> seat name key -> admin1 codes whose seat has that name. */
  const seats = new Map<string, Map<string, Set<string>>>();
  const seatNames = new Map<string, string>();
  const bounds = new Map<string, { minLat: number; maxLat: number; minLon: number; maxLon: number }>();
  /** country + folded town name -> the towns so named, for councils named after their town. */
  const townsByName = new Map<string, Town[]>();
  for (const t of towns) {
    const nameKey = `${t.country}|${foldName(t.name)}`;
    const named = townsByName.get(nameKey) ?? [];
    named.push(t);
    townsByName.set(nameKey, named);
    const b = bounds.get(t.country) ?? { minLat: 90, maxLat: -90, minLon: 180, maxLon: -180 };
    b.minLat = Math.min(b.minLat, t.lat);
    b.maxLat = Math.max(b.maxLat, t.lat);
    b.minLon = Math.min(b.minLon, t.lon);
    b.maxLon = Math.max(b.maxLon, t.lon);
    bounds.set(t.country, b);
    if (!t.admin1 || t.admin1 === "00") continue;
    const key = `${t.country}.${t.admin1}`;
    const list = townsByAdmin1.get(key) ?? [];
    list.push(t);
    townsByAdmin1.set(key, list);
    const codes = admin1sByCountry.get(t.country) ?? new Set<string>();
    codes.add(t.admin1);
    admin1sByCountry.set(t.country, codes);
    if (t.code !== "PPLA" && t.code !== "PPLC") continue;
    const byName = seats.get(t.country) ?? new Map<string, Set<string>>();
    for (const k of new Set(t.names.map(seatKey))) {
      const set = byName.get(k) ?? new Set<string>();
      set.add(t.admin1);
      byName.set(k, set);
    }
    seats.set(t.country, byName);
    if (t.code === "PPLA" || !seatNames.has(key)) seatNames.set(key, t.name);
  }

  const countryOf = (s: Subdivision) => s.code.split("-")[0]!;
  const firstLevel = subdivisions.filter((s) => s.parent.length === 2);
  const nested = subdivisions.filter((s) => s.parent.length > 2);
  const byCountry = new Map<string, Subdivision[]>();
  for (const s of firstLevel) {
    const list = byCountry.get(countryOf(s)) ?? [];
    list.push(s);
    byCountry.set(countryOf(s), list);
  }

  /** The one admin1 whose seat bears the subdivision's name; undefined when none or several. */
  const seatAdmin1 = (s: Subdivision, shortName: string): string | undefined => {
    const byName = seats.get(countryOf(s));
    if (!byName) return undefined;
    const found = new Set<string>();
    for (const name of new Set([shortName, s.name]))
      for (const a of byName.get(seatKey(name)) ?? []) found.add(a);
    return found.size === 1 ? [...found][0] : undefined;
  };

  // Code route per country, decided from the data: most ISO suffixes are admin1 codes of
  // its towns, and wherever a seat names a subdivision the two routes agree: numeric codes
  // can coincide without meaning the same province (ISO "TR-06" is Ankara, GeoNames' is "68").
  const codeCountries = new Set<string>();
  for (const [country, list] of byCountry) {
    const admin1s = admin1sByCountry.get(country);
    if (!admin1s) continue;
    const suffix = (s: Subdivision) => s.code.slice(country.length + 1);
    const hits = list.filter((s) => admin1s.has(suffix(s))).length;
    if (hits < Math.max(2, 0.6 * list.length)) continue;
    let agree = 0;
    let disagree = 0;
    for (const s of list) {
      const seat = seatAdmin1(s, stripTypeWords(s.name, typeWords));
      if (seat === undefined) continue;
      if (seat === suffix(s)) agree++;
      else disagree++;
    }
    // Without any seat evidence, letters matching letters is no coincidence; digits may be.
    const lettered = list.every((s) => /[A-Z]/.test(suffix(s)));
    if (disagree > agree || (agree + disagree === 0 && !lettered)) continue;
    codeCountries.add(country);
  }

  const stats: SubdivisionStats = {
    considered: 0,
    byCode: 0,
    bySeat: 0,
    byPoint: 0,
    lowerByPoint: 0,
    namedAfterTown: 0,
    unmapped: 0,
    rejected: 0,
  };
  const placed: PlacedSubdivision[] = [];
  // Choose every subdivision's admin1 first, then hand out each admin1 once, seat-backed
  // choices first: in Turkey "TR-68" (Aksaray) must not take Ankara's GeoNames "68".
  const choices: {
    s: Subdivision;
    shortName: string;
    admin1?: string;
    route?: SubdivisionRoute;
    seat?: string;
  }[] = [];
  for (const s of [...firstLevel, ...nested]) {
    const country = countryOf(s);
    const shortName = stripTypeWords(s.name, typeWords) || s.name;
    const suffix = s.code.slice(country.length + 1);
    const levels = comparableLevels(byCountry.get(country), admin1sByCountry.get(country));
    const seat = levels || codeCountries.has(country) ? seatAdmin1(s, shortName) : undefined;
    if (s.parent.length === 2) stats.considered++;
    if (codeCountries.has(country) && s.parent.length === 2 && townsByAdmin1.has(`${country}.${suffix}`))
      choices.push({
        s,
        shortName,
        admin1: seat ?? suffix,
        route: seat && seat !== suffix ? "seat" : "code",
        seat,
      });
    else choices.push({ s, shortName, admin1: seat, route: "seat", seat });
  }
  const order = (c: (typeof choices)[number]) =>
    (c.seat === undefined ? 1 : 0) + (c.s.parent.length === 2 ? 0 : 2);
  choices.sort((a, b) => order(a) - order(b));
  const taken = new Set<string>();
  for (const { s, shortName, admin1, route } of choices) {
    const country = countryOf(s);
    const first = s.parent.length === 2;
    const key = `${country}.${admin1}`;
    const listed = points.get(s.code);
    const tied = !!admin1 && !!route && !taken.has(key);
    // Untied, a listed point still places it where ISO and GeoNames count regions alike
    // (China's provinces, India's states): Britain's 200-odd councils ("Sheffield") would
    // otherwise stand beside the towns of the same name.
    const levels = comparableLevels(byCountry.get(country), admin1sByCountry.get(country));
    const byPoint = !tied && listed !== undefined && levels;
    // Where ISO's list is a level below GeoNames' admin1 (Britain's counties and councils
    // under its four nations), a listed point places a county ("Suffolk", "Fife") as a
    // second-level division, unless a town of that name lies in it: "Sheffield" council is
    // the city, and the town keeps the name.
    const lower = !tied && listed !== undefined && !levels && first && !!admin1sByCountry.get(country);
    if (lower && namedAfterTown(townsByName.get(`${country}|${foldName(shortName)}`), listed)) {
      stats.namedAfterTown++;
      continue;
    }
    if (!tied && !byPoint && !lower) {
      if (first) stats.unmapped++;
      continue;
    }
    const point = tied ? centre(townsByAdmin1.get(key) ?? []) : listed;
    const b = bounds.get(country);
    // The point must lie within the range of its country's towns (a country whose towns
    // straddle the 180th meridian spans all longitudes).
    // A region of one town at the edge sits on the range's edge: allow for the rounding.
    const wraps = b !== undefined && b.maxLon - b.minLon > 180;
    const slack = tied ? 0.01 : 0.5;
    if (
      !point ||
      !b ||
      point.lat < b.minLat - slack ||
      point.lat > b.maxLat + slack ||
      (!wraps && (point.lon < b.minLon - slack || point.lon > b.maxLon + slack))
    ) {
      if (first) stats.rejected++;
      continue;
    }
    if (tied) taken.add(key);
    const how: SubdivisionRoute = tied ? route! : "point";
    if (lower) stats.lowerByPoint++;
    else if (first) stats[how === "code" ? "byCode" : how === "seat" ? "bySeat" : "byPoint"]++;
    placed.push({
      subdivision: s,
      country,
      admin1: tied ? admin1! : "",
      route: how,
      lat: point.lat,
      lon: point.lon,
      shortName,
      ...(how === "seat" ? { seatName: seatNames.get(key) } : {}),
      ...(listed?.name && foldName(listed.name) !== foldName(s.name)
        ? { listedName: stripTypeWords(listed.name, typeWords) || listed.name, listedFullName: listed.name }
        : {}),
      level: lower ? 2 : 1,
    });
  }
  return { placed, stats };
}

/** Within this distance of a county's listed point, a town of the county's name is what it is named after. */
const NAMED_AFTER_TOWN_KM = 50;

function namedAfterTown(named: Town[] | undefined, point: { lat: number; lon: number }): boolean {
  return !!named?.some((t) => distanceKm(t.lat, t.lon, point.lat, point.lon) <= NAMED_AFTER_TOWN_KM);
}

/**
 * The seat route needs ISO's subdivisions and GeoNames' admin1 to be the same level: Britain
 * lists 200-odd councils under ISO but four admin1 nations, and "Belfast" council is not
 * Northern Ireland.
 */
function comparableLevels(list: Subdivision[] | undefined, admin1s: Set<string> | undefined): boolean {
  return !!list && !!admin1s && list.length <= 1.5 * admin1s.size + 2;
}

/**
 * The middle of the box around an admin1's towns, without the towns far from the rest (a
 * miscoded town 2,000 km away). Not their population-weighted middle: Texas's would sit
 * near Dallas and Houston, 200 km east of where maps put the state; on the GeoVirus set
 * the box's middle placed 74.7% of found places within 161 km, the weighted middle 70.0%,
 * the plain mean 73.3%, the median 72.9%.
 */
function centre(towns: readonly Town[]): { lat: number; lon: number } | undefined {
  if (towns.length === 0) return undefined;
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const mid = { lat: median(towns.map((t) => t.lat)), lon: median(towns.map((t) => t.lon)) };
  const distances = towns.map((t) => distanceKm(t.lat, t.lon, mid.lat, mid.lon));
  const typical = median([...distances]);
  const radius = Math.max(4 * typical, 100);
  const kept = towns.filter((_, i) => distances[i]! <= radius);
  const lats = kept.map((t) => t.lat);
  let lons = kept.map((t) => t.lon);
  // Fiji, Chukotka: towns on both sides of the 180th meridian; measure the box eastward.
  const crosses = Math.max(...lons) - Math.min(...lons) > 180;
  if (crosses) lons = lons.map((lon) => (lon < 0 ? lon + 360 : lon));
  let lon = (Math.min(...lons) + Math.max(...lons)) / 2;
  if (lon > 180) lon -= 360;
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  return { lat: round((Math.min(...lats) + Math.max(...lats)) / 2), lon: round(lon) };
}

/** A region a regions list gives that ISO's list lacks: a newer or restored one ("NO-32" Akershus). */
export interface ListedOnly {
  code: string;
  country: string;
  name: string;
  lat: number;
  lon: number;
}

/**
 * The regions list's entries whose ISO 3166-2 code ISO's list lacks, in countries ISO lists
 * regions for: Norway restored Akershus, Buskerud, Østfold, Vestfold, Telemark, Troms and
 * Finnmark in 2024, after the ISO list was taken. Not where the list has more such entries
 * than ISO has regions (a territory's parishes or districts: another level), nor where the
 * name is already an ISO region's of the country under another code ("IN-OR" Odisha is ISO's
 * "IN-OD").
 */
export function listedOnly(
  subdivisions: readonly Subdivision[],
  points: RegionPoints,
  typeWords: ReadonlySet<string>,
): ListedOnly[] {
  const codes = new Set(subdivisions.map((s) => s.code));
  const isoCount = new Map<string, number>();
  const isoNames = new Set<string>();
  for (const s of subdivisions) {
    const country = s.code.slice(0, 2);
    isoCount.set(country, (isoCount.get(country) ?? 0) + 1);
    isoNames.add(`${country}|${foldName(stripTypeWords(s.name, typeWords))}`);
    const listed = points.get(s.code)?.name;
    if (listed) isoNames.add(`${country}|${foldName(stripTypeWords(listed, typeWords))}`);
  }
  const missing = [...points].filter(([code]) => !codes.has(code) && isoCount.has(code.slice(0, 2)));
  const perCountry = new Map<string, number>();
  for (const [code] of missing) perCountry.set(code.slice(0, 2), (perCountry.get(code.slice(0, 2)) ?? 0) + 1);
  const out: ListedOnly[] = [];
  for (const [code, point] of missing) {
    const country = code.slice(0, 2);
    if (!point.name || perCountry.get(country)! > isoCount.get(country)!) continue;
    const name = stripTypeWords(point.name, typeWords) || point.name;
    if (isoNames.has(`${country}|${foldName(name)}`)) continue;
    out.push({ code, country, name, lat: point.lat, lon: point.lon });
  }
  return out;
}
