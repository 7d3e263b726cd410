// The time-expression lexicon (data/times/expressions.json), validated once at module load.
import { readFileSync } from "node:fs";
import { z } from "zod";

const word = z.string().regex(/^[a-z0-9' -]+$/, "lower-case words");
const phrases = z.array(word).refine((list) => new Set(list).size === list.length, "duplicate entry");
const Mod = z.enum([
  "BEFORE",
  "AFTER",
  "ON_OR_BEFORE",
  "ON_OR_AFTER",
  "LESS_THAN",
  "MORE_THAN",
  "EQUAL_OR_LESS",
  "EQUAL_OR_MORE",
  "START",
  "MID",
  "END",
  "APPROX",
]);
export type Mod = z.infer<typeof Mod>;

const ExpressionsFile = z.object({
  units: z.record(word, z.string().regex(/^(?:\d*[YMWDQ]|T[HMS]|WE)$/)),
  unitPlurals: z.record(word, word),
  vagueCounts: phrases,
  pointModifiers: z.record(word, Mod),
  durationModifiers: z.record(word, Mod),
  agoModifiers: z.record(word, Mod),
  suffixModifiers: z.record(word, Mod),
  vagueReferences: z.record(word, z.enum(["PAST_REF", "PRESENT_REF", "FUTURE_REF"])),
  vagueReferenceNeedsNoun: phrases,
  relativeWords: z.record(word, z.number().int().min(-1).max(1)),
  namedDays: z.record(word, z.number().int()),
  quarterOrdinals: z.record(word, z.number().int().min(1).max(4)),
  latestQuarterWords: phrases,
  sets: z.record(word, z.string()),
  setQuantifiers: phrases,
  futureCues: phrases,
});

export const expressions = ExpressionsFile.parse(
  JSON.parse(readFileSync(new URL("../../../data/times/expressions.json", import.meta.url), "utf8")),
);
