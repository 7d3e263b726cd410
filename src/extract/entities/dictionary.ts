// The actor dictionary: every country (ISO 3166 alpha-3, names, demonyms, capitals) from the
// world-countries package, plus the hand-kept files in data/actors/ (short forms the package
// lacks, named organisations with aliases, role words and their CAMEO sectors). Loaded and
// validated once at module load; lookups are Map gets on normalised keys.
import type { Country } from "world-countries";
import countryList from "world-countries/countries.json" with { type: "json" };
import { z } from "zod";
import countryData from "../../../data/actors/countries.json" with { type: "json" };
import givenNameData from "../../../data/actors/given-names.json" with { type: "json" };
import orgData from "../../../data/actors/organizations.json" with { type: "json" };
import roleData from "../../../data/actors/roles.json" with { type: "json" };

const countries = countryList as unknown as Country[];

export type ActorKind = "country" | "demonym" | "capital" | "org";

export interface ActorEntry {
  kind: ActorKind;
  /** Canonical name: "Iraq", "Islamic State". */
  name: string;
  type: "PERSON" | "ORG" | "GPE" | "LOC" | "FAC" | "NORP";
  code: string;
  country?: string;
  sector?: string;
  wikidata?: string;
  /** Where the entry's facts come from. */
  source: string;
  /** Acronyms ("IS", "AP") match only when written in capitals. */
  exactCase: boolean;
  /** Written in lower case in the data ("peshmerga"): matches whatever the case. */
  anyCase?: boolean;
}

export interface Role {
  sector: string;
  /** A collective noun that can act on its own ("rebels", "the government"), not a title. */
  group: boolean;
  /** Written with a period ("Col.", "Gen."). */
  abbreviation: boolean;
}

const CountryExtras = z.object({
  about: z.string(),
  countries: z.record(
    z.string().regex(/^[A-Z]{3}$/),
    z.object({
      names: z.array(z.string().min(1)),
      demonyms: z.array(z.string().min(1)),
      capitals: z.array(z.string().min(1)),
    }),
  ),
});

const Organizations = z.object({
  about: z.string(),
  organizations: z.array(
    z.object({
      name: z.string().min(1),
      aliases: z.array(z.string().min(1)),
      type: z.enum(["ORG", "GPE", "NORP", "FAC", "LOC", "PERSON"]),
      code: z.string().regex(/^[A-Z]{3,12}$/),
      country: z
        .string()
        .regex(/^[A-Z]{3}$/)
        .optional(),
      sector: z.string().regex(/^[A-Z]{3}$/),
      wikidata: z
        .string()
        .regex(/^Q\d+$/)
        .optional(),
      source: z.string().min(1),
    }),
  ),
});

