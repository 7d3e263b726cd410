// Problems are located data (STYLE.md §7): every input error has a stable code, a one-line
// reason and, where it has one, a place. The CLI maps codes to exit statuses; a batch turns
// them into messages on the document and goes on.
import type { Message } from "./schema.js";

export const ErrorCode = {
  /** The file named does not exist. */
  NOT_FOUND: "E_NOT_FOUND",
  /** A directory was given where a file was expected. */
  IS_DIRECTORY: "E_IS_DIRECTORY",
  /** The file could not be read (permissions, I/O). */
  UNREADABLE: "E_UNREADABLE",
  /** Nothing but whitespace. */
  EMPTY: "E_EMPTY",
  /** Bytes that are not text (NUL bytes, control characters). */
  BINARY: "E_BINARY",
  /** Bytes that are not valid UTF-8. */
  INVALID_UTF8: "E_INVALID_UTF8",
  /** Input larger than the size limit. */
  TOO_LARGE: "E_TOO_LARGE",
  /** An HTML page in which no main content was found. */
  NO_CONTENT: "E_NO_CONTENT",
  /** A JSONL line that is not a JSON object of the expected shape. */
  BAD_RECORD: "E_BAD_RECORD",
  /** A URL that could not be fetched (offline, timeout, HTTP error). */
  FETCH_FAILED: "E_FETCH_FAILED",
  /** A command-line option with a bad value. */
  BAD_OPTION: "E_BAD_OPTION",
  /** The text is not in a language sitrep extracts from (a warning: the document is still produced). */
  NOT_ENGLISH: "W_NOT_ENGLISH",
  /** Relative times could not be anchored because no publication date is known. */
  NO_PUBLISHED: "W_NO_PUBLISHED",
  /** A stage failed on this document; the others still ran. */
  STAGE_FAILED: "E_STAGE_FAILED",
  /** A document took longer than the worker pool's time limit; its worker was replaced. */
  TIMEOUT: "E_TIMEOUT",
  /** The worker extracting a document crashed or ran out of memory; the batch goes on. */
  WORKER_CRASHED: "E_WORKER_CRASHED",
  /** An unexpected failure inside a worker, reported instead of lost. */
  INTERNAL: "E_INTERNAL",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Exit status of the CLI for each error code (sysexits-style, stable). */
export const EXIT_STATUS: Record<string, number> = {
  [ErrorCode.BAD_OPTION]: 64,
  [ErrorCode.NOT_FOUND]: 66,
  [ErrorCode.IS_DIRECTORY]: 66,
  [ErrorCode.UNREADABLE]: 66,
  [ErrorCode.EMPTY]: 65,
  [ErrorCode.BINARY]: 65,
  [ErrorCode.INVALID_UTF8]: 65,
  [ErrorCode.TOO_LARGE]: 65,
  [ErrorCode.NO_CONTENT]: 65,
  [ErrorCode.BAD_RECORD]: 65,
  [ErrorCode.FETCH_FAILED]: 69,
  [ErrorCode.STAGE_FAILED]: 70,
  [ErrorCode.TIMEOUT]: 70,
  [ErrorCode.WORKER_CRASHED]: 70,
  [ErrorCode.INTERNAL]: 70,
};

/** An input problem that stops one document. Carries a stable code and, where known, a place. */
export class SitrepError extends Error {
  readonly code: ErrorCode;
  readonly where?: string;
  readonly start?: number;
  readonly end?: number;

  constructor(
    code: ErrorCode,
    reason: string,
    options: { where?: string; start?: number; end?: number } = {},
  ) {
    super(reason);
    this.name = "SitrepError";
    this.code = code;
    this.where = options.where;
    this.start = options.start;
    this.end = options.end;
  }

  toMessage(): Message {
    const message: Message = { code: this.code, severity: "error", reason: this.message };
    if (this.start !== undefined) message.start = this.start;
    if (this.end !== undefined) message.end = this.end;
    return message;
  }
}

export function isSitrepError(error: unknown): error is SitrepError {
  return error instanceof SitrepError;
}
