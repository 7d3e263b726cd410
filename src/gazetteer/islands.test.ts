import { describe, expect, it } from "vitest";
import { IslandListSchema, type IslandTown, placeIslands } from "./islands.js";
import type { Polygon } from "./outlines.js";
import { squareRing } from "./test-utils/shapes.js";

const square = (west: number, south: number, size: number): Polygon => [squareRing(west, south, size)];

// An island shared by two countries, one of one country, and a continent-sized piece.
const land: Polygon[] = [square(110, -2, 4), square(120, 10, 2), square(0, 0, 40)];

const towns: Record<string, { lat: number; lon: number }> = {
  "Shared Port|AA": { lat: 0, lon: 111 },
  "Coast Town|BB": { lat: 11, lon: 122.05 },
  "Inland City|CC": { lat: 20, lon: 20 },
};
const countryTowns: IslandTown[] = [
  { lat: 0, lon: 111, country: "AA" },
  { lat: 1, lon: 113, country: "DD" },
  { lat: 11, lon: 121, country: "BB" },
];

const list = IslandListSchema.parse({
  islands: [
    { name: "Shared Island", town: "Shared Port", country: "AA" },
    // The town lies just off the drawn coast, as ports do on a coarse outline.
    { name: "Small Island", alternates: ["Old Name"], town: "Coast Town", country: "BB" },
    { name: "Mainland", town: "Inland City", country: "CC" },
    { name: "Nowhere Island", town: "No Such Town", country: "AA" },
  ],
});

describe("placeIslands", () => {
  const { placed, missing } = placeIslands(
    list,
    land,
    (town, country) => towns[`${town}|${country}`],
    countryTowns,
  );
  const byName = new Map(placed.map((p) => [p.name, p]));

  it.each([
    ["Shared Island", "", 0, 112],
    ["Small Island", "BB", 11, 121],
  ])("places %s in %s at the middle of its land", (name, country, lat, lon) => {
    const island = byName.get(name);
    expect(island).toMatchObject({ country, lon });
    // The land's middle by area: a hair south of the box's middle, as northern rows are narrower.
    expect(island?.lat).toBeCloseTo(lat, 1);
  });

  it("keeps the alternates and measures the area", () => {
    const small = byName.get("Small Island")!;
    expect(small.alternates).toEqual(["Old Name"]);
    // 2 x 2 degrees at 11 N: about 48,000 km².
    expect(small.areaKm2).toBeGreaterThan(45_000);
    expect(small.areaKm2).toBeLessThan(50_000);
  });

  it.each(["Mainland", "Nowhere Island"])("leaves out %s (a continent, or no town)", (name) => {
    expect(byName.has(name)).toBe(false);
    expect(missing).toContain(name);
  });

  it("rejects a name listed twice, accents aside", () => {
    expect(() =>
      IslandListSchema.parse({
        islands: [
          { name: "Honshu", town: "Tokyo", country: "JP" },
          { name: "Honshū", town: "Osaka", country: "JP" },
        ],
      }),
    ).toThrow();
  });
});
