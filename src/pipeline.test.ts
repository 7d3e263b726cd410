import { describe, expect, it } from "vitest";
import { defaultStages } from "./extract/index.js";
import { extract } from "./pipeline.js";

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
