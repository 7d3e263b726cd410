// Where bytes come from: a file, standard input ("-") or an http(s) URL fetched with a timeout
// and a size cap. Errors say which of these failed and why, in one line.
import { readFileSync, statSync } from "node:fs";
import { ErrorCode, SitrepError } from "../core/errors.js";
import { DEFAULT_MAX_BYTES, formatBytes } from "./decode.js";

export interface SourceInput {
  bytes: Uint8Array;
  source: string;
  /** Content type when fetched over HTTP. */
  contentType?: string;
}

export interface ReadOptions {
  maxBytes?: number;
  timeoutMs?: number;
  stdin?: NodeJS.ReadableStream;
}

export async function readSource(name: string, options: ReadOptions = {}): Promise<SourceInput> {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (name === "-")
    return { bytes: await readStream(options.stdin ?? process.stdin, max, "stdin"), source: "-" };
  if (/^https?:\/\//i.test(name)) return fetchUrl(name, max, options.timeoutMs ?? 15_000);
  let size: number;
  try {
    const stat = statSync(name);
    if (stat.isDirectory()) {
      throw new SitrepError(ErrorCode.IS_DIRECTORY, `${name}: is a directory, not a file`, { where: name });
    }
    size = stat.size;
  } catch (e) {
    if (e instanceof SitrepError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      throw new SitrepError(ErrorCode.NOT_FOUND, `${name}: no such file`, { where: name });
    throw new SitrepError(ErrorCode.UNREADABLE, `${name}: cannot read (${code ?? "error"})`, { where: name });
  }
  if (size > max) {
    throw new SitrepError(
      ErrorCode.TOO_LARGE,
      `${name}: ${formatBytes(size)}, over the ${formatBytes(max)} limit (raise it with --max-size)`,
      { where: name },
    );
  }
  try {
    return { bytes: readFileSync(name), source: name };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new SitrepError(ErrorCode.UNREADABLE, `${name}: cannot read (${code ?? "error"})`, { where: name });
  }
}

async function readStream(stream: NodeJS.ReadableStream, max: number, where: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    total += buf.length;
    if (total > max) {
      throw new SitrepError(
        ErrorCode.TOO_LARGE,
        `${where}: over the ${formatBytes(max)} limit (raise it with --max-size)`,
        {
          where,
        },
      );
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

async function fetchUrl(url: string, max: number, timeoutMs: number): Promise<SourceInput> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "follow",
      headers: {
        "user-agent": "sitrep/0.1 (+news event extraction)",
        accept: "text/html,text/plain;q=0.9,*/*;q=0.5",
      },
    });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    const why =
      err.name === "TimeoutError"
        ? `timed out after ${timeoutMs / 1000} s`
        : (err.cause?.code ?? err.message ?? "network error");
    throw new SitrepError(ErrorCode.FETCH_FAILED, `${url}: could not fetch (${why}; are you offline?)`, {
      where: url,
    });
  }
  if (!response.ok) {
    throw new SitrepError(ErrorCode.FETCH_FAILED, `${url}: HTTP ${response.status} ${response.statusText}`, {
      where: url,
    });
  }
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > max) {
    throw new SitrepError(
      ErrorCode.TOO_LARGE,
      `${url}: ${formatBytes(declared)}, over the ${formatBytes(max)} limit`,
      {
        where: url,
      },
    );
  }
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > max) {
        await reader.cancel();
        throw new SitrepError(ErrorCode.TOO_LARGE, `${url}: over the ${formatBytes(max)} limit`, {
          where: url,
        });
      }
      chunks.push(value);
    }
  }
  return {
    bytes: Buffer.concat(chunks),
    source: url,
    contentType: response.headers.get("content-type") ?? undefined,
  };
}
