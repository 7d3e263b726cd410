// Bytes to text, refusing what is not text: binary data, invalid UTF-8, oversize input and
// empty input each get their own stable error code with the place of the first bad byte.
import { ErrorCode, SitrepError } from "../core/errors.js";

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export interface DecodeOptions {
  /** Largest input accepted, in bytes (default 10 MB). */
  maxBytes?: number;
  /** Where the bytes came from, for messages. */
  where?: string;
}

/** Decode UTF-8 bytes (a BOM is dropped; UTF-16 with a BOM is accepted) into a string. */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): string {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const where = options.where;
  if (bytes.length > max) {
    throw new SitrepError(
      ErrorCode.TOO_LARGE,
      `input is ${formatBytes(bytes.length)}, over the ${formatBytes(max)} limit (raise it with --max-size)`,
      { where },
    );
  }
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff)
    text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
  else {
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      throw new SitrepError(ErrorCode.BINARY, `input is binary data, not text (NUL byte at byte ${nul})`, {
        where,
      });
    }
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      const at = firstInvalidUtf8(bytes);
      throw new SitrepError(
        ErrorCode.INVALID_UTF8,
        `input is not valid UTF-8 (bad byte 0x${bytes[at]?.toString(16).padStart(2, "0")} at byte ${at})`,
        { where },
      );
    }
  }
  return checkText(text, where);
}

/** Reject strings that are empty or mostly control characters. */
export function checkText(text: string, where?: string): string {
  if (text.trim() === "")
    throw new SitrepError(ErrorCode.EMPTY, "input is empty or whitespace only", { where });
  let control = 0;
  const sample = Math.min(text.length, 65536);
  for (let i = 0; i < sample; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  if (control > 0 && control / sample > 0.05) {
    throw new SitrepError(ErrorCode.BINARY, `input looks like binary data (${control} control characters)`, {
      where,
    });
  }
  return text;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return 0;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
