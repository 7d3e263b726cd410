import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ErrorCode } from "./core/errors.js";
import { defaultStages } from "./extract/index.js";
import { defineStage } from "./extract/stage.js";
import { setEngineTokenBudget } from "./nlp/index.js";
import { extract, extractBatch } from "./pipeline.js";

const ARTICLE =
  "Port Workers Walk Out\n\nDock workers in the port city stopped work on Monday, a union official said.";
const FOREIGN = "Les dockers du port ont cessé le travail lundi, a déclaré un responsable syndical.";

describe("extract with onStage", () => {
  it("names ingest, nlp and every stage once, in pipeline order", () => {
    const steps: [string, number][] = [];
    extract(ARTICLE, { published: "2024-05-13", onStage: (name, ms) => steps.push([name, ms]) });
    expect(steps.map(([name]) => name)).toEqual(["ingest", "nlp", ...defaultStages.map((s) => s.name)]);
    for (const [, ms] of steps) expect(ms).toBeGreaterThanOrEqual(0);
  });

  it("leaves the document unchanged", () => {
    const plain = extract(ARTICLE, { published: "2024-05-13" });
    const timed = extract(ARTICLE, { published: "2024-05-13", onStage: () => {} });
    expect(timed).toEqual(plain);
  });

  it.each([
    ["English text", ARTICLE, true],
    ["text the English stages skip", FOREIGN, false],
  ])("times the NLP step only where it runs: %s", (_what, text, runsNlp) => {
    const names: string[] = [];
    extract(text, { onStage: (name) => names.push(name) });
    expect(names.includes("nlp")).toBe(runsNlp);
    expect(names[0]).toBe("ingest");
  });
});

/** The example articles that ship with the project, plain text and a web page. */
const EXAMPLES = [
  { input: readFileSync(new URL("../examples/articles/harbor-strike.txt", import.meta.url), "utf8") },
  { input: readFileSync(new URL("../examples/articles/flood-relief.txt", import.meta.url), "utf8") },
  {
    input: { html: readFileSync(new URL("../examples/articles/border-talks.html", import.meta.url), "utf8") },
    options: { published: "2024-03-02" },
  },
];

/**
 * Runs `fn` with a new wink-nlp engine for every document: the engine keeps the words it has
 * read, so two runs compare like with like only from the same state.
 */
function withFreshEngines<T>(fn: () => T): T {
  const old = setEngineTokenBudget(1);
  try {
    return fn();
  } finally {
    setEngineTokenBudget(old);
  }
}

describe("extractBatch", () => {
  it("gives each input the document extract() gives it", () => {
    const one = withFreshEngines(() => EXAMPLES.map((x) => extract(x.input, x.options)));
    const all = withFreshEngines(() => extractBatch(EXAMPLES));
    expect(all.map((r) => r.error)).toEqual([undefined, undefined, undefined]);
    expect(all.map((r) => r.document)).toEqual(one);
    expect(one[0]!.events.length).toBeGreaterThan(0);
  });

  it("costs an unreadable input only its own result, in its place", () => {
    const results = extractBatch([
      { input: ARTICLE, options: { published: "2024-05-13" } },
      { input: { format: "text" } },
      { input: new Uint8Array([0xff, 0xfe, 0x00, 0x00, 0x41]) },
      { input: "", options: { ref: "empty.txt" } },
      { input: FOREIGN },
    ]);
    expect(results).toHaveLength(5);
    expect(results[0]!.document?.events.length).toBeGreaterThan(0);
    expect(results[1]!.error?.code).toBe(ErrorCode.BAD_RECORD);
    expect([ErrorCode.BINARY, ErrorCode.INVALID_UTF8]).toContain(results[2]!.error?.code);
    expect(results[3]!.error?.code).toBe(ErrorCode.EMPTY);
    expect(results[4]!.document?.article.language).not.toBe("en");
    expect(results[4]!.document?.events).toEqual([]);
  });

  it("keeps a stage's failure on one document from the others", () => {
    const picky = defineStage({
      name: "quantities",
      requires: [],
      run: (doc) => {
        if (doc.text.includes("Harbor")) throw new Error("no harbors here");
        return { items: [] };
      },
    });
    const [bad, good] = extractBatch(
      [{ input: "Harbor Closes\n\nThe harbor closed on Monday." }, { input: ARTICLE }],
      { stages: [picky] },
    );
    expect(bad!.document?.messages).toContainEqual(
      expect.objectContaining({ code: ErrorCode.STAGE_FAILED, source: "quantities" }),
    );
    expect(good!.document?.messages.filter((m) => m.code === ErrorCode.STAGE_FAILED)).toEqual([]);
  });

  it("tells onStage each step once for the whole batch", () => {
    const names: string[] = [];
    extractBatch([{ input: ARTICLE }, { input: ARTICLE }, { input: FOREIGN }], {
      onStage: (name) => names.push(name),
    });
    expect(names).toEqual(["ingest", "nlp", ...defaultStages.map((s) => s.name)]);
  });

  it("answers an empty batch with no results", () => {
    expect(extractBatch([])).toEqual([]);
  });
});
