// The gazetteer: candidate places for a name, from the SQLite index that
// scripts/build-gazetteer.mjs builds at install time (data/build/gazetteer.db). Opening it
// costs milliseconds and little memory: lookups read the index on disk, one query per name.

import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { foldName, GAZETTEER_FORMAT, KeyFilter, looseKey } from "./keys.js";

export type PlaceType = "country" | "admin1" | "admin2" | "city" | "facility" | "region" | "natural";

/** How a name belongs to its place: its own name, an alternate, an abbreviation ("NSW"), a
 * demonym ("Afghan"), or a facility's name without "Airport"/"Air Base" ("Al Asad"). */
export type NameRole = "name" | "alt" | "abbr" | "demonym" | "short";

export interface GazetteerPlace {
  id: number;
  name: string;
  /** ISO 3166 alpha-2; "" for places spanning countries ("Africa"). */
  country: string;
  lat: number;
  lon: number;
  type: PlaceType;
  /** GeoNames feature code: PPLC capital, PPLA admin seat, PPL town, ADM1, AIRB, PCLI ... */
  code: string;
  admin1: string;
  population: number;
  geonameId: number | null;
}

/** What an English word is besides a place name: a person's name, an organisation's, a common word. */
export type WordKind = "person" | "org" | "word";

export interface Candidate extends GazetteerPlace {
  /** The gazetteer's spelling that matched. */
  form: string;
  role: NameRole;
  /** The text matches the form up to case and accents, not only by the loose key. */
  exact: boolean;
}

export interface Gazetteer {
  /** Every place one of whose names has the loose key of `text`, exact matches marked. */
  lookup(text: string): Candidate[];
  /** The country with this ISO alpha-2 code. */
  country(code: string): GazetteerPlace | undefined;
  /** A country's capital city (GeoNames PPLC). */
  capital(code: string): GazetteerPlace | undefined;
  place(id: number): GazetteerPlace | undefined;
  /** "franklin" -> "person", "media" -> "word": English words that are also towns somewhere. */
  wordKind(lower: string): WordKind | undefined;
  /** What the index holds: sources and counts, as the build recorded them. */
  meta(): Record<string, string>;
  close(): void;
}

/** Where `npm install` puts the index. Same relative path from src/gazetteer and dist/gazetteer. */
export const DEFAULT_GAZETTEER_PATH = fileURLToPath(
  new URL("../../data/build/gazetteer.db", import.meta.url),
);

const PLACE_COLUMNS =
  "p.id, p.name, p.country, p.lat, p.lon, p.type, p.code, p.admin1, p.population, p.geonameId";

const MAX_CACHED_NAMES = 20_000;
const MAX_CACHED_CANDIDATES = 50_000;

