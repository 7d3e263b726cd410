// Every row of the README's input-error table, tried as a user would: one line on stderr that
// names the problem, a non-zero exit status, nothing on stdout, and never a stack trace.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "./index.js";

const dir = mkdtempSync(join(tmpdir(), "sitrep-cli-"));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function run(args: string[], stdin?: string) {
  let out = "";
  let err = "";
  const code = await main(["node", "sitrep", ...args], {
    stdout: (s) => {
      out += s;
    },
    stderr: (s) => {
      err += s;
    },
    stdin: stdin === undefined ? undefined : Readable.from([Buffer.from(stdin)]),
  });
  return { code, out, err };
}

const ARTICLE =
  "Rebels Seize Town\n\nGOMA, Congo (AP) — Rebels seized the town of Rubaya on Wednesday after two days of fighting with government troops, a local official said.";

beforeAll(() => {
  mkdirSync(join(dir, "folder"), { recursive: true });
});

describe("input errors", () => {
  it.each([
    ["missing file", () => [join(dir, "nope.txt")], "E_NOT_FOUND", 66, /no such file/],
    ["directory", () => [join(dir, "folder")], "E_IS_DIRECTORY", 66, /is a directory/],
    ["empty file", () => [file("empty.txt", "")], "E_EMPTY", 65, /empty/],
    ["whitespace only", () => [file("blank.txt", " \n\t\n ")], "E_EMPTY", 65, /whitespace/],
    [
      "binary data",
      () => [file("bin.dat", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]))],
      "E_BINARY",
      65,
      /binary/,
    ],
    [
      "invalid UTF-8",
      () => [file("latin1.txt", Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]))],
      "E_INVALID_UTF8",
      65,
      /not valid UTF-8.*byte 3/,
    ],
    [
      "over the size limit",
      () => ["--max-size", "1KB", file("big.txt", "word ".repeat(400))],
      "E_TOO_LARGE",
      65,
      /over the 1\.0 KB limit/,
    ],
    [
      "HTML with no main content",
      () => [
        file(
          "nav.html",
          "<html><body><nav><a href='/'>Home</a></nav><script>var x=1;</script></body></html>",
        ),
      ],
      "E_NO_CONTENT",
      65,
      /no main content/,
    ],
    [
      "bad --published",
      () => ["--published", "yesterday", file("ok.txt", ARTICLE)],
      "E_BAD_OPTION",
      64,
      /not a date/,
    ],
    [
      "bad --max-size",
      () => ["--max-size", "lots", file("ok2.txt", ARTICLE)],
      "E_BAD_OPTION",
      64,
      /not a size/,
    ],
  ])("%s", async (_name, args, code, status, reason) => {
    const r = await run(["extract", ...args()]);
    expect(r.code).toBe(status);
    expect(r.out).toBe("");
    expect(r.err).toContain(code);
    expect(r.err).toMatch(reason);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("text not in English: a document with language and a warning, no extraction", async () => {
    const r = await run([
      "extract",
      file(
        "fr.txt",
        "Le gouvernement a annoncé mercredi une nouvelle série de mesures pour lutter contre la hausse des prix de l'énergie, selon un communiqué publié à Paris.",
      ),
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.article.language).toBe("fr");
    expect(doc.messages.map((m: { code: string }) => m.code)).toContain("W_NOT_ENGLISH");
    expect(doc.events).toEqual([]);
  });

  it("a JSONL batch with a bad line still produces every other document, in order", async () => {
    const batch = file(
      "batch.jsonl",
      [
        JSON.stringify({ id: "a", text: ARTICLE, published: "2024-05-02" }),
        '{"id":"b","text":"unterminated',
        JSON.stringify({ id: "c", title: "no text here" }),
        "",
        JSON.stringify({
          id: "d",
          html: `<html><body><article><p>${ARTICLE.repeat(2)}</p></article></body></html>`,
        }),
        JSON.stringify({ id: "e", text: "   " }),
      ].join("\n"),
    );
    const r = await run(["extract", "--jsonl", batch]);
    expect(r.code).toBe(0);
    const docs = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(docs.map((d) => d.article.ref)).toEqual(["a", "b", "c", "d", "e"]);
    const firstError = (d: { messages: { code: string; severity: string }[] }) =>
      d.messages.find((m) => m.severity === "error")?.code ?? "ok";
    expect(docs.map(firstError)).toEqual(["ok", "E_BAD_RECORD", "E_BAD_RECORD", "ok", "E_EMPTY"]);
    expect(docs[0].article.published).toBe("2024-05-02");
    expect(docs[3].article.text).toContain("Rebels seized the town");
    expect(r.err).toMatch(/batch\.jsonl:2: not valid JSON/);
    expect(r.err).toMatch(/3 of 5 records failed/);
  });

  it.each([
    ["day.jsonl", [], 2],
    ["day.NDJSON", [], 2],
    ["day.jsonl", ["--format", "text"], 1],
    ["day.txt", [], 1],
  ])("%s %j is read as %i document(s)", async (name, flags, count) => {
    const batch = file(
      name,
      [JSON.stringify({ id: "a", text: ARTICLE }), JSON.stringify({ id: "b", text: ARTICLE })].join("\n"),
    );
    const r = await run(["extract", ...flags, batch]);
    expect(r.code).toBe(0);
    expect(r.out.trim().split("\n")).toHaveLength(count);
  });

  it("a large batch coded in worker threads prints the same documents, in input order", async () => {
    const lines = Array.from({ length: 70 }, (_, i) =>
      i === 5 ? "{not json" : JSON.stringify({ id: `r${i}`, text: `${ARTICLE} Record ${i}.` }),
    );
    const batch = file("big.jsonl", lines.join("\n"));
    const pooled = await run(["extract", "--workers", "2", batch]);
    const inline = await run(["extract", "--workers", "1", batch]);
    expect(pooled.code).toBe(0);
    const docs = pooled.out.trim().split("\n");
    expect(docs.map((l) => JSON.parse(l).article.ref)).toEqual(
      lines.map((_, i) => (i === 5 ? "line 6" : `r${i}`)),
    );
    expect(pooled.out).toBe(inline.out);
    expect(pooled.err).toMatch(/big\.jsonl:6: not valid JSON/);
  });

  it.each(["0", "two", "1.5"])("--workers %s is refused", async (value) => {
    const batch = file("w.jsonl", JSON.stringify({ id: "a", text: ARTICLE }));
    const r = await run(["extract", "--workers", value, batch]);
    expect(r.code).toBe(64);
    expect(r.err).toMatch(/E_BAD_OPTION: --workers/);
  });

  it("reads standard input from -", async () => {
    const r = await run(["extract", "--published", "2024-05-02", "-"], ARTICLE);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.article.source).toBe("-");
    expect(doc.article.published).toBe("2024-05-02");
  });

  it("an unreachable URL is a fetch error, not a crash", async () => {
    const r = await run(["extract", "http://127.0.0.1:9/article"]);
    expect(r.code).toBe(69);
    expect(r.err).toMatch(/E_FETCH_FAILED: http:\/\/127\.0\.0\.1:9\/article: could not fetch/);
  });

  it("an unknown option is a usage error with status 64", async () => {
    const r = await run(["extract", "--frobnicate", "x.txt"]);
    expect(r.code).toBe(64);
    expect(r.err).toMatch(/unknown option/);
  });

  it("prints the JSON Schema", async () => {
    const r = await run(["schema"]);
    const schema = JSON.parse(r.out);
    expect(schema.properties.schema.const).toBe("sitrep/1");
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        "article",
        "entities",
        "quotes",
        "quantities",
        "times",
        "places",
        "events",
        "messages",
      ]),
    );
  });
});

describe("the installed command", () => {
  it("exits non-zero with one line and no stack trace", () => {
    const bin = new URL("../../bin/sitrep.js", import.meta.url).pathname;
    const r = spawnSync("node", [bin, "extract", join(dir, "missing.txt")], { encoding: "utf8" });
    expect(r.status).toBe(66);
    expect(r.stderr.trim()).toMatch(/^sitrep: E_NOT_FOUND: .*missing\.txt: no such file$/);
  });
});
