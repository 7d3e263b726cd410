// Near-duplicate detection for wire copies: the same agency story republished by many outlets,
// each with its own headline, boilerplate and trims. MinHash over word shingles of the body
// estimates the Jaccard similarity of two bodies; locality-sensitive banding turns "which earlier
// article is this a copy of?" into a few indexed lookups instead of a scan of the archive.
import type { SitrepDocument } from "../core/schema.js";

/** Words per shingle: five words ("the convoy was hit near") rarely repeat across unrelated stories. */
const SHINGLE_WORDS = 5;
export const SIGNATURE_SIZE = 128;
const ROWS_PER_BAND = 4;
export const BANDS = SIGNATURE_SIZE / ROWS_PER_BAND;
/** Estimated Jaccard similarity above which two bodies are copies of one story. */
export const COPY_THRESHOLD = 0.5;

const WORD = /[\p{L}\p{N}]+/gu;

// The hash functions h_k(x) = a_k·x + b_k (mod 2^32), a_k odd, over a well-mixed shingle hash x:
// one multiply and one add per function, fixed so signatures stay comparable across runs.
const MULTIPLIERS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, k) => fmix32(2 * k + 1) | 1);
const ADDENDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, k) => fmix32(0x9e3779b9 ^ (k + 1)));

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The text a copy shares with its original: the body sections (headlines and boilerplate differ by outlet). */
export function bodyText(doc: SitrepDocument): string {
  const { text, sections } = doc.article;
  const body = sections.filter((s) => s.kind === "body");
  return body.length > 0 ? body.map((s) => text.slice(s.start, s.end)).join("\n") : text;
}

/** MinHash signature of a text's word shingles; null when the text has no words. */
export function signature(text: string): Uint32Array | null {
  const words = text.toLowerCase().match(WORD);
  if (!words) return null;
  // Each word is hashed once; a shingle's hash combines its five word hashes in order.
  const wordHashes = words.map(fnv1a);
  const shingles = new Set<number>();
  const shingleHash = (from: number, to: number) => {
    let h = 0;
    for (let i = from; i < to; i++) h = Math.imul(h ^ wordHashes[i]!, 0x9e3779b1) + i - from;
    return fmix32(h >>> 0);
  };
  if (words.length <= SHINGLE_WORDS) shingles.add(shingleHash(0, words.length));
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) shingles.add(shingleHash(i, i + SHINGLE_WORDS));
  const mins = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const h = (Math.imul(MULTIPLIERS[k]!, shingle) + ADDENDS[k]!) >>> 0;
      if (h < mins[k]!) mins[k] = h;
    }
  }
  return mins;
}

/** Estimated Jaccard similarity of two signatures: the share of equal minima. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k++) if (a[k] === b[k]) same++;
  return same / SIGNATURE_SIZE;
}

/** One hash per band of rows: two signatures that agree on any whole band become candidates. */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = b;
    for (let r = 0; r < ROWS_PER_BAND; r++) h = fmix32(h ^ sig[b * ROWS_PER_BAND + r]!);
    // Stored as a signed 32-bit integer, which every SQL engine holds natively.
    keys.push(h | 0);
  }
  return keys;
}

export function toBytes(sig: Uint32Array): Buffer {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
}

export function fromBytes(bytes: Uint8Array): Uint32Array {
  const copy = new Uint8Array(bytes);
  return new Uint32Array(copy.buffer, 0, SIGNATURE_SIZE);
}
