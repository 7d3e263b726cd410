// One behaviour for every archive store (STYLE.md §11): the SQLite store runs this suite in
// index.test.ts, and a PostgreSQL store must pass the same tests before it can be used.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SitrepDocument } from "../core/schema.js";
import { fixtureDocuments, hostileMarkup, khartoumProtest, mosulAttack } from "./test-utils/fixtures.js";
import type { ArchiveStore, EventQuery, StoreInput } from "./types.js";

const asInputs = (docs: SitrepDocument[]): StoreInput[] =>
  docs.map((doc) => ({ doc, sourceKey: doc.article.source ?? doc.article.id }));

/** Define the conformance tests for a store; `open` gives a new, empty store each time. */
export function storeConformance(name: string, open: () => Promise<ArchiveStore>): void {
  describe(`archive store conformance: ${name}`, () => {
    let store: ArchiveStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it("stores new articles and links a wire copy to its first copy", async () => {
      const outcomes = await store.put(asInputs(fixtureDocuments()));
      const [original, copy, other] = outcomes;
      expect(outcomes.map((o) => o.status)).toEqual(["stored", "stored", "stored", "stored"]);
      expect(copy!.copyOf).toBe(original!.id);
      expect(copy!.story).toBe(original!.id);
      expect(other!.copyOf).toBeUndefined();
      expect(other!.story).toBe(other!.id);
      expect(await store.stats()).toEqual({ articles: 4, stories: 3, sources: 4, events: 4 });
    });

    it("stores two copies with different boilerplate as one story with two articles", async () => {
      const a = mosulAttack("https://one.example.com/a", "Attack near Mosul", "(c) One Example News 2024");
      const b = mosulAttack(
        "https://two.example.org/b",
        "Soldiers killed in Iraq",
        "Read more stories like this one: sign up for our newsletter today.",
      );
      expect(a.article.id).not.toBe(b.article.id);
      await store.put(asInputs([a, b]));
      const story = await store.articles({ story: a.article.id });
      expect(story.items.map((s) => s.id).sort()).toEqual([a.article.id, b.article.id].sort());
      const events = await store.events({ type: "ASSAULT" });
      expect(events.total).toBe(1);
      expect(events.items[0]).toMatchObject({ numArticles: 2, numSources: 2, article: a.article.id });
    });

    it("lists the copies of an article's story, from any of them", async () => {
      const docs = fixtureDocuments();
      await store.put(asInputs(docs));
      const copies = await store.articles({ sameStoryAs: docs[1]!.article.id });
      expect(copies.items.map((a) => a.id).sort()).toEqual([docs[0]!.article.id, docs[1]!.article.id].sort());
      expect(copies.items.find((a) => a.id === docs[1]!.article.id)).toMatchObject({
        copyOf: docs[0]!.article.id,
        outlet: "daily.example.org",
      });
      expect((await store.articles({ sameStoryAs: docs[2]!.article.id })).total).toBe(1);
    });

    it("does not link unrelated stories", async () => {
      const outcomes = await store.put(asInputs([mosulAttack(), khartoumProtest(), hostileMarkup()]));
      expect(new Set(outcomes.map((o) => o.story)).size).toBe(3);
    });

    it("stores nothing twice when the same inputs come again", async () => {
      await store.put(asInputs(fixtureDocuments()));
      const again = await store.put(asInputs(fixtureDocuments()));
      expect(again.map((o) => o.status)).toEqual(["duplicate", "duplicate", "duplicate", "duplicate"]);
      expect(await store.stats()).toEqual({ articles: 4, stories: 3, sources: 4, events: 4 });
    });

    it("remembers a new source for a text it already has and counts it for the story", async () => {
      const doc = khartoumProtest();
      await store.put([{ doc, sourceKey: "https://news.example.net/africa/khartoum-march" }]);
      const mirror = structuredClone(doc);
      mirror.article.source = "https://mirror.example.com/khartoum";
      const [outcome] = await store.put([{ doc: mirror, sourceKey: "https://mirror.example.com/khartoum" }]);
      expect(outcome).toMatchObject({ status: "duplicate", id: doc.article.id });
      expect((await store.stats()).articles).toBe(1);
      const events = await store.events({});
      expect(events.items[0]).toMatchObject({ numArticles: 2, numSources: 2 });
      const known = await store.knownSources([
        "https://mirror.example.com/khartoum",
        "https://elsewhere.example",
      ]);
      expect([...known]).toEqual(["https://mirror.example.com/khartoum"]);
    });

    it("gives back each article's full document unchanged", async () => {
      const docs = fixtureDocuments();
      await store.put(asInputs(docs));
      for (const doc of docs) expect(await store.document(doc.article.id)).toEqual(doc);
      expect(await store.document("0000000000000000")).toBeNull();
    });

    it.each([
      ["Khartoum", 1],
      ["soldiers", 2],
      ["reinforce*", 2],
      ['"unbalanced quote AND (', 0],
      ["nowhere-to-be-found", 0],
    ])("finds articles by full-text search %j", async (q, count) => {
      await store.put(asInputs(fixtureDocuments()));
      expect((await store.articles({ q })).total).toBe(count);
    });

    it.each([
      [{ from: "2024-04" }, 2],
      [{ to: "2024-03" }, 2],
      [{ from: "2024-04-01", to: "2024-04-30" }, 1],
      [{ from: "2025" }, 0],
    ])("filters articles by date %j", async (range, count) => {
      await store.put(asInputs(fixtureDocuments()));
      expect((await store.articles(range)).total).toBe(count);
    });

    it.each<[EventQuery, string[]]>([
      [{}, ["ASSAULT", "COERCE", "MOBILIZE", "PROTEST"]],
      [{ type: "ASSAULT" }, ["ASSAULT"]],
      [{ type: "assault,protest" }, ["ASSAULT", "PROTEST"]],
      [{ actor: "IRQMIL" }, ["ASSAULT", "MOBILIZE"]],
      [{ actor: "militants" }, ["ASSAULT"]],
      [{ actor: "100%_" }, []],
      [{ country: "sd" }, ["PROTEST"]],
      [{ from: "2024-03-04" }, ["COERCE", "MOBILIZE", "PROTEST"]],
      [{ to: "2024-03" }, ["ASSAULT", "MOBILIZE"]],
      [{ bbox: "40,30,50,40" }, ["ASSAULT", "MOBILIZE"]],
      [{ bbox: "-20,-10,35,20" }, ["COERCE", "PROTEST"]],
      [{ type: "ASSAULT", country: "SD" }, []],
    ])("filters events %j, counting wire copies once", async (query, types) => {
      await store.put(asInputs(fixtureDocuments()));
      const page = await store.events({ ...query, limit: 50 });
      expect(page.items.map((e) => e.type).sort()).toEqual(types);
      expect(page.total).toBe(types.length);
    });

    it("gives each event its date, place, actors, sentence and rule", async () => {
      await store.put(asInputs(fixtureDocuments()));
      const [assault] = (await store.events({ type: "ASSAULT" })).items;
      expect(assault).toMatchObject({
        date: "2024-03-03",
        actor1: "Militants",
        actor2: "Iraqi army",
        actor2Code: "IRQMIL",
        country: "IQ",
        place: "50 km S of Mosul",
        fatalities: 3,
        trigger: "attacked",
        rule: "fixture:verb-attack",
        numArticles: 2,
        numSources: 2,
      });
      expect(assault!.sentence).toMatch(/^Militants attacked .* said\.$/);
    });

    it("pages through events", async () => {
      await store.put(asInputs(fixtureDocuments()));
      const first = await store.events({ limit: 3 });
      const rest = await store.events({ limit: 3, offset: 3 });
      expect(first.items).toHaveLength(3);
      expect(rest.items).toHaveLength(1);
      expect(rest.total).toBe(4);
    });

    it("counts events per day for the timeline", async () => {
      await store.put(asInputs(fixtureDocuments()));
      expect(await store.timeline({})).toEqual([
        { date: "2024-03-03", events: 1 },
        { date: "2024-03-04", events: 1 },
        { date: "2024-04-12", events: 1 },
        { date: "2024-05-06", events: 1 },
      ]);
      expect(await store.timeline({ type: "PROTEST" })).toEqual([{ date: "2024-04-12", events: 1 }]);
    });

    it("lists entities with the articles that mention them", async () => {
      await store.put(asInputs(fixtureDocuments()));
      const page = await store.entities({ q: "iraqi" });
      expect(page.items).toEqual([
        {
          name: "Iraqi army",
          type: "ORG",
          actorCode: "IRQMIL",
          country: "IRQ",
          sector: "MIL",
          articles: 2,
          mentions: 6,
        },
      ]);
      expect((await store.entities({ type: "PERSON" })).total).toBe(3);
    });

    it("returns each listing's rows in their published shape, no more and no less", async () => {
      await store.put(asInputs(fixtureDocuments()));
      const keys = (row: object | undefined) => Object.keys(row ?? {}).sort();
      const [article] = (await store.articles({})).items;
      expect(keys(article)).toEqual(
        ["copyOf", "events", "id", "outlet", "published", "quotes", "source", "story", "title"].sort(),
      );
      expect(keys((await store.articles({ q: "Khartoum" })).items[0])).toContain("snippet");
      const [event] = (await store.events({})).items;
      expect(keys(event)).toEqual(
        [
          "actor1",
          "actor1Code",
          "actor2",
          "actor2Code",
          "article",
          "cameo",
          "country",
          "date",
          "fatalities",
          "id",
          "lat",
          "lon",
          "modality",
          "mode",
          "numArticles",
          "numSources",
          "place",
          "precision",
          "rule",
          "sentence",
          "source",
          "story",
          "trigger",
          "type",
        ].sort(),
      );
      const quotes = (await store.quotes({})).items;
      expect(quotes.map((q) => typeof q.anonymous)).toEqual(quotes.map(() => "boolean"));
      expect(quotes.some((q) => q.anonymous)).toBe(true);
      expect(keys(quotes[0])).toEqual(
        [
          "anonymous",
          "article",
          "cue",
          "description",
          "end",
          "id",
          "kind",
          "published",
          "speaker",
          "start",
          "text",
        ].sort(),
      );
    });

    it("lists one article's own quotes, a wire copy's too", async () => {
      const docs = fixtureDocuments();
      await store.put(asInputs(docs));
      const copy = await store.quotes({ article: docs[1]!.article.id });
      expect(copy.items.map((q) => [q.article, q.id])).toEqual([
        [docs[1]!.article.id, "q1"],
        [docs[1]!.article.id, "q2"],
      ]);
    });

    it.each([
      [{ speaker: "Karim" }, 1],
      [{ speaker: "teacher" }, 1],
      [{ anonymous: "true" as const }, 1],
      [{ speaker: "nobody" }, 0],
    ])("finds quotes by speaker %j, a wire story's once", async (query, count) => {
      await store.put(asInputs(fixtureDocuments()));
      const page = await store.quotes(query);
      expect(page.total).toBe(count);
      for (const q of page.items) {
        const doc = await store.document(q.article);
        expect(doc!.article.text.slice(q.start, q.end)).toBe(q.text);
      }
    });
  });
}