/** Open an index built by `buildGazetteer`, read-only. */
export function openGazetteer(path: string): Gazetteer {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const format = db.pragma("user_version", { simple: true });
  if (format !== GAZETTEER_FORMAT) {
    db.close();
    throw new Error(`index format ${format}, this sitrep reads format ${GAZETTEER_FORMAT}: rebuild it`);
  }
  // Pages are read through SQLite's own small cache, not a memory map: mapped pages of the
  // 48 MB file stay resident and count in every worker's RSS (38 MB each), while a lookup read
  // through syscalls is only a few percent slower and most names are answered by `cache` below.
  db.pragma("mmap_size = 0");
  const byKey = db.prepare(
    `SELECT n.form, n.role, ${PLACE_COLUMNS} FROM name n JOIN place p ON p.id = n.place WHERE n.key = ? LIMIT 400`,
  );
  const byId = db.prepare(`SELECT ${PLACE_COLUMNS} FROM place p WHERE p.id = ?`);
  const countryRow = db.prepare(
    `SELECT ${PLACE_COLUMNS} FROM place p WHERE p.country = ? AND p.type = 'country'`,
  );
  const capitalRow = db.prepare(
    `SELECT ${PLACE_COLUMNS} FROM place p WHERE p.country = ? AND p.type = 'city' AND p.code = 'PPLC' ORDER BY p.population DESC LIMIT 1`,
  );
  const filterRow = db.prepare("SELECT value FROM blob WHERE key = 'key-filter'").get() as
    | { value: Buffer }
    | undefined;
  const filter = filterRow ? new KeyFilter(new Uint8Array(filterRow.value)) : undefined;
  let words: Record<string, WordKind> | undefined;
  const wordsRow = db.prepare("SELECT value FROM blob WHERE key = 'english-words'");
  // Answers per text as written: an article asks for the same few names many times, and
  // most ask for a word that is no place ("Minister", "Tuesday"); keyed before folding, a repeat
  // costs one map lookup.
  // Bounded by the candidates it holds as well as by its keys: a name common to hundreds of
  // places ("Springfield") holds hundreds of objects.
  const cache = new Map<string, Candidate[]>();
  let cachedCandidates = 0;
  return {
    lookup(text) {
      const cached = cache.get(text);
      if (cached) return cached;
      const folded = foldName(text);
      const key = looseKey(text);
      let found: Candidate[] = [];
      if (key && (!filter || filter.mayHave(key))) {
        const rows = byKey.all(key) as (GazetteerPlace & { form: string; role: NameRole })[];
        // The same place can match through several of its names: keep its best one.
        const best = new Map<number, Candidate>();
        for (const row of rows) {
          const candidate: Candidate = { ...row, exact: foldName(row.form) === folded };
          const seen = best.get(row.id);
          if (!seen || rank(candidate) > rank(seen)) best.set(row.id, candidate);
        }
        found = [...best.values()];
      }
      if (cache.size >= MAX_CACHED_NAMES || cachedCandidates + found.length > MAX_CACHED_CANDIDATES) {
        cache.clear();
        cachedCandidates = 0;
      }
      cache.set(text, found);
      cachedCandidates += found.length;
      return found;
    },
    country: (code) => countryRow.get(code) as GazetteerPlace | undefined,
    capital: (code) => capitalRow.get(code) as GazetteerPlace | undefined,
    wordKind(lower) {
      words ??= readWords(wordsRow.get() as { value: Buffer } | undefined);
      return Object.hasOwn(words, lower) ? words[lower] : undefined;
    },
    place: (id) => byId.get(id) as GazetteerPlace | undefined,
    meta: () =>
      Object.fromEntries(
        (db.prepare("SELECT key, value FROM meta").all() as { key: string; value: string }[]).map((r) => [
          r.key,
          r.value,
        ]),
      ),
    close: () => db.close(),
  };
}

function readWords(row: { value: Buffer } | undefined): Record<string, WordKind> {
  return row ? (JSON.parse(row.value.toString("utf8")) as Record<string, WordKind>) : {};
}

const ROLE_RANK: Record<NameRole, number> = { name: 4, alt: 3, abbr: 2, short: 1, demonym: 0 };

function rank(c: Candidate): number {
  return (c.exact ? 10 : 0) + ROLE_RANK[c.role];
}

let shared: Gazetteer | null | undefined;
let sharedProblem: string | null = null;

/** The installed index, opened on first use and shared by the process; null when not usable (see `gazetteerProblem`). */
export function defaultGazetteer(): Gazetteer | null {
  if (shared !== undefined) return shared;
  shared = null;
  if (!existsSync(DEFAULT_GAZETTEER_PATH)) {
    sharedProblem = "the gazetteer index is not built";
    return shared;
  }
  try {
    shared = openGazetteer(DEFAULT_GAZETTEER_PATH);
  } catch (e) {
    sharedProblem = `the gazetteer index cannot be used (${(e as Error).message})`;
  }
  return shared;
}

/** Why `defaultGazetteer()` gave null, for the message a user sees. */
export function gazetteerProblem(): string | null {
  return sharedProblem;
}

export { foldName, looseKey } from "./keys.js";
