import { describe, expect, it } from "vitest";
import { distanceKm } from "./geo.js";
import { containsPoint, conventionalPoint, countryPoints, type Topology } from "./outlines.js";
import { squareRing as square } from "./test-utils/shapes.js";

/** A topology without quantisation: one arc per ring, one geometry per country. */
function topology(countries: Record<string, [number, number][][][]>): Topology {
  const arcs: [number, number][][] = [];
  const geometries = Object.entries(countries).map(([id, polygons]) => ({
    type: "MultiPolygon",
    id,
    arcs: polygons.map((rings) => rings.map((ring) => [arcs.push(ring) - 1])),
  }));
  return { arcs, objects: { countries: { type: "GeometryCollection", geometries } } };
}

describe("countryPoints", () => {
  it.each([
    // A mainland and a far island (Alaska to the contiguous states): the island is left out.
    ["a far island", [[square(-110, 35, 10)], [square(-160, 60, 6)]], 40, -105],
    // Two islands of one country close together (New Zealand): both count, by area.
    ["two near islands", [[square(170, -45, 4)], [square(176, -40, 4)]], -40.4, 175.1],
    // A hole (a lake, an enclave) in the east half pulls the point west.
    ["a hole", [[square(10, 0, 10), square(15, 1, 4)]], 5.38, 14.62],
    // An island across the 180th meridian (Fiji): the point stays by the meridian, not at 0.
    [
      "the 180th meridian",
      [
        [
          [
            [178, -18],
            [-178, -18],
            [-178, -14],
            [178, -14],
            [178, -18],
          ],
        ],
      ],
      -16,
      180,
    ],
  ] as const)("places a country with %s", (_label, polygons, lat, lon) => {
    const point = countryPoints(topology({ "999": polygons as unknown as [number, number][][][] })).get(
      "999",
    );
    expect(point).toBeDefined();
    expect(distanceKm(point!.lat, point!.lon, lat, lon)).toBeLessThan(30);
  });

  it("decodes quantised, delta-encoded arcs", () => {
    const quantised: Topology = {
      transform: { scale: [0.5, 0.5], translate: [0, 0] },
      arcs: [
        [
          [0, 0],
          [20, 0],
          [0, 20],
          [-20, 0],
          [0, -20],
        ],
      ],
      objects: {
        countries: { type: "GeometryCollection", geometries: [{ type: "Polygon", id: "1", arcs: [[0]] }] },
      },
    };
    // 0-10 N, 0-10 E: the middle by area lies south of 5 N, where a degree of longitude is wider.
    expect(countryPoints(quantised).get("1")).toEqual({ lat: 4.9809, lon: 5 });
  });

  it.each([
    // A degree of longitude at 70 N is a third of one at the equator: the land's middle by area
    // lies where half of it is either side, 29.5 N, not halfway up the map at 40 N.
    ["a tall square", [[square(0, 0, 80)]], 29.5, 40],
    // Mirrored south of the equator.
    ["a tall southern square", [[square(0, -80, 80)]], -29.5, 40],
    // Near the equator the two agree.
    ["a small square", [[square(10, -2, 4)]], 0, 12],
  ] as const)("weighs land by its area on the globe: %s", (_label, polygons, lat, lon) => {
    const point = countryPoints(topology({ "7": polygons as unknown as [number, number][][][] })).get("7");
    expect(point?.lat).toBeCloseTo(lat, 1);
    expect(point?.lon).toBeCloseTo(lon, 1);
  });

  it.each([
    ["no id", { type: "Polygon", arcs: [[0]] }],
    ["no arcs", { type: "Polygon", id: "2" }],
    ["a point", { type: "Point", id: "3" }],
  ])("leaves out a geometry with %s", (_label, geometry) => {
    const t: Topology = {
      arcs: [square(0, 0, 1)],
      objects: { countries: { type: "GeometryCollection", geometries: [geometry] } },
    };
    expect(countryPoints(t).size).toBe(0);
  });
});

describe("conventionalPoint", () => {
  const factbook = { lat: 38, lon: -97 };
  it.each([
    // A large country whose whole-degree point is a little off its landmass middle: the middle.
    ["a large country, 250 km apart", { lat: 39.5, lon: -99.1 }, 9_800_000, "outline"],
    // A middle-sized strip or island chain 170 km off: the Factbook point stays.
    ["a middle-sized country, 170 km apart", { lat: 39.5, lon: -97.3 }, 330_000, "factbook"],
    // A small country where both agree to a few kilometres: the finer outline point.
    ["a small country, 5 km apart", { lat: 38.04, lon: -97.02 }, 20_000, "outline"],
    // No outline for the country (an overseas department): the Factbook point.
    ["no outline", undefined, 2_500, "factbook"],
    // An area of zero (bad data) never trusts the outline.
    ["no area", { lat: 38.04, lon: -97.02 }, 0, "factbook"],
  ] as const)("with %s takes the %s point", (_label, outline, area, expected) => {
    const point = conventionalPoint(factbook, outline, area);
    expect(point).toEqual(expected === "outline" ? outline : factbook);
  });
});

describe("containsPoint", () => {
  // A 10-degree square with a 4-degree hole in its east half (a lake, an enclave).
  const withHole = [[square(10, 0, 10), square(15, 1, 4)]];
  it.each([
    ["the middle of its west half", 5, 12, true],
    ["inside the hole", 3, 17, false],
    ["east of it", 5, 25, false],
    ["north of it", 12, 12, false],
    ["between the hole and the east edge", 3, 19.5, true],
  ])("a point at %s: %s", (_label, lat, lon, inside) => {
    expect(containsPoint(withHole, lat, lon)).toBe(inside);
  });
});
