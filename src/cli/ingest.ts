// `sitrep ingest`: many articles into the archive. Inputs are listed first (files, folders,
// JSONL batches, feeds), those the archive already holds are skipped, the rest are extracted on
// every core by the worker pool and stored in batches, one transaction each. Killing it loses at
// most the batch in flight; running it again finishes the job and stores nothing twice.
import { availableParallelism } from "node:os";
import { type Command, Option } from "commander";
import { ErrorCode, SitrepError } from "../core/errors.js";
import type { SitrepDocument } from "../core/schema.js";
import { DEFAULT_MAX_BYTES } from "../ingest/index.js";
import { ExtractPool, TaskError } from "../parallel/pool.js";
import { DEFAULT_DB, openArchive } from "../store/sqlite.js";
import type { CliIo } from "./index.js";
import { PoliteFetcher } from "./ingest/feed.js";
import { type IngestTask, type InputFailure, listTasks } from "./ingest/inputs.js";
import { Progress, type ProgressMode } from "./ingest/progress.js";
import { BatchWriter } from "./ingest/writer.js";

export interface IngestFlags {
  db: string;
  workers?: string;
  batch: string;
  published?: string;
  maxSize: string;
  timeout: string;
  perHost: string;
  hostDelay: string;
  progress: "auto" | "bar" | "lines" | "none";
}

export interface IngestSummary {
  inputs: number;
  stored: number;
  copies: number;
  duplicates: number;
  failed: InputFailure[];
  seconds: number;
}

function wholeNumber(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new SitrepError(ErrorCode.BAD_OPTION, `${flag} "${value}" is not a whole number`);
  }
  return n;
}

/** Ingest `names` into the archive at `flags.db`; prints progress on stderr and a summary on stdout. */
export async function runIngest(
  names: string[],
  flags: IngestFlags,
  io: CliIo,
  parseSize: (value: string) => number,
): Promise<IngestSummary> {
  const maxBytes = parseSize(flags.maxSize);
  const batchSize = Math.max(1, wholeNumber(flags.batch, "--batch"));
  const workers = flags.workers
    ? Math.max(1, wholeNumber(flags.workers, "--workers"))
    : availableParallelism();
  if (flags.published && !/^\d{4}-\d{2}-\d{2}$/.test(flags.published)) {
    throw new SitrepError(
      ErrorCode.BAD_OPTION,
      `--published "${flags.published}" is not a date (use YYYY-MM-DD)`,
    );
  }
  const fetcher = new PoliteFetcher({
    perHost: Math.max(1, wholeNumber(flags.perHost, "--per-host")),
    delayMs: wholeNumber(flags.hostDelay, "--host-delay"),
    timeoutMs: wholeNumber(flags.timeout, "--timeout") * 1000,
    maxBytes,
  });

  const started = Date.now();
  const { tasks, failures } = await listTasks(names, { maxBytes, fetcher });
  const store = openArchive(flags.db);
  const summary: IngestSummary = {
    inputs: tasks.length + failures.length,
    stored: 0,
    copies: 0,
    duplicates: 0,
    failed: failures,
    seconds: 0,
  };
  const known = new Set<string>();
  for (let i = 0; i < tasks.length; i += 500) {
    for (const key of await store.knownSources(tasks.slice(i, i + 500).map((t) => t.key))) known.add(key);
  }
  const todo = tasks.filter((t) => !known.has(t.key));
  summary.duplicates += tasks.length - todo.length;

  const wanted =
    flags.progress === "auto" ? (process.stderr.isTTY ? "bar" : "lines") : (flags.progress as ProgressMode);
  const mode = todo.length === 0 ? "none" : wanted;
  const progress = new Progress({ write: io.stderr }, todo.length, mode);
  // No workers to start when a rerun finds everything already stored.
  const pool = todo.length > 0 ? new ExtractPool({ size: Math.min(workers, todo.length) }) : null;
  const writer = new BatchWriter(store, batchSize);

  const runTask = async (task: IngestTask): Promise<void> => {
    let doc: SitrepDocument;
    try {
      const input = await task.load();
      const size = Buffer.byteLength(input.html ?? input.text ?? "", "utf8");
      if (size > maxBytes)
        throw new SitrepError(ErrorCode.TOO_LARGE, `over the --max-size limit (${size} bytes)`);
      doc = await pool!.extract(input, { published: flags.published ?? input.published ?? null });
    } catch (e) {
      if (!(e instanceof SitrepError || e instanceof TaskError)) throw e;
      summary.failed.push({ where: task.where, code: e.code, reason: e.message });
      return;
    } finally {
      progress.tick();
    }
    await writer.add({ doc, sourceKey: task.key }, task.where);
  };

  try {
    // Enough tasks in flight to keep every worker busy while pages load, and to let the pool send
    // them several to a worker at once; few enough to bound memory.
    const window = pool?.capacity ?? 1;
    let next = 0;
    const lanes = Array.from({ length: Math.min(window, todo.length) }, async () => {
      while (next < todo.length) await runTask(todo[next++]!);
    });
    await Promise.all(lanes);
    await writer.flush();
  } finally {
    await pool?.close();
    await store.close();
  }
  progress.finish();
  summary.stored = writer.stored;
  summary.copies = writer.copies;
  summary.duplicates += writer.duplicates;
  summary.failed.push(...writer.failed);
  summary.seconds = (Date.now() - started) / 1000;
  io.stdout(formatSummary(summary, todo.length, flags.db));
  return summary;
}

