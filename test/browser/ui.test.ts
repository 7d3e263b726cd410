// The web UI in a real browser: Debian's Chromium driven by playwright-core. Loads the UI over
// a small fixture archive, filters events, opens an article and sees its highlighted quotes,
// checks that markup in article text stays inert, and saves screenshots to test-results/.
// Skips, saying why, when playwright-core or Chromium is missing (scripts/setup-chromium.sh).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../src/server/index.js";
import { openSqliteStore, type SqliteStore } from "../../src/store/sqlite.js";
import { fixtureDocuments, hostileMarkup, mosulAttack } from "../../src/store/test-utils/fixtures.js";

const CHROMIUM = "/usr/bin/chromium";
const RESULTS = new URL("../../test-results/", import.meta.url).pathname;

type Playwright = typeof import("playwright-core");
let playwright: Playwright | null = null;
try {
  playwright = await import("playwright-core");
} catch {
  playwright = null;
}
const missing = !playwright
  ? "playwright-core is not installed (npm install)"
  : !existsSync(CHROMIUM)
    ? `${CHROMIUM} is missing (run scripts/setup-chromium.sh)`
    : null;
if (missing) console.warn(`browser test skipped: ${missing}`);

describe.skipIf(missing !== null)("web UI in Chromium", () => {
  let store: SqliteStore;
  let server: RunningServer;
  let context: Awaited<ReturnType<Playwright["chromium"]["launchPersistentContext"]>>;
  const profile = mkdtempSync(join(tmpdir(), "sitrep-chromium-"));

  beforeAll(async () => {
    store = openSqliteStore(":memory:");
    await store.put(fixtureDocuments().map((doc) => ({ doc, sourceKey: doc.article.source! })));
    server = await startServer(store, { port: 0 });
    // A persistent context is how playwright takes a fresh --user-data-dir of our own.
    context = await playwright!.chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1500, height: 950 },
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    context.setDefaultTimeout(5000);
    mkdirSync(RESULTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await store?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it("shows events on the map, the timeline and the table, and filters them", async () => {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector(".land path");
    await expect.poll(() => page.locator("circle.dot").count()).toBe(4);
    expect(await page.locator(".timeline .bar").count()).toBe(4);
    expect(await page.locator("#table tbody tr").count()).toBe(4);
    await page.screenshot({ path: join(RESULTS, "map.png") });

    // Rows open from the keyboard as well as by click.
    await page.locator("#table tbody tr").last().focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.url()).toContain("article=");
    await page.goto(server.url);
    await page.waitForSelector("#table tbody tr");

    await page.fill("#filters input[name=type]", "ASSAULT");
    await page.click("#filters button[type=submit]");
    await expect.poll(() => page.locator("#table tbody tr").count()).toBe(1);
    expect(await page.locator("circle.dot").count()).toBe(1);
    expect(await page.locator("#table tbody tr td").nth(7).textContent()).toBe("2");
    expect(page.url()).toContain("type=ASSAULT");

    // From an entity to its events: the Iraqi army acts in two events, counted once per story.
    await page.click("#filters button[type=reset]");
    await page.click(".tabs [data-tab=entities]");
    // The entity table replaces the event table once its data arrives: wait for its header.
    await expect.poll(() => page.locator("#table thead").textContent()).toContain("Actor code");
    await page.locator("#table tbody tr", { hasText: "Iraqi army" }).click();
    await expect.poll(() => page.locator("#table tbody tr").count()).toBe(2);
    expect(page.url()).toContain("actor=IRQMIL");
    await page.close();
  });

  it("opens an article from the table with its quotes highlighted and the event's sentence in view", async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}#type=ASSAULT`);
    await page.locator("#table tbody tr").first().click();
    await page.waitForSelector("#reader .hl-quote");
    expect(await page.locator("#reader .section-headline").textContent()).toBe(mosulAttack().article.title);
    // One named speaker and one anonymous source, in different colours; the anonymous one is flagged.
    expect(await page.locator("#reader .article-text .hl-quote.spk-0").count()).toBeGreaterThan(0);
    expect(await page.locator("#reader .article-text .hl-quote.anonymous").count()).toBeGreaterThan(0);
    expect(await page.locator("#reader .anon-flag").count()).toBe(1);
    expect(await page.locator("#reader .hl-place").count()).toBeGreaterThan(0);
    expect(await page.locator("#reader .article-text .hl-time").textContent()).toBe("Sunday");
    // The event's sentence is marked, and the event lists its rule.
    const focused = await page.locator("#reader .article-text .focus").allTextContents();
    expect(focused.join("")).toMatch(/^Militants attacked .* said\.$/);
    expect(await page.locator("#reader .event-item.current").textContent()).toContain("fixture:verb-attack");
    // The story's other copy is listed, one click away.
    await expect
      .poll(() => page.locator("#reader .copies").textContent())
      .toContain("Carried by 2 articles from 2 outlets");
    expect(await page.locator("#reader .copies li").textContent()).toContain("daily.example.org");
    // A click on a marked word says what was extracted from it.
    await page.locator("#reader .article-text .hl-time").click();
    expect(await page.locator("#reader .details").textContent()).toContain("2024-03-03");
    await page.screenshot({ path: join(RESULTS, "reader.png") });
    await page.close();
  });

  it("renders markup in article text as inert words", async () => {
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const doc = hostileMarkup();
    await page.goto(`${server.url}#article=${doc.article.id}`);
    await page.waitForSelector("#reader .hl-quote");
    expect(await page.locator("#reader .section-headline").textContent()).toContain(
      "<script>window.__pwned = 1</script>",
    );
    expect(await page.locator("#reader .article-text").textContent()).toContain(
      '<img src=x onerror="window.__pwned = 2">',
    );
    expect(await page.locator("#reader script, #reader img, #reader b").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: join(RESULTS, "reader-markup.png") });
    await page.close();
  });
});
