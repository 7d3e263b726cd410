import { describe, expect, it } from "vitest";
import { type CountyTown, CountyWordsSchema, placeCounties, placeStates } from "./counties.js";
import type { Topology } from "./outlines.js";
import { squareRing as square } from "./test-utils/shapes.js";

const words = CountyWordsSchema.parse({
  typeWord: "County",
  typeWordByState: { Louisiana: "Parish" },
  spelledOut: { "St.": "Saint" },
});

/** One unquantised arc per square; states and counties as the Census Bureau's atlas names them. */
function atlas(
  states: [string, string][],
  counties: [id: string, name: string, west: number, south: number][],
): Topology {
  const arcs: [number, number][][] = [];
  const geometry = (id: string, name: string, west: number, south: number) => ({
    type: "Polygon",
    id,
    properties: { name },
    arcs: [[arcs.push(square(west, south, 1)) - 1]],
  });
  return {
    arcs,
    objects: {
      states: {
        type: "GeometryCollection",
        geometries: states.map(([id, name], i) => geometry(id, name, -100 + i * 5, 30)),
      },
      counties: {
        type: "GeometryCollection",
        geometries: counties.map(([id, name, west, south]) => geometry(id, name, west, south)),
      },
    },
  };
}

const topology = atlas(
  [
    ["24", "Maryland"],
    ["22", "Louisiana"],
    ["51", "Virginia"],
    ["11", "District of Columbia"],
    ["72", "Puerto Rico"],
  ],
  [
    ["24021", "Frederick", -78, 39],
    ["22087", "St. Bernard", -90, 29.5],
    ["51760", "Richmond", -78, 37],
    ["51159", "Richmond", -77, 37.5],
    ["11001", "District of Columbia", -77.5, 38.5],
    ["72127", "San Juan", -66.5, 18],
  ],
);

const towns: CountyTown[] = [
  { lat: 39.4, lon: -77.4, admin1: "MD", population: 70_000 },
  { lat: 39.6, lon: -77.7, admin1: "MD", population: 5_000 },
  // Outside every county's outline.
  { lat: 45, lon: -77.5, admin1: "MD", population: 1_000_000 },
  { lat: 29.9, lon: -89.9, admin1: "LA", population: 30_000 },
];

describe("placeCounties", () => {
  const admin1s: Record<string, string> = { Maryland: "MD", Virginia: "VA" };
  const placed = placeCounties(topology, words, (state) => admin1s[state], towns);
  const byFips = new Map(placed.map((c) => [c.fips, c]));

  it.each([
    // A county: its type word, its state's code by name, the towns inside its outline summed.
    ["24021", "Frederick County", "MD", 75_000, []],
    // Louisiana's parishes; a state the lookup does not know takes its towns' code; "St." spelled out.
    ["22087", "St. Bernard Parish", "LA", 30_000, ["Saint Bernard Parish"]],
    ["51159", "Richmond County", "VA", 0, []],
  ])("places %s as %s", (fips, name, admin1, population, alternates) => {
    expect(byFips.get(fips)).toMatchObject({ name, admin1, population, alternates });
  });

  it.each([
    // Virginia's independent city of Richmond is the town, not "Richmond County".
    ["an independent city", "51760"],
    // The District of Columbia is a region of its own; Puerto Rico's municipios are no state's.
    ["the district named like its state", "11001"],
    ["a territory's municipio", "72127"],
  ])("leaves out %s", (_label, fips) => {
    expect(byFips.has(fips)).toBe(false);
  });

  it("puts the point in the middle of the outline", () => {
    const county = byFips.get("24021");
    expect(county?.lon).toBe(-77.5);
    expect(county?.lat).toBeCloseTo(39.5, 1);
  });

  it("rejects a state listed twice", () => {
    expect(() =>
      CountyWordsSchema.parse({
        typeWord: "County",
        typeWordByState: { Louisiana: "Parish", louisiana: "Parish" },
        spelledOut: {},
      }),
    ).toThrow();
  });
});

describe("placeStates", () => {
  const states = placeStates(topology);

  // The atlas lays the states out as one-degree squares from 100 W, 5 degrees apart, at 30-31 N.
  it.each([
    ["Maryland", -99.5],
    ["Louisiana", -94.5],
    ["Puerto Rico", -79.5],
  ])("puts %s at the middle of its outline", (name, lon) => {
    expect(states.get(name)?.lon).toBeCloseTo(lon, 3);
    expect(states.get(name)?.lat).toBeCloseTo(30.5, 1);
  });

  it("knows no state the atlas lacks", () => {
    expect(states.has("Ontario")).toBe(false);
  });
});
