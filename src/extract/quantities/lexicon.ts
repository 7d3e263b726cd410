// The quantity lexicons (data/quantities/*.json), validated once at module load: number words,
// units with their normal forms, hedge and bound words, and nouns that are never counted.
import { readFileSync } from "node:fs";
import { z } from "zod";

function readData(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../../data/quantities/${name}`, import.meta.url), "utf8"));
}

/** A list of distinct lower-case phrases. */
const phrases = z
  .array(z.string().min(1))
  .refine((list) => new Set(list).size === list.length, "duplicate entry")
  .refine((list) => list.every((p) => p === p.toLowerCase()), "entries must be lower case");
const valueTable = z.record(z.string().regex(/^[a-z ]+$/), z.number().positive().or(z.literal(0)));

const NumbersFile = z.object({
  ones: valueTable,
  tens: valueTable,
  scales: valueTable,
  scaleAbbreviations: valueTable,
  groups: valueTable,
  vaguePlurals: valueTable,
  fractions: valueTable,
});

const UnitsFile = z.object({
  units: z.array(z.object({ unit: z.string(), kind: z.string(), forms: phrases })),
  currencies: z.array(
    z.object({ unit: z.string().regex(/^[A-Z]{3}$/), symbols: z.array(z.string()), forms: phrases }),
  ),
  ambiguous: z.record(
    z.string(),
    z.union([z.string(), z.object({ currency: z.string(), measure: z.string() })]),
  ),
});

const HedgesFile = z.object({
  hedgeWindow: z.number().int().min(0).max(20),
  approximate: phrases,
  approximateNearby: phrases,
  lowerBound: phrases,
  upperBound: phrases,
  approximateAfter: phrases,
});

const CountedFile = z.object({ notCounted: phrases, skipBeforeNoun: phrases, clockAfter: phrases });

export type NumbersLexicon = z.infer<typeof NumbersFile>;

export const numbers: NumbersLexicon = NumbersFile.parse(readData("numbers.json"));
const unitsFile = UnitsFile.parse(readData("units.json"));
export const hedges = HedgesFile.parse(readData("hedges.json"));
export const counted = CountedFile.parse(readData("counted.json"));

/** What a unit word or symbol normalises to. */
export interface UnitEntry {
  unit: string;
  kind: string;
  /** Number of words in the written form ("square kilometers" = 2). */
  words: string[];
}

/** Unit forms written after a figure, keyed by their first word; longest forms first. */
export const unitsAfter = new Map<string, UnitEntry[]>();
/** Currency symbols written before a figure ("$", "US$", "€"). */
export const currencySymbols = new Map<string, string>();
/** Words that are a currency unless "of" follows ("500 pounds of explosives"). */
export const ambiguousUnits = new Map<string, { currency: string; measure: string }>();

function addUnitForm(form: string, unit: string, kind: string): void {
  const words = form.split(" ");
  const list = unitsAfter.get(words[0]!) ?? [];
  if (list.some((e) => e.words.join(" ") === form)) throw new Error(`units.json: duplicate form "${form}"`);
  list.push({ unit, kind, words });
  list.sort((a, b) => b.words.length - a.words.length);
  unitsAfter.set(words[0]!, list);
}
for (const u of unitsFile.units) for (const form of u.forms) addUnitForm(form, u.unit, u.kind);
for (const c of unitsFile.currencies) {
  for (const form of c.forms) addUnitForm(form, c.unit, "currency");
  for (const symbol of c.symbols) {
    if (currencySymbols.has(symbol)) throw new Error(`units.json: duplicate currency symbol "${symbol}"`);
    currencySymbols.set(symbol, c.unit);
  }
}
for (const [word, entry] of Object.entries(unitsFile.ambiguous)) {
  if (typeof entry !== "string") ambiguousUnits.set(word, entry);
}
