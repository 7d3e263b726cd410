// The `sitrep` command: a thin shell over the library. Every failure a user can cause prints
// one line `sitrep: CODE: reason` on stderr and exits with a stable status; no stack traces.

import { availableParallelism } from "node:os";
import { Command, CommanderError, Option } from "commander";
import { ErrorCode, EXIT_STATUS, isSitrepError, SitrepError } from "../core/errors.js";
import { jsonSchema, type SitrepDocument } from "../core/schema.js";
import {
  DEFAULT_MAX_BYTES,
  decodeBytes,
  type IngestInput,
  type JsonlRecord,
  readRecords,
  readSource,
} from "../ingest/index.js";
import { ExtractPool, TaskError } from "../parallel/pool.js";
import { type BatchItem, errorDocument, extract, extractBatch } from "../pipeline.js";
import { registerIngest } from "./ingest.js";
import { registerServe } from "./serve.js";

export interface CliIo {
  stdout: (chunk: string) => void;
  stderr: (chunk: string) => void;
  stdin?: NodeJS.ReadableStream;
}

const defaultIo: CliIo = {
  stdout: (chunk) => process.stdout.write(chunk),
  stderr: (chunk) => process.stderr.write(chunk),
};

/** Parse "10MB", "500k", "2048" into bytes. */
export function parseSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)i?b?$/i.exec(value.trim());
  if (!m)
    throw new SitrepError(ErrorCode.BAD_OPTION, `--max-size "${value}" is not a size (e.g. 10MB, 500KB)`);
  const scale = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as "" | "k" | "m" | "g"];
  return Math.floor(Number(m[1]) * scale);
}

function checkDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new SitrepError(ErrorCode.BAD_OPTION, `--published "${value}" is not a date (use YYYY-MM-DD)`);
  }
  return value;
}

interface ExtractFlags {
  published?: string;
  jsonl?: boolean;
  pretty?: boolean;
  maxSize: string;
  format: "text" | "html" | "auto";
  workers?: string;
}

async function runExtract(inputs: string[], flags: ExtractFlags, io: CliIo): Promise<number> {
  const published = checkDate(flags.published);
  const maxBytes = parseSize(flags.maxSize);
  const print = (doc: SitrepDocument, oneLine: boolean) =>
    io.stdout(`${JSON.stringify(doc, null, flags.pretty && !oneLine ? 2 : undefined)}\n`);

  let failed = 0;
  let total = 0;
  let pool: ExtractPool | null = null;
  const workers = flags.workers ? wholeNumber(flags.workers, "--workers") : availableParallelism();
  try {
    for (const name of inputs) {
      if (!isBatch(name, flags)) {
        const { bytes, source, contentType } = await readSource(name, { maxBytes, stdin: io.stdin });
        const text = decodeBytes(bytes, { maxBytes, where: source });
        const format =
          flags.format !== "auto" ? flags.format : contentType?.includes("html") ? "html" : "auto";
        print(extract(text, { published, source, format }), false);
        continue;
      }
      const { bytes, source } = await readSource(name, {
        maxBytes: Number.MAX_SAFE_INTEGER,
        stdin: io.stdin,
      });
      const text = decodeBytes(bytes, { where: source, maxBytes: Number.MAX_SAFE_INTEGER });
      const records = [...readRecords(text, source === "-" ? "stdin" : source)];
      // Workers cost most of a second to start: worth it for a batch, not for a handful.
      if (!pool && workers > 1 && records.length >= MIN_RECORDS_FOR_WORKERS) {
        pool = new ExtractPool({ size: workers });
      }
      /** The line for a record that could not be extracted: its error document, the error told. */
      const fail = (record: JsonlRecord, e: unknown): string => {
        const error =
          e instanceof TaskError ? new SitrepError(e.code, e.message) : isSitrepError(e) ? e : null;
        if (!error) throw e;
        failed++;
        io.stderr(`sitrep: ${error.code}: ${source}:${record.line}: ${error.message}\n`);
        return JSON.stringify(
          errorDocument(error, { ref: record.ref, source: record.input?.source ?? null }),
        );
      };
      /** A record's input and options; throws the error that keeps it from being extracted. */
      const prepare = (record: JsonlRecord): BatchItem & { input: IngestInput } => {
        if (record.error) throw record.error;
        const input = record.input!;
        const size = Buffer.byteLength(input.html ?? input.text ?? "", "utf8");
        if (size > maxBytes) {
          throw new SitrepError(ErrorCode.TOO_LARGE, `record "${record.ref}" is over the --max-size limit`);
        }
        return { input, options: { published: published ?? input.published ?? null } };
      };
      total += records.length;
      if (!pool) {
        // On this thread, a few records at a time, stage by stage, printed in input order.
        for (let g = 0; g < records.length; g += LOCAL_GROUP) {
          const group = records.slice(g, g + LOCAL_GROUP);
          const items: BatchItem[] = [];
          const lines = group.map((record): string | number => {
            try {
              return items.push(prepare(record)) - 1;
            } catch (e) {
              return fail(record, e);
            }
          });
          const results = extractBatch(items);
          for (const [k, line] of lines.entries()) {
            if (typeof line === "string") io.stdout(`${line}\n`);
            else {
              const result = results[line]!;
              io.stdout(
                `${result.document ? JSON.stringify(result.document) : fail(group[k]!, result.error)}\n`,
              );
            }
          }
        }
        continue;
      }
      const workerPool = pool;
      const code = async (record: JsonlRecord): Promise<string> => {
        try {
          const { input, options } = prepare(record);
          return await workerPool.extractJson(input, options);
        } catch (e) {
          return fail(record, e);
        }
      };
      // Documents are printed in input order; a bounded window of them is in flight at once.
      const window = pool.capacity;
      const inFlight: Promise<string>[] = [];
      for (const record of records) {
        inFlight.push(code(record));
        if (inFlight.length >= window) io.stdout(`${await inFlight.shift()!}\n`);
      }
      while (inFlight.length > 0) io.stdout(`${await inFlight.shift()!}\n`);
    }
  } finally {
    await pool?.close();
  }
  if (failed > 0) io.stderr(`sitrep: ${failed} of ${total} records failed; their lines carry the error\n`);
  return 0;
}

