// What `sitrep ingest` was given, as a flat list of tasks: each file, each JSONL record, each
// linked page of a feed, each URL. Every task has a stable key (URL, absolute path, or
// `path#record-id`) by which the archive remembers it, so a rerun skips what it already holds.
import { readdirSync, statSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { ErrorCode, isSitrepError, SitrepError } from "../../core/errors.js";
import { decodeBytes, type IngestInput, readRecords, readSource } from "../../ingest/index.js";
import { looksLikeFeed, type PoliteFetcher, readFeed } from "./feed.js";

export interface IngestTask {
  key: string;
  /** Where to say a failure happened: "docs.jsonl:12", a path, a URL. */
  where: string;
  load(): Promise<IngestInput>;
}

/** An input that could not even be listed (missing file, unreachable feed). */
export interface InputFailure {
  where: string;
  code: string;
  reason: string;
}

export interface ListOptions {
  maxBytes: number;
  fetcher: PoliteFetcher;
}

const TEXT_EXTENSIONS = new Set([".txt", ".text", ".md"]);
const HTML_EXTENSIONS = new Set([".html", ".htm", ".xhtml"]);
const JSONL_EXTENSIONS = new Set([".jsonl", ".ndjson"]);
const FEED_EXTENSIONS = new Set([".rss", ".atom", ".xml"]);

function isUrl(name: string): boolean {
  return /^https?:\/\//i.test(name);
}

/** Every article file under a folder, depth first in name order; hidden files are skipped. */
function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else {
      const ext = extname(entry.name).toLowerCase();
      if ([TEXT_EXTENSIONS, HTML_EXTENSIONS, JSONL_EXTENSIONS, FEED_EXTENSIONS].some((set) => set.has(ext))) {
        out.push(path);
      }
    }
  }
  return out;
}

function recordTasks(text: string, path: string, key: string): IngestTask[] {
  return Array.from(readRecords(text, path), (record) => ({
    key: `${key}#${record.ref}`,
    where: `${path}:${record.line}`,
    load: async () => {
      if (record.error) throw record.error;
      return record.input!;
    },
  }));
}

function feedTasks(xml: string, base: string, options: ListOptions): IngestTask[] {
  return readFeed(xml, isUrl(base) ? base : undefined).flatMap((item, i): IngestTask[] => {
    const meta = { title: item.title, published: item.published };
    if (item.url && isUrl(item.url)) {
      const url = item.url;
      return [
        {
          key: url,
          where: url,
          load: async () => {
            const { bytes, contentType } = await options.fetcher.fetch(url);
            const text = decodeBytes(bytes, { maxBytes: options.maxBytes, where: url });
            const format = contentType?.includes("html") ? "html" : "auto";
            return { text, format, source: url, ...meta };
          },
        },
      ];
    }
    if (item.html) {
      const key = `${base}#item-${i + 1}`;
      return [{ key, where: key, load: async () => ({ html: item.html!, source: base, ...meta }) }];
    }
    return [];
  });
}

/** A text or HTML file, read only when its turn comes. */
function fileTask(path: string, maxBytes: number): IngestTask {
  const ext = extname(path).toLowerCase();
  const format = HTML_EXTENSIONS.has(ext) ? "html" : TEXT_EXTENSIONS.has(ext) ? "text" : "auto";
  return {
    key: path,
    where: path,
    load: async () => {
      const { bytes } = await readSource(path, { maxBytes });
      return { text: decodeBytes(bytes, { maxBytes, where: path }), format, source: path };
    },
  };
}

/** Read one named input into tasks: a file, folder, JSONL batch, feed file, feed URL or page URL. */
async function listOne(name: string, options: ListOptions): Promise<IngestTask[]> {
  if (isUrl(name)) {
    const { bytes, contentType } = await options.fetcher.fetch(name);
    const text = decodeBytes(bytes, { maxBytes: options.maxBytes, where: name });
    if (looksLikeFeed(text) || /(?:rss|atom)\+xml/.test(contentType ?? ""))
      return feedTasks(text, name, options);
    const format = contentType?.includes("html") ? "html" : "auto";
    return [{ key: name, where: name, load: async () => ({ text, format, source: name }) }];
  }
  const path = resolve(name);
  let isDirectory = false;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new SitrepError(ErrorCode.NOT_FOUND, `${name}: no such file or folder`, { where: name });
  }
  const files = isDirectory ? walk(path) : [path];
  const tasks: IngestTask[] = [];
  for (const file of files) {
    const ext = extname(file).toLowerCase();
    if (JSONL_EXTENSIONS.has(ext)) {
      // A batch may hold thousands of articles: the size limit is per record, not for the file.
      const { bytes } = await readSource(file, { maxBytes: Number.MAX_SAFE_INTEGER });
      const text = decodeBytes(bytes, { maxBytes: Number.MAX_SAFE_INTEGER, where: file });
      tasks.push(...recordTasks(text, isDirectory ? file : name, file));
    } else if (FEED_EXTENSIONS.has(ext)) {
      const { bytes } = await readSource(file, { maxBytes: options.maxBytes });
      tasks.push(
        ...feedTasks(decodeBytes(bytes, { maxBytes: options.maxBytes, where: file }), file, options),
      );
    } else tasks.push(fileTask(file, options.maxBytes));
  }
  return tasks;
}

/** All tasks of all inputs, in order; an input that cannot be read becomes one failure. */
export async function listTasks(
  names: readonly string[],
  options: ListOptions,
): Promise<{ tasks: IngestTask[]; failures: InputFailure[] }> {
  const tasks: IngestTask[] = [];
  const failures: InputFailure[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    try {
      for (const task of await listOne(name, options)) {
        // The same file named twice, or a feed listing a page twice, is one task.
        if (seen.has(task.key)) continue;
        seen.add(task.key);
        tasks.push(task);
      }
    } catch (e) {
      if (!isSitrepError(e)) throw e;
      failures.push({ where: name, code: e.code, reason: e.message });
    }
  }
  return { tasks, failures };
}
