// The sitrep/1 contract on every fixture: the document validates against the zod schema, and
// every annotation's text is exactly the slice of article.text its offsets name (STYLE.md §1).
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SitrepDocument } from "../src/core/schema.js";
import { readRecords } from "../src/ingest/index.js";
import { extract } from "../src/pipeline.js";

const examples = new URL("../examples/articles/", import.meta.url);
const fixtures: [string, () => SitrepDocument[]][] = readdirSync(examples).map((name) => [
  name,
  () => {
    const raw = readFileSync(new URL(name, examples), "utf8");
    if (!name.endsWith(".jsonl")) return [extract(raw, { source: name, published: "2024-05-14" })];
    return [...readRecords(raw)].filter((r) => r.input).map((r) => extract(r.input!));
  },
]);

type Spanned = { start: number; end: number; text?: string };

function annotations(doc: SitrepDocument): [string, Spanned][] {
  const out: [string, Spanned][] = [];
  for (const s of doc.article.sections) out.push([`section ${s.kind}`, s]);
  for (const e of doc.entities) for (const m of e.mentions) out.push([`entity ${e.id} mention`, m]);
  for (const q of doc.quotes) {
    out.push([`quote ${q.id}`, q]);
    if (q.cue) out.push([`quote ${q.id} cue`, q.cue]);
    if (q.speaker.span) out.push([`quote ${q.id} speaker`, q.speaker.span]);
  }
  for (const layer of ["quantities", "times", "places"] as const)
    for (const x of doc[layer]) out.push([`${layer} ${x.id}`, x]);
  for (const e of doc.events) {
    out.push([`event ${e.id} trigger`, e.trigger]);
    out.push([`event ${e.id} sentence`, e.sentence]);
  }
  for (const m of doc.messages)
    if (m.start !== undefined && m.end !== undefined) out.push([`message ${m.code}`, m as Spanned]);
  return out;
}

describe.each(fixtures)("%s", (_name, load) => {
  const docs = load();

  it("validates against the sitrep/1 schema", () => {
    for (const doc of docs) expect(() => SitrepDocument.parse(doc)).not.toThrow();
  });

  it("has text === article.text.slice(start, end) for every annotation", () => {
    for (const doc of docs) {
      const text = doc.article.text;
      for (const [what, a] of annotations(doc)) {
        expect(a.start, what).toBeLessThanOrEqual(a.end);
        expect(a.end, what).toBeLessThanOrEqual(text.length);
        if (a.text !== undefined) expect(text.slice(a.start, a.end), what).toBe(a.text);
      }
    }
  });

  it("links only to ids that exist", () => {
    for (const doc of docs) {
      const ids = new Set(
        [...doc.entities, ...doc.quotes, ...doc.places, ...doc.times, ...doc.quantities].map((x) => x.id),
      );
      for (const e of doc.events) {
        for (const id of [...e.source, ...e.target, ...e.quantities])
          expect(ids.has(id), `${e.id} -> ${id}`).toBe(true);
        for (const id of [e.place, e.time, e.attribution])
          if (id) expect(ids.has(id), `${e.id} -> ${id}`).toBe(true);
      }
      for (const p of doc.places)
        if (p.relative) expect(ids.has(p.relative.of), `${p.id} relative`).toBe(true);
      for (const q of doc.quotes)
        if (q.speaker.entity) expect(ids.has(q.speaker.entity), `${q.id} speaker`).toBe(true);
    }
  });

  it("is deterministic: the same input gives the same document", () => {
    expect(JSON.stringify(load())).toBe(JSON.stringify(docs));
  });
});