/** Fewer records than this are extracted on the main thread. */
const MIN_RECORDS_FOR_WORKERS = 64;
/** Records the main thread runs together, stage by stage (`extractBatch`), when there is no pool. */
const LOCAL_GROUP = 8;

function wholeNumber(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new SitrepError(ErrorCode.BAD_OPTION, `${flag} "${value}" is not a whole number above 0`);
  }
  return n;
}

/**
 * An input is a batch of records with `--jsonl`, or when it is a local file named `*.jsonl` or
 * `*.ndjson` and no `--format` says otherwise: `sitrep extract day.jsonl` should not code the
 * whole batch as one article.
 */
function isBatch(name: string, flags: ExtractFlags): boolean {
  if (flags.jsonl) return true;
  if (flags.format !== "auto" || /^https?:\/\//i.test(name)) return false;
  return /\.(?:jsonl|ndjson)$/i.test(name);
}

function buildProgram(io: CliIo, setCode: (code: number) => void): Command {
  const program = new Command();
  program
    .name("sitrep")
    .description(
      "Turn news articles into structured, sourced, geocoded, time-anchored event data (sitrep/1).",
    )
    .version("0.1.0")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command("extract")
    .description("extract a sitrep/1 document from an article (file, URL, or - for stdin)")
    .argument("<inputs...>", "FILE | URL | - ; FILE.jsonl (or any input with --jsonl) is a batch")
    .option("--published <date>", "publication date to resolve relative times against (YYYY-MM-DD)")
    .option(
      "--jsonl",
      "inputs are JSONL batches of {id, text|html, url?, title?, published?}; print one document a line",
    )
    .option("--pretty", "indent the JSON")
    .option(
      "--workers <n>",
      `worker threads for a batch of ${MIN_RECORDS_FOR_WORKERS} records or more (default: one per core)`,
    )
    .addOption(
      new Option("--format <format>", "how to read the input")
        .choices(["text", "html", "auto"])
        .default("auto"),
    )
    .option("--max-size <size>", "largest input accepted", `${DEFAULT_MAX_BYTES / 1024 / 1024}MB`)
    .action(async (inputs: string[], flags: ExtractFlags) => setCode(await runExtract(inputs, flags, io)));

  program
    .command("schema")
    .description("print the JSON Schema of a sitrep/1 document")
    .action(() => {
      io.stdout(`${JSON.stringify(jsonSchema(), null, 2)}\n`);
      setCode(0);
    });
  registerIngest(program, io, setCode, parseSize);
  registerServe(program, io, setCode);
  return program;
}

/** Run the CLI with `argv` (as process.argv); resolves to the exit status. */
export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are exits with status 0; usage errors were printed by commander.
      return e.exitCode === 0 ? 0 : EXIT_STATUS[ErrorCode.BAD_OPTION]!;
    }
    if (isSitrepError(e)) {
      io.stderr(`sitrep: ${e.code}: ${e.message}\n`);
      return EXIT_STATUS[e.code] ?? 1;
    }
    io.stderr(`sitrep: internal error: ${(e as Error)?.message ?? String(e)} (please report it)\n`);
    return 70;
  }
}
