import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { emptyDocument, jsonSchema, SitrepDocument } from "./schema.js";

describe("the sitrep/1 JSON Schema", () => {
  it("is generated from the zod schemas, and the committed copy is up to date (regenerate: sitrep schema > schema/sitrep-1.schema.json)", () => {
    const committed = JSON.parse(
      readFileSync(new URL("../../schema/sitrep-1.schema.json", import.meta.url), "utf8"),
    );
    expect(committed).toEqual(jsonSchema());
  });

  it.each([
    ["a wrong schema version", { schema: "sitrep/2" }],
    ["a quote without a speaker", { quotes: [{ id: "q1", start: 0, end: 1, text: "x", kind: "direct" }] }],
    [
      "a place with a string latitude",
      {
        places: [
          {
            id: "p1",
            start: 0,
            end: 1,
            text: "x",
            name: "X",
            country: "XX",
            lat: "1",
            lon: 2,
            featureType: "city",
          },
        ],
      },
    ],
  ])("rejects %s", (_name, patch) => {
    const base = emptyDocument({
      id: "a",
      source: null,
      title: null,
      published: null,
      language: "en",
      text: "x",
      sections: [],
    });
    expect(SitrepDocument.safeParse(base).success).toBe(true);
    expect(SitrepDocument.safeParse({ ...base, ...patch }).success).toBe(false);
  });
});