const GivenNames = z.object({
  about: z.string(),
  source: z.string(),
  names: z.array(z.string().regex(/^[a-z][a-z'-]+$/)),
});

const Roles = z.object({
  about: z.string(),
  speechVerbs: z.array(z.string().regex(/^[a-z]+$/)),
  honorifics: z.array(z.string().regex(/^[a-z]+$/)),
  nationalSectors: z.array(z.string().regex(/^[A-Z]{3}$/)),
  roles: z.array(
    z.object({
      word: z.string().min(1),
      sector: z.string().regex(/^[A-Z]{3}$/),
      group: z.boolean().optional(),
    }),
  ),
});

/** The key a name is looked up by: lower case, periods dropped, spaces single ("U.S." and "US" -> "us"). */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[\u2019]/g, "'")
    .replace(/\./g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** A dictionary alias's key: a leading "the" is not part of the name ("the Associated Press"). */
function aliasKey(alias: string): string {
  return nameKey(alias).replace(/^the /, "");
}

function isAcronym(alias: string): boolean {
  const letters = alias.replace(/[^A-Za-z]/g, "");
  return letters.length > 0 && letters.length <= 5 && letters === letters.toUpperCase();
}

export interface ActorDictionary {
  names: ReadonlyMap<string, ActorEntry>;
  roles: ReadonlyMap<string, Role>;
  /** First words of names written in lower case, where a match may start on a lower-case token. */
  lowerCaseStarts: ReadonlySet<string>;
  /** Every leading part of a name or role key, so a match stops as soon as nothing can follow. */
  namePrefixes: ReadonlySet<string>;
  rolePrefixes: ReadonlySet<string>;
  /** Lower-case given names ("ryan", "elizabeth"): a capitalised run starting with one is a person. */
  givenNames: ReadonlySet<string>;
  /** Lemmas of speech verbs: a capitalised run beside one is a speaker ("said Hisham al-Hashimi"). */
  speechVerbs: ReadonlySet<string>;
  /** "Mr.", "Dr.": a person follows, of no particular sector. */
  honorifics: ReadonlySet<string>;
  /** Sectors whose actors belong to one state: GOV, MIL, COP ... */
  nationalSectors: ReadonlySet<string>;
  /** ISO 3166 alpha-2 by alpha-3 code, to compare with the places layer. */
  alpha2: ReadonlyMap<string, string>;
  /** Country entries by alpha-3 code. */
  countries: ReadonlyMap<string, ActorEntry>;
}

/** Build the dictionary from validated data; throws on a malformed file or a duplicate. */
export function buildDictionary(
  extrasInput: unknown,
  orgInput: unknown,
  roleInput: unknown,
  givenNameInput: unknown = { about: "", source: "", names: [] },
): ActorDictionary {
  const given = GivenNames.parse(givenNameInput);
  const givenNames = new Set(given.names);
  if (givenNames.size !== given.names.length) throw new Error("given-names.json: a name is listed twice");
  const extras = CountryExtras.parse(extrasInput);
  const orgs = Organizations.parse(orgInput);
  const roleFile = Roles.parse(roleInput);
  const names = new Map<string, ActorEntry>();
  const lowerCaseStarts = new Set<string>();
  const byCode = new Map<string, ActorEntry>();

  // Hand-kept files must not contradict themselves: one alias, one actor.
  const strict = (alias: string, entry: ActorEntry, file: string) => {
    const key = aliasKey(alias);
    const had = names.get(key);
    if (had && (had.code !== entry.code || had.kind !== entry.kind))
      throw new Error(`${file}: "${alias}" is both ${had.name} and ${entry.name}`);
    names.set(key, { ...entry, exactCase: isAcronym(alias) });
  };
  // The package fills what the hand-kept files leave: it never overrides them.
  const lenient = (alias: string, entry: ActorEntry) => {
    const key = aliasKey(alias);
    if (key.length < 3 || names.has(key)) return;
    names.set(key, { ...entry, exactCase: isAcronym(alias) });
  };

  // Sovereign states first, so "American" is the United States and not an outlying territory.
  const ordered = [...countries].sort((a, b) => Number(b.unMember) - Number(a.unMember));
  const countryEntry = (c: (typeof countries)[number], kind: ActorKind): ActorEntry => ({
    kind,
    name: c.name.common,
    type: kind === "demonym" ? "NORP" : "GPE",
    code: c.cca3,
    country: c.cca3,
    ...(kind === "capital" ? { sector: "GOV" } : {}),
    source: "world-countries (ISO 3166)",
    exactCase: false,
  });
  const packageByCode = new Map(ordered.map((c) => [c.cca3, c]));
  for (const [code, extra] of Object.entries(extras.countries)) {
    const c = packageByCode.get(code);
    if (!c) throw new Error(`countries.json: ${code} is not an ISO 3166 alpha-3 code`);
    const src = "data/actors/countries.json";
    for (const n of extra.names) strict(n, { ...countryEntry(c, "country"), source: src }, "countries.json");
    for (const n of extra.demonyms)
      strict(n, { ...countryEntry(c, "demonym"), source: src }, "countries.json");
    for (const n of extra.capitals)
      strict(n, { ...countryEntry(c, "capital"), source: src }, "countries.json");
  }
  for (const c of ordered) {
    byCode.set(c.cca3, countryEntry(c, "country"));
    lenient(c.name.common, countryEntry(c, "country"));
    lenient(c.name.official, countryEntry(c, "country"));
    for (const alt of c.altSpellings) if (alt.length > 3) lenient(alt, countryEntry(c, "country"));
  }
  for (const c of ordered) {
    const d = c.demonyms?.eng;
    if (d) for (const n of new Set([d.m, d.f])) lenient(n, countryEntry(c, "demonym"));
  }
  for (const c of ordered) for (const cap of c.capital) lenient(cap, countryEntry(c, "capital"));

  for (const o of orgs.organizations) {
    const entry: ActorEntry = {
      kind: "org",
      name: o.name,
      type: o.type,
      code: o.code,
      ...(o.country ? { country: o.country } : {}),
      sector: o.sector,
      ...(o.wikidata ? { wikidata: o.wikidata } : {}),
      source: o.wikidata ? `wikidata ${o.wikidata}` : o.source,
      exactCase: false,
    };
    const own = new Set<string>();
    for (const alias of [o.name, ...o.aliases]) {
      const key = aliasKey(alias);
      if (own.has(key)) continue;
      own.add(key);
      const had = names.get(key);
      if (had?.kind === "org" && had.name !== o.name)
        throw new Error(`organizations.json: "${alias}" names both ${had.name} and ${o.name}`);
      // An organisation alias beats a country spelling only where the country has no better
      // claim: "IS" is the Islamic State, but "Congo" stays a country.
      if (had && had.kind !== "org") continue;
      const anyCase = alias === alias.toLowerCase();
      names.set(key, { ...entry, exactCase: isAcronym(alias), ...(anyCase ? { anyCase } : {}) });
      if (anyCase) lowerCaseStarts.add(key.split(" ")[0]!);
    }
  }

  const roles = new Map<string, Role>();
  for (const r of roleFile.roles) {
    const key = nameKey(r.word);
    if (roles.has(key)) throw new Error(`roles.json: "${r.word}" is listed twice`);
    roles.set(key, { sector: r.sector, group: r.group ?? false, abbreviation: r.word.endsWith(".") });
  }
  const prefixesOf = (keys: Iterable<string>) => {
    const out = new Set<string>();
    for (const k of keys) for (let i = 1; i <= k.length; i++) out.add(k.slice(0, i));
    return out;
  };
  return {
    names,
    roles,
    countries: byCode,
    alpha2: new Map(countries.map((c) => [c.cca3, c.cca2])),
    lowerCaseStarts,
    givenNames,
    speechVerbs: new Set(roleFile.speechVerbs),
    honorifics: new Set(roleFile.honorifics),
    nationalSectors: new Set(roleFile.nationalSectors),
    namePrefixes: prefixesOf(names.keys()),
    rolePrefixes: prefixesOf(roles.keys()),
  };
}

export const dictionary: ActorDictionary = buildDictionary(countryData, orgData, roleData, givenNameData);
