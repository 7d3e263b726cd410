// Titles abbreviated with a full stop before a name (data/nlp/titles.json), validated with zod
// and loaded once: the sentence splitter reads them to keep "Sens. Ann Lee and Cy Tam said" whole.
import { readFileSync } from "node:fs";
import { z } from "zod";

export const TitlesFile = z.object({
  $comment: z.string().optional(),
  titles: z
    .array(z.string().regex(/^[a-z]+$/, "a title is lower case, without its full stop"))
    .superRefine((titles, ctx) => {
      const seen = new Set<string>();
      for (const title of titles) {
        if (seen.has(title)) ctx.addIssue({ code: "custom", message: `"${title}" is listed twice` });
        seen.add(title);
      }
    }),
});

/** Parses the titles file's JSON; throws with the file's name and every problem found. */
export function parseTitles(json: unknown): ReadonlySet<string> {
  const parsed = TitlesFile.safeParse(json);
  if (!parsed.success) throw new Error(`data/nlp/titles.json: ${z.prettifyError(parsed.error)}`);
  return new Set(parsed.data.titles);
}

/** Lower-cased titles without their stop: "sen", "sens", "lt", "gen". */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = parseTitles(
  JSON.parse(readFileSync(new URL("../../data/nlp/titles.json", import.meta.url), "utf8")),
);
