import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../store/sqlite.js";
import { khartoumProtest, mosulAttack } from "../../store/test-utils/fixtures.js";
import { main } from "../index.js";
import { formatSummary } from "../ingest.js";
import { looksLikeFeed, PoliteFetcher, readFeed } from "./feed.js";
import { listTasks } from "./inputs.js";
import { formatDuration, progressLine } from "./progress.js";
import { BatchWriter } from "./writer.js";

const root = new URL("../../../", import.meta.url).pathname;
const built =
  existsSync(join(root, "dist/cli/ingest.js")) && existsSync(join(root, "dist/parallel/worker.js"));
const dir = mkdtempSync(join(tmpdir(), "sitrep-ingest-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Example</title>
<item><title>Port &amp; harbour closed</title><link>/news/port</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>
<item><title>No link here</title><content:encoded><![CDATA[<p>Officials said the road was open.</p>]]></content:encoded></item>
<item><title>Empty</title></item>
</channel></rss>`;
const ATOM = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Example</title>
<entry><title>Bridge reopens</title><link rel="self" href="https://example.com/self"/><link rel="alternate" href="https://example.com/bridge"/><published>2024-02-01T08:00:00Z</published></entry>
</feed>`;

describe("feeds", () => {
  it.each([
    [RSS, true],
    [ATOM, true],
    ['<rdf:RDF xmlns:rdf="x"><item/></rdf:RDF>', true],
    ["<!doctype html><html><body><p>Not a feed</p></body></html>", false],
    ["Plain words about a feed.", false],
  ])("looksLikeFeed #%#", (text, expected) => expect(looksLikeFeed(text)).toBe(expected));

  it("reads RSS items: links resolved against the feed, dates normalised, content kept when unlinked", () => {
    expect(readFeed(RSS, "https://example.com/feed.xml")).toEqual([
      {
        url: "https://example.com/news/port",
        title: "Port & harbour closed",
        published: "2024-03-05",
        html: null,
      },
      { url: null, title: "No link here", published: null, html: "<p>Officials said the road was open.</p>" },
      { url: null, title: "Empty", published: null, html: null },
    ]);
  });

  it("reads Atom entries, preferring the alternate link", () => {
    expect(readFeed(ATOM)).toEqual([
      { url: "https://example.com/bridge", title: "Bridge reopens", published: "2024-02-01", html: null },
    ]);
  });
});

describe("progress and summary", () => {
  it.each([
    [0, "0:00"],
    [75, "1:15"],
    [3725, "1:02:05"],
    [Number.POSITIVE_INFINITY, "?"],
  ])("formatDuration(%d) = %s", (s, text) => expect(formatDuration(s)).toBe(text));

  it.each([
    [50, 100, 10_000, false, "ingest: 50/100  5.0 articles/s  ETA 0:10"],
    [50, 100, 10_000, true, "[############............] 50/100  5.0 articles/s  ETA 0:10"],
    [0, 10, 0, false, "ingest: 0/10  0.0 articles/s  ETA ?"],
  ])("progressLine(%d, %d, %d ms, bar %s)", (done, total, ms, bar, line) =>
    expect(progressLine(done, total, ms, bar)).toBe(line),
  );

  it("groups failures by code with a few examples each", () => {
    const failed = Array.from({ length: 5 }, (_, i) => ({
      where: `b.jsonl:${i + 1}`,
      code: "E_EMPTY",
      reason: "input has no text",
    }));
    failed.push({ where: "x.txt", code: "E_NOT_FOUND", reason: "x.txt: no such file" });
    const text = formatSummary(
      { inputs: 10, stored: 3, copies: 1, duplicates: 1, failed, seconds: 2 },
      9,
      "a.db",
    );
    expect(text).toContain("(4.5 articles/s)");
    expect(text).toContain("stored      3 new articles (1 wire copies");
    expect(text).toMatch(
      /E_EMPTY × 5\n.*b\.jsonl:1: input has no text\n.*\n.*\n\s+… and 2 more\n\s+E_NOT_FOUND × 1/,
    );
  });
});

describe("BatchWriter", () => {
  it("stores in batches and lets a document the store refuses fail alone", async () => {
    const store = openSqliteStore(":memory:");
    const writer = new BatchWriter(store, 3);
    const broken = khartoumProtest();
    broken.quotes.push({ ...broken.quotes[0]! }); // two quotes with one id
    await writer.add({ doc: mosulAttack(), sourceKey: "a" }, "a.txt");
    await writer.add({ doc: broken, sourceKey: "b" }, "b.txt");
    expect((await store.stats()).articles).toBe(0);
    await writer.add({ doc: mosulAttack("https://copy.example.net/x", "Copy"), sourceKey: "c" }, "c.txt");
    await writer.add({ doc: mosulAttack(), sourceKey: "d" }, "d.txt");
    await writer.flush();
    expect({ stored: writer.stored, copies: writer.copies, duplicates: writer.duplicates }).toEqual({
      stored: 2,
      copies: 1,
      duplicates: 1,
    });
    expect(writer.failed).toEqual([
      { where: "b.txt", code: "E_STORE", reason: expect.stringMatching(/^not stored: .*UNIQUE/) },
    ]);
    expect((await store.stats()).articles).toBe(2);
    await store.close();
  });
});

describe("PoliteFetcher", () => {
  let server: Server;
  let base: string;
  let active = 0;
  let most = 0;
  const starts: number[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      active++;
      most = Math.max(most, active);
      starts.push(Date.now());
      const answer = (body: string) => {
        active--;
        res.end(body);
      };
      if (req.url === "/slow") return setTimeout(() => answer("late"), 2000);
      if (req.url === "/big") return answer("x".repeat(5000));
      setTimeout(() => answer("page"), 30);
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it("keeps to one request at a time per host with a pause between them", async () => {
    const fetcher = new PoliteFetcher({ perHost: 1, delayMs: 50, timeoutMs: 5000, maxBytes: 1000 });
    starts.length = 0;
    const pages = await Promise.all([1, 2, 3].map((i) => fetcher.fetch(`${base}/p${i}`)));
    expect(pages.map((p) => Buffer.from(p.bytes).toString())).toEqual(["page", "page", "page"]);
    expect(most).toBe(1);
    // Two pauses of 50 ms, less a little for timer and socket jitter.
    expect(starts[2]! - starts[0]!).toBeGreaterThanOrEqual(2 * 50 - 15);
  });

  it.each([
    ["/slow", "E_FETCH_FAILED", /timed out/],
    ["/big", "E_TOO_LARGE", /limit/],
  ])("fails %s with %s", async (path, code, reason) => {
    const fetcher = new PoliteFetcher({ perHost: 2, delayMs: 0, timeoutMs: 200, maxBytes: 1000 });
    await expect(fetcher.fetch(`${base}${path}`)).rejects.toMatchObject({
      code,
      message: expect.stringMatching(reason),
    });
  });
});

/** Wire-style test stories, each different enough not to be taken for a copy of another. */
function story(i: number): string {
  const towns = ["Alder", "Birch", "Cedar", "Dunmore", "Elmwood", "Fairview", "Glenrock", "Hollow"];
  const verbs = ["closed", "reopened", "inspected", "repaired", "flooded", "evacuated"];
  return (
    `Officials in ${towns[i % 8]} said on Monday that bridge number ${i} was ${verbs[i % 6]} after a review. ` +
    `The council voted ${i % 9} to ${(i * 7) % 11} to spend ${i * 13} thousand dollars on item ${i * 31}. ` +
    `Residents of district ${i * 17} were told to expect delays until week ${i % 52}.`
  );
}

function runCli(
  args: string[],
): Promise<{ code: number | null; stdout: string; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, [join(root, "bin/sitrep.js"), ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  return new Promise((ok) => child.on("close", (code, signal) => ok({ code, stdout, signal })));
}

describe.skipIf(!built)("sitrep ingest (needs `npm run build`)", () => {
  it("stores files, folders, JSONL records and a feed's pages, and nothing twice on a rerun", async () => {
    const inputs = join(dir, "mixed");
    mkdirSync(join(inputs, "nested"), { recursive: true });
    writeFileSync(join(inputs, "one.txt"), story(1));
    writeFileSync(
      join(inputs, "nested", "two.html"),
      `<html><body><article><p>${story(2)}</p></article></body></html>`,
    );
    writeFileSync(join(inputs, "ignored.png"), "not an article");
    const batch = [story(3), story(4), ""].map((text, i) => JSON.stringify({ id: `r${i}`, text })).join("\n");
    writeFileSync(join(inputs, "batch.jsonl"), `${batch}\nnot json\n`);

    const server = createServer((req, res) => {
      if (req.url === "/feed.xml") {
        res.setHeader("content-type", "application/rss+xml");
        return res.end(
          `<rss><channel><item><link>/a</link></item><item><link>/missing</link></item></channel></rss>`,
        );
      }
      if (req.url === "/a") return res.end(story(5));
      res.statusCode = 404;
      res.end();
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const feed = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
    const db = join(dir, "mixed.db");
    const out: string[] = [];
    const io = { stdout: (s: string) => void out.push(s), stderr: () => {} };
    const args = [
      "node",
      "sitrep",
      "ingest",
      "--db",
      db,
      "--workers",
      "2",
      "--host-delay",
      "0",
      inputs,
      feed,
    ];
    try {
      expect(await main(args, io)).toBe(0);
      const first = out.join("");
      expect(first).toContain("stored      5 new articles");
      expect(first).toMatch(/failed +3\n/);
      expect(first).toMatch(/E_EMPTY × 1/);
      expect(first).toMatch(/E_BAD_RECORD × 1/);
      expect(first).toMatch(/E_FETCH_FAILED × 1\n.*missing: .*404/);
      out.length = 0;
      expect(await main(args, io)).toBe(0);
      expect(out.join("")).toContain("stored      0 new articles");
    } finally {
      server.close();
    }
    const sqlite = new Database(db, { readonly: true });
    expect(sqlite.prepare("SELECT count(*) FROM articles").pluck().get()).toBe(5);
    sqlite.close();
  });

  it("stores two copies of one story with different boilerplate as one story with two articles", async () => {
    const copies = join(dir, "copies");
    mkdirSync(copies);
    const body = [0, 1, 2, 3].map((i) => story(i * 8 + 3)).join("\n\n");
    writeFileSync(
      join(copies, "a.txt"),
      `Bridge review finds faults\n\n${body}\n\nCopyright 2024 First Example News. All rights reserved.`,
    );
    writeFileSync(
      join(copies, "b.txt"),
      `Faults found in town bridges\n\n${body}\n\nSign up for the Second Example newsletter and follow us online.`,
    );
    const db = join(dir, "copies.db");
    const out: string[] = [];
    await main(["node", "sitrep", "ingest", "--db", db, copies], {
      stdout: (s) => void out.push(s),
      stderr: () => {},
    });
    expect(out.join("")).toContain("stored      2 new articles (1 wire copies");
    const sqlite = new Database(db, { readonly: true });
    expect(sqlite.prepare("SELECT count(DISTINCT story_id) FROM articles").pluck().get()).toBe(1);
    expect(sqlite.prepare("SELECT num_articles FROM stories").pluck().get()).toBe(2);
    sqlite.close();
  });

  it("loses nothing and duplicates nothing when killed mid-run and run again", async () => {
    const count = 200;
    const file = join(dir, "kill.jsonl");
    writeFileSync(
      file,
      Array.from({ length: count }, (_, i) => JSON.stringify({ id: `s${i}`, text: story(i) })).join("\n"),
    );
    const db = join(dir, "kill.db");
    const args = ["ingest", "--db", db, "--workers", "1", "--batch", "5", "--progress", "none", file];
    const child = spawn(process.execPath, [join(root, "bin/sitrep.js"), ...args], { stdio: "ignore" });
    const exited = new Promise<NodeJS.Signals | null>((ok) =>
      child.on("close", (_code, signal) => ok(signal)),
    );
    // Wait until some batches are committed, then kill without warning.
    let storedAtKill = 0;
    for (let tries = 0; tries < 400 && storedAtKill === 0; tries++) {
      await new Promise((ok) => setTimeout(ok, 25));
      if (!existsSync(db)) continue;
      try {
        const peek = new Database(db, { readonly: true, timeout: 1000 });
        storedAtKill = peek.prepare("SELECT count(*) FROM sources").pluck().get() as number;
        peek.close();
      } catch {
        // The schema may not be there yet on the first peeks.
      }
    }
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    expect(storedAtKill).toBeGreaterThan(0);

    const rerun = await runCli(args);
    expect(rerun.code).toBe(0);
    const sqlite = new Database(db, { readonly: true });
    const articles = sqlite.prepare("SELECT count(*) FROM articles").pluck().get() as number;
    const sources = sqlite.prepare("SELECT count(*) FROM sources").pluck().get() as number;
    const fts = sqlite.prepare("SELECT count(*) FROM articles_fts").pluck().get() as number;
    sqlite.close();
    expect(storedAtKill).toBeLessThan(count);
    expect({ articles, sources, fts }).toEqual({ articles: count, sources: count, fts: count });
    // The rerun skips what was committed before the kill and stores exactly the rest.
    const stored = Number(/stored +(\d+)/.exec(rerun.stdout)?.[1]);
    const skipped = Number(/duplicates +(\d+)/.exec(rerun.stdout)?.[1]);
    expect(stored).toBeGreaterThan(0);
    expect(stored + skipped).toBe(count);
  });
});

describe("listTasks", () => {
  const fetcher = new PoliteFetcher({ perHost: 1, delayMs: 0, timeoutMs: 1000, maxBytes: 1000 });
  const tree = join(dir, "tree");
  mkdirSync(join(tree, "sub", ".hidden"), { recursive: true });
  writeFileSync(join(tree, "b.txt"), "Officials said the bridge was closed.");
  writeFileSync(join(tree, "sub", "a.html"), "<p>Officials said the road was open.</p>");
  writeFileSync(join(tree, "sub", ".hidden", "c.txt"), "hidden");
  writeFileSync(join(tree, "notes.pdf"), "not an article");
  writeFileSync(join(tree, "batch.jsonl"), `{"id":"x1","text":"One."}\n\n{"text":"Two."}\n`);
  writeFileSync(
    join(tree, "feed.rss"),
    `<rss><channel><item><title>T</title><description>&lt;p&gt;Body.&lt;/p&gt;</description></item></channel></rss>`,
  );

  it("lists a folder's articles, records and feed items with stable keys, in name order", async () => {
    const { tasks, failures } = await listTasks([tree], { maxBytes: 1000, fetcher });
    expect(failures).toEqual([]);
    expect(tasks.map((t) => t.key.slice(tree.length + 1))).toEqual([
      "b.txt",
      "batch.jsonl#x1",
      "batch.jsonl#line 3",
      "feed.rss#item-1",
      "sub/a.html",
    ]);
    expect(await tasks[4]!.load()).toMatchObject({ format: "html", source: join(tree, "sub", "a.html") });
    expect(await tasks[3]!.load()).toMatchObject({ html: "<p>Body.</p>", title: "T" });
  });

  it("lists a file named twice once, and a missing input as a failure", async () => {
    const file = join(tree, "b.txt");
    const { tasks, failures } = await listTasks([file, file, join(tree, "nope.txt")], {
      maxBytes: 1000,
      fetcher,
    });
    expect(tasks.map((t) => t.key)).toEqual([file]);
    expect(failures).toEqual([
      { where: join(tree, "nope.txt"), code: "E_NOT_FOUND", reason: expect.stringContaining("no such file") },
    ]);
  });

  it("fails a file over the size limit when its turn comes", async () => {
    const big = join(dir, "big.txt");
    writeFileSync(big, "word ".repeat(500));
    const { tasks } = await listTasks([big], { maxBytes: 100, fetcher });
    await expect(tasks[0]!.load()).rejects.toMatchObject({ code: "E_TOO_LARGE" });
  });
});
