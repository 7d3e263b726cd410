// Ingest: any input a user has (plain text, an HTML page, a JSONL record, a file, stdin, a URL)
// to one Doc with a frozen normalised text and its sections. Every failure is a SitrepError
// with a stable code; nothing below here prints or exits.
import type { Doc } from "../core/doc.js";
import { ErrorCode, SitrepError } from "../core/errors.js";
import type { Message } from "../core/schema.js";
import { checkText } from "./decode.js";
import { looksLikeHtml, normaliseDate, readHtml } from "./html.js";
import { detectLanguage } from "./language.js";
import { layoutBlocks, layoutText } from "./layout.js";

export { DEFAULT_MAX_BYTES, decodeBytes } from "./decode.js";
export { type JsonlRecord, readRecords } from "./jsonl.js";
export { readSource, type SourceInput } from "./source.js";

export interface IngestInput {
  /** Plain text of the article (or HTML when `format` is "html" or the text looks like a page). */
  text?: string;
  html?: string;
  format?: "text" | "html" | "auto";
  source?: string | null;
  ref?: string | null;
  title?: string | null;
  /** Publication date (YYYY-MM-DD or ISO date-time); overrides what the page says. */
  published?: string | null;
}

/** Turn one input into a Doc. Throws SitrepError for input that is not an article. */
export function ingest(input: IngestInput): Doc {
  const where = input.ref ?? input.source ?? undefined;
  const messages: Message[] = [];
  let raw = input.html ?? input.text;
  if (raw === undefined)
    throw new SitrepError(ErrorCode.BAD_RECORD, "record has neither text nor html", { where });
  raw = checkText(raw, where);
  const isHtml =
    input.html !== undefined || input.format === "html" || (input.format !== "text" && looksLikeHtml(raw));

  let layout: { text: string; sections: Doc["sections"] };
  let title = input.title ?? null;
  let published = input.published ? normaliseDate(input.published) : null;
  if (input.published && !published) {
    throw new SitrepError(
      ErrorCode.BAD_OPTION,
      `publication date "${input.published}" is not a date (use YYYY-MM-DD)`,
      {
        where,
      },
    );
  }
  let pageLanguage: string | null = null;
  if (isHtml) {
    const page = readHtml(raw, where);
    layout = layoutBlocks(page.blocks);
    title ??= page.title;
    published ??= page.published;
    pageLanguage = page.language;
  } else {
    layout = layoutText(raw);
    const headline = layout.sections.find((s) => s.kind === "headline");
    title ??= headline ? layout.text.slice(headline.start, headline.end) : null;
  }
  if (layout.text.trim() === "") throw new SitrepError(ErrorCode.EMPTY, "input has no text", { where });
  published ??= datelineDate(layout);

  const bodyText = layout.sections
    .filter((s) => s.kind === "body" || s.kind === "headline")
    .map((s) => layout.text.slice(s.start, s.end))
    .join("\n");
  const guess = detectLanguage(bodyText || layout.text);
  let language = guess.language;
  if (language === "und" && pageLanguage) language = pageLanguage.split(/[-_]/)[0]!.toLowerCase();
  if (language !== "en") {
    messages.push({
      code: ErrorCode.NOT_ENGLISH,
      severity: "warning",
      reason: `text is not in English (detected "${language}"); English extractors were not run`,
    });
  }
  return {
    text: layout.text,
    sections: layout.sections,
    meta: { ref: input.ref ?? null, source: input.source ?? null, title, published, language },
    messages,
  };
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** "WASHINGTON, Feb. 5, 2018 (AP) —": the date a dateline carries, when it names the year. */
function datelineDate(layout: { text: string; sections: Doc["sections"] }): string | null {
  const dateline = layout.sections.find((s) => s.kind === "dateline");
  if (!dateline) return null;
  const m = /\b([A-Z][a-z]{2})[a-z]*\.? (\d{1,2}),? (\d{4})\b/.exec(
    layout.text.slice(dateline.start, dateline.end),
  );
  const month = m ? MONTHS.indexOf(m[1]!.toLowerCase()) : -1;
  if (!m || month < 0) return null;
  return `${m[3]}-${String(month + 1).padStart(2, "0")}-${m[2]!.padStart(2, "0")}`;
}
