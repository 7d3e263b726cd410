// Abbreviations the sentence splitter reads (data/nlp/abbreviations.json), validated with zod
// and loaded once: titles keep "Sens. Ann Lee and Cy Tam said" whole, and lower-case
// abbreviations that run on keep "Trump vs. Clinton" whole.
import { readFileSync } from "node:fs";
import { z } from "zod";

const wordList = z
  .array(z.string().regex(/^[a-z]+$/, "an abbreviation is lower case, without its full stop"))
  .superRefine((words, ctx) => {
    const seen = new Set<string>();
    for (const word of words) {
      if (seen.has(word)) ctx.addIssue({ code: "custom", message: `"${word}" is listed twice` });
      seen.add(word);
    }
  });

export const AbbreviationsFile = z.object({
  $comment: z.string().optional(),
  titles: wordList,
  runOn: wordList,
});

export interface Abbreviations {
  /** Titles before a name: "sen", "sens", "lt", "gen". */
  titles: ReadonlySet<string>;
  /** Lower-case abbreviations that run on into a capitalised word: "vs", "cf". */
  runOn: ReadonlySet<string>;
}

/** Parses the abbreviations file's JSON; throws with the file's name and every problem found. */
export function parseAbbreviations(json: unknown): Abbreviations {
  const parsed = AbbreviationsFile.safeParse(json);
  if (!parsed.success) throw new Error(`data/nlp/abbreviations.json: ${z.prettifyError(parsed.error)}`);
  return { titles: new Set(parsed.data.titles), runOn: new Set(parsed.data.runOn) };
}

export const ABBREVIATIONS: Abbreviations = parseAbbreviations(
  JSON.parse(readFileSync(new URL("../../data/nlp/abbreviations.json", import.meta.url), "utf8")),
);
