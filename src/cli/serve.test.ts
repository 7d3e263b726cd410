import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../store/sqlite.js";
import { fixtureDocuments } from "../store/test-utils/fixtures.js";

const root = new URL("../../", import.meta.url).pathname;
const built = existsSync(join(root, "dist/cli/serve.js"));
const dir = mkdtempSync(join(tmpdir(), "sitrep-serve-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(args: string[]) {
  const child = spawn(process.execPath, [join(root, "bin/sitrep.js"), "serve", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const url = new Promise<string>((ok) =>
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      if (stdout.includes("\n")) ok(stdout.trim());
    }),
  );
  const exit = new Promise<number | null>((ok) => child.on("close", (code) => ok(code)));
  return { child, url, exit, stderr: () => stderr };
}

describe.skipIf(!built)("sitrep serve (needs `npm run build`)", () => {
  it("prints its local address and answers the API until stopped", async () => {
    const db = join(dir, "archive.db");
    const store = openSqliteStore(db);
    await store.put(fixtureDocuments().map((doc) => ({ doc, sourceKey: doc.article.source! })));
    await store.close();
    const server = start(["--db", db, "--port", "0"]);
    const url = await server.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const stats = await (await fetch(`${url}api/stats`)).json();
    expect(stats).toEqual({ articles: 4, stories: 3, sources: 4, events: 4 });
    expect(server.stderr()).toContain("4 articles, 4 events");
    server.child.kill("SIGTERM");
    expect(await server.exit).toBe(0);
  });

  it.each([
    [["--db", join(dir, "missing.db")], 66, /no archive here; create it with `sitrep ingest/],
    [["--port", "99999"], 64, /not a port number/],
  ])("refuses %j with status %d", async (args, status, message) => {
    const server = start(args);
    expect(await server.exit).toBe(status);
    expect(server.stderr()).toMatch(message);
  });
});
