// JSONL batches: one record `{id, text | html, url?, title?, published?}` a line. A bad line
// becomes a located error for that record only; the batch goes on.
import { ErrorCode, SitrepError } from "../core/errors.js";
import type { IngestInput } from "./index.js";

export interface JsonlRecord {
  /** 1-based line number in the batch. */
  line: number;
  /** The record's id (or "line N" when it has none). */
  ref: string;
  input?: IngestInput;
  error?: SitrepError;
}

/** Parse a JSONL batch into records, in input order; blank lines are skipped. */
export function* readRecords(text: string, where = "batch"): Generator<JsonlRecord> {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === "") continue;
    const lineNo = i + 1;
    const at = `${where}:${lineNo}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      // Keep the caller's id when it can still be read, so the error lines up with its record.
      const id = /"id"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(line)?.[1];
      yield {
        line: lineNo,
        ref: id ?? `line ${lineNo}`,
        error: new SitrepError(ErrorCode.BAD_RECORD, `not valid JSON (${(e as Error).message})`, {
          where: at,
        }),
      };
      continue;
    }
    if (!value || typeof value !== "object" || Array.isArray(value)) {
      yield {
        line: lineNo,
        ref: `line ${lineNo}`,
        error: new SitrepError(ErrorCode.BAD_RECORD, "a record must be a JSON object", { where: at }),
      };
      continue;
    }
    const r = value as Record<string, unknown>;
    const ref = r.id === undefined || r.id === null ? `line ${lineNo}` : String(r.id);
    const str = (k: string) => (typeof r[k] === "string" ? (r[k] as string) : undefined);
    const text = str("text");
    const html = str("html");
    if (text === undefined && html === undefined) {
      yield {
        line: lineNo,
        ref,
        error: new SitrepError(ErrorCode.BAD_RECORD, `record "${ref}" has no "text" or "html" string`, {
          where: at,
        }),
      };
      continue;
    }
    yield {
      line: lineNo,
      ref,
      input: {
        text: html === undefined ? text : undefined,
        html,
        ref,
        source: str("url") ?? null,
        title: str("title") ?? null,
        published: str("published") ?? null,
      },
    };
  }
}
