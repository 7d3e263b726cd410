import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { storeConformance } from "./conformance.js";
import { bandKeys, bodyText, COPY_THRESHOLD, signature, similarity } from "./similarity.js";
import { openArchive, openSqliteStore, outletOf } from "./sqlite.js";
import { khartoumProtest, mosulAttack } from "./test-utils/fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "sitrep-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

storeConformance("SQLite file", async () => openSqliteStore(join(dir, `conformance-${n++}.db`)));
storeConformance("SQLite in memory", async () => openSqliteStore(":memory:"));

describe("SQLite store", () => {
  it("keeps what was committed when reopened", async () => {
    const file = join(dir, "reopen.db");
    const first = openSqliteStore(file);
    await first.put([{ doc: mosulAttack(), sourceKey: "a" }]);
    await first.close();
    const second = openSqliteStore(file);
    expect((await second.stats()).articles).toBe(1);
    expect(second.db.pragma("journal_mode", { simple: true })).toBe("wal");
    await second.close();
  });

  it("stores a batch as one transaction: a failing document stores none of it", async () => {
    const store = openSqliteStore(":memory:");
    const broken = khartoumProtest();
    (broken.events[0] as { modality: unknown }).modality = null;
    await expect(
      store.put([
        { doc: mosulAttack(), sourceKey: "a" },
        { doc: broken, sourceKey: "b" },
      ]),
    ).rejects.toThrow();
    expect((await store.stats()).articles).toBe(0);
    await store.close();
  });

  it("refuses an archive written by a newer schema", async () => {
    const file = join(dir, "newer.db");
    const store = openSqliteStore(file);
    store.db.pragma("user_version = 99");
    await store.close();
    expect(() => openSqliteStore(file)).toThrow(/newer sitrep/);
  });

  it("refuses a missing folder or a newer archive with a located error", () => {
    const newer = join(dir, "newer-cli.db");
    const db = new Database(newer);
    db.pragma("user_version = 99");
    db.close();
    for (const [file, reason] of [
      [join(dir, "no-such-folder", "a.db"), /directory does not exist/],
      [newer, /newer sitrep/],
    ] as const) {
      expect(() => openArchive(file)).toThrow(
        expect.objectContaining({ code: "E_UNREADABLE", message: expect.stringMatching(reason) }),
      );
    }
  });
});

describe("near-duplicate signatures", () => {
  const body = bodyText(mosulAttack());
  it.each([
    ["the same body", body, 1],
    ["a trimmed copy", body.slice(0, body.lastIndexOf("A local official")), 0.6],
    ["a copy with a changed word", body.replace("three soldiers", "four soldiers"), 0.6],
  ])("rates %s as a copy", (_name, other, least) => {
    const score = similarity(signature(body)!, signature(other)!);
    expect(score).toBeGreaterThanOrEqual(least);
    expect(score).toBeGreaterThanOrEqual(COPY_THRESHOLD);
  });

  it("rates an unrelated story well below the copy threshold", () => {
    expect(similarity(signature(body)!, signature(bodyText(khartoumProtest()))!)).toBeLessThan(0.1);
  });

  it("gives copies a shared band key and no words no signature", () => {
    const a = bandKeys(signature(body)!);
    const b = bandKeys(signature(body.replace("three soldiers", "four soldiers"))!);
    expect(a.some((key, i) => key === b[i])).toBe(true);
    expect(signature("... -- !!")).toBeNull();
  });
});

describe("outletOf", () => {
  it.each([
    ["https://www.Example.com/a/b", "example.com"],
    ["http://news.example.org", "news.example.org"],
    ["/home/me/article.txt", null],
    [null, null],
  ])("%j -> %j", (source, outlet) => expect(outletOf(source)).toBe(outlet));
});

describe("two writers on one archive", () => {
  it("both store their documents, one after the other", async () => {
    const file = join(dir, "two-writers.db");
    const a = openSqliteStore(file);
    const b = openSqliteStore(file);
    const reader = openSqliteStore(file);
    await a.put([{ doc: mosulAttack(), sourceKey: "a" }]);
    await b.put([{ doc: khartoumProtest(), sourceKey: "b" }]);
    await a.put([{ doc: khartoumProtest(), sourceKey: "c" }]);
    expect(await reader.stats()).toMatchObject({ articles: 2, sources: 3 });
    await Promise.all([a.close(), b.close(), reader.close()]);
  });
});
