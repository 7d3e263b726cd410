import type { Message, Section } from "./schema.js";

/** What ingest produces: one frozen, normalised text and its sections. Nothing later edits it. */
export interface Doc {
  readonly text: string;
  readonly sections: readonly Section[];
  readonly meta: DocMeta;
  /** Problems found while ingesting (e.g. a caption date, a guessed layout). */
  readonly messages: readonly Message[];
}

export interface DocMeta {
  /** The caller's id for a batch record. */
  ref: string | null;
  /** Path or URL the document came from. */
  source: string | null;
  title: string | null;
  /** ISO 8601 date (YYYY-MM-DD) or date-time. */
  published: string | null;
  /** BCP 47 language tag. */
  language: string;
}