/** The closing report: what was stored, skipped and why anything failed, grouped by code. */
export function formatSummary(summary: IngestSummary, processed: number, db: string): string {
  const rate = summary.seconds > 0 ? processed / summary.seconds : 0;
  const speed = processed > 0 ? `${rate.toFixed(1)} articles/s` : "nothing new to extract";
  const lines = [
    `ingested ${summary.inputs} inputs into ${db} in ${summary.seconds.toFixed(1)} s (${speed})`,
    `  stored      ${summary.stored} new articles (${summary.copies} wire copies linked to an earlier story)`,
    `  duplicates  ${summary.duplicates} (already in the archive, or the same text again)`,
    `  failed      ${summary.failed.length}`,
  ];
  const byCode = new Map<string, InputFailure[]>();
  for (const f of summary.failed) byCode.set(f.code, [...(byCode.get(f.code) ?? []), f]);
  for (const [code, list] of [...byCode].sort((a, b) => b[1].length - a[1].length)) {
    lines.push(`    ${code} × ${list.length}`);
    for (const f of list.slice(0, 3)) lines.push(`      ${f.where}: ${f.reason}`);
    if (list.length > 3) lines.push(`      … and ${list.length - 3} more`);
  }
  return `${lines.join("\n")}\n`;
}

/** Add `sitrep ingest` to the program. */
export function registerIngest(
  program: Command,
  io: CliIo,
  setCode: (code: number) => void,
  parseSize: (value: string) => number,
): void {
  program
    .command("ingest")
    .description(
      "extract and store many articles: files, folders, JSONL batches, RSS/Atom feeds (files or URLs)",
    )
    .argument("<inputs...>", "PATH | DIR | FILE.jsonl | FEED_URL | PAGE_URL")
    .option("--db <file>", "the archive (SQLite) to store into", DEFAULT_DB)
    .option("--workers <n>", "extraction worker threads (default: one per core)")
    .option("--batch <n>", "documents stored per transaction", "100")
    .option("--published <date>", "publication date for inputs that have none (YYYY-MM-DD)")
    .option("--max-size <size>", "largest article accepted", `${DEFAULT_MAX_BYTES / 1024 / 1024}MB`)
    .option("--timeout <seconds>", "time limit for fetching one page", "15")
    .option("--per-host <n>", "pages fetched at once from one site", "2")
    .option("--host-delay <ms>", "pause between two requests to one site", "500")
    .addOption(
      new Option("--progress <mode>", "a bar on a terminal and lines otherwise (auto), or as chosen")
        .choices(["auto", "bar", "lines", "none"])
        .default("auto"),
    )
    .action(async (inputs: string[], flags: IngestFlags) => {
      const summary = await runIngest(inputs, flags, io, parseSize);
      const nothingWorked = summary.inputs > 0 && summary.failed.length === summary.inputs;
      setCode(nothingWorked ? 65 : 0);
    });
}
