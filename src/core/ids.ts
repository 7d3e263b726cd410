import { createHash } from "node:crypto";

/** Stable id of an article: the first 16 hex digits of the SHA-256 of its normalised text. */
export function articleId(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex").slice(0, 16);
}

/** Numbered ids for one layer's items, in order: q1, q2 … */
export function numberIds<T extends object>(prefix: string, items: T[]): (T & { id: string })[] {
  return items.map((item, i) => ({ ...item, id: `${prefix}${i + 1}` }));
}
