import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGazetteer, stripCompass } from "./build.js";
import { type Gazetteer, openGazetteer } from "./index.js";
import {
  listedOnly,
  placeSubdivisions,
  type Subdivision,
  SubdivisionWordsSchema,
  stripTypeWords,
  type Town,
} from "./subdivisions.js";

const words = {
  typeWords: ["Sheng", "oblast'", "Respublika", "Province", "District"],
  forms: ["{name} Province", "state of {name}"],
  compassWords: ["north", "south", "east", "west", "upper", "lower", "sud"],
  genericWords: ["highlands"],
};
const typeWords = new Set([
  "sheng",
  "oblast",
  "respublika",
  "province",
  "district",
  "autonomous",
  "republic",
]);

describe("stripTypeWords", () => {
  it.each([
    ["Guangdong Sheng", "Guangdong"],
    ["Adygeya, Respublika", "Adygeya"],
    ["Amurskaya oblast'", "Amurskaya"],
    ["California", "California"],
    // A leading type word is part of the name.
    ["District of Columbia", "District of Columbia"],
    // Two type words before "of" are a title: the name follows.
    ["Autonomous Republic of Crimea", "Crimea"],
    ["Autonomous Province of Kosovo", "Kosovo"],
    // One is part of the name, and "of" ending a name leaves it whole.
    ["Republic of Adygea", "Republic of Adygea"],
    ["Autonomous Republic of", "Autonomous Republic of"],
    // A name made of a type word alone stays whole.
    ["Province", "Province"],
  ])("%s -> %s", (name, stripped) => {
    expect(stripTypeWords(name, typeWords)).toBe(stripped);
  });
});

describe("stripCompass", () => {
  const compass = ["del norte", "north", "south", "nord", "west", "central"];
  it.each([
    ["North Darfur", "Darfur"],
    ["Nord-Kivu", "Kivu"],
    ["Agusan del Norte", "Agusan"],
    ["Central Darfur", "Darfur"],
    ["Western Cape", undefined],
    ["Northland", undefined],
  ])("%s -> %s", (name, stem) => {
    expect(stripCompass(name, compass)).toBe(stem);
  });
});

describe("SubdivisionWordsSchema", () => {
  it.each([[{ typeWords: ["Sheng", "sheng"], forms: [] }], [{ typeWords: [], forms: ["Province"] }]])(
    "rejects %j",
    (value) => {
      expect(SubdivisionWordsSchema.safeParse(value).success).toBe(false);
    },
  );
});

const town = (
  name: string,
  country: string,
  admin1: string,
  lat: number,
  lon: number,
  code = "PPL",
  population = 1000,
  names: string[] = [name],
): Town => ({ name, country, admin1, code, population, lat, lon, names });

// XA: GeoNames admin1 codes are the ISO suffixes (letters). XB: numeric codes that coincide
// with ISO's but mean other provinces; seats tell which is which.
const towns: Town[] = [
  town("Aville", "XA", "NO", 10, 10, "PPLA", 50_000),
  town("Atown", "XA", "NO", 10.4, 10.4),
  town("Far Miscoded", "XA", "NO", 30, 30),
  town("Bville", "XA", "SO", 5, 10, "PPLA"),
  town("Cville", "XA", "EA", 5, 15, "PPLA"),
  town("Ankora", "XB", "68", 40, 33, "PPLC", 4_000_000),
  town("Bitlos", "XB", "13", 38.5, 42, "PPLA", 50_000),
  town("Adanna", "XB", "81", 37, 35.3, "PPLA", 1_000_000, ["Adanna", "Al Adanna"]),
  town("Smalltown", "XB", "06", 41, 29),
  town("Twin", "XB", "20", 39, 30, "PPLA"),
  town("Twin", "XB", "21", 39.5, 31, "PPLA"),
];
const subdivisions: Subdivision[] = [
  { code: "XA-NO", name: "Northland", parent: "XA" },
  { code: "XA-SO", name: "Southland", parent: "XA" },
  { code: "XA-EA", name: "Eastland", parent: "XA" },
  { code: "XA-WE", name: "Westland", parent: "XA" },
  { code: "XB-06", name: "Ankora", parent: "XB" },
  { code: "XB-13", name: "Bitlos Province", parent: "XB" },
  { code: "XB-01", name: "Adanna", parent: "XB" },
  { code: "XB-68", name: "Aksaray", parent: "XB" },
  { code: "XB-20", name: "Twin", parent: "XB" },
  { code: "XB-99", name: "Nowhere", parent: "XB" },
];

describe("placeSubdivisions", () => {
  const { placed, stats } = placeSubdivisions(subdivisions, towns, words);
  const byCode = new Map(placed.map((p) => [p.subdivision.code, p]));

  it.each([
    ["XA-NO", "NO", "code"],
    ["XA-SO", "SO", "code"],
    ["XA-EA", "EA", "code"],
    // ISO "06" is GeoNames "68": the seat decides, and "68" is not handed to Aksaray.
    ["XB-06", "68", "seat"],
    ["XB-13", "13", "seat"],
    ["XB-01", "81", "seat"],
  ])("%s -> admin1 %s by %s", (code, admin1, route) => {
    expect(byCode.get(code)).toMatchObject({ admin1, route });
  });

  it.each([
    ["XA-WE", "no towns with its code"],
    ["XB-68", "its code is another province's"],
    ["XB-20", "two seats bear its name"],
    ["XB-99", "no seat bears its name"],
  ])("leaves %s unmapped: %s", (code) => {
    expect(byCode.has(code)).toBe(false);
  });

  it("counts the routes", () => {
    expect(stats).toMatchObject({ considered: 10, byCode: 3, bySeat: 3, unmapped: 4 });
  });

  it("puts the point among the admin1's towns, without the far outlier", () => {
    const north = byCode.get("XA-NO")!;
    expect(north.lat).toBeCloseTo(10.2, 1);
    expect(north.lon).toBeCloseTo(10.2, 1);
  });

  it("measures a region across the 180th meridian the short way round", () => {
    const { placed } = placeSubdivisions(
      [{ code: "XF-E", name: "Eastisle", parent: "XF" }],
      [
        town("Eastisle", "XF", "01", -17, 179, "PPLA", 20_000),
        town("Westcape", "XF", "01", -17.5, -179.6),
        town("Otherisle", "XF", "02", -18, 178),
      ],
      words,
    );
    expect(Math.abs(placed[0]!.lon)).toBeGreaterThan(179);
    expect(placed[0]!.lat).toBeCloseTo(-17.25, 2);
  });

  // A regions list's points, by ISO code: used only for what the towns leave untied.
  describe("with listed points", () => {
    const listed = new Map([
      ["XA-WE", { lat: 7, lon: 12 }],
      ["XA-NO", { lat: 20, lon: 20 }],
      ["XB-99", { lat: 38, lon: 31 }],
      ["XB-68", { lat: 80, lon: -120 }],
    ]);
    const withPoints = placeSubdivisions(subdivisions, towns, words, listed);
    const found = new Map(withPoints.placed.map((p) => [p.subdivision.code, p]));

    it.each([
      ["XA-WE", "point", 7, 12],
      ["XB-99", "point", 38, 31],
      // Tied through its towns: the towns' box wins over the listed point.
      ["XA-NO", "code", 10.2, 10.2],
    ])("%s is placed by %s at %s,%s", (code, route, lat, lon) => {
      const p = found.get(code);
      expect(p).toMatchObject({ route });
      expect(p!.lat).toBeCloseTo(lat, 1);
      expect(p!.lon).toBeCloseTo(lon, 1);
    });

    it("rejects a listed point outside its country's towns", () => {
      expect(found.has("XB-68")).toBe(false);
      expect(withPoints.stats).toMatchObject({ byPoint: 2, rejected: 1, unmapped: 1 });
    });

    describe("where ISO lists far more regions than GeoNames has admin1 codes", () => {
      // Britain: 200-odd counties and councils under four GeoNames nations.
      const councils: Subdivision[] = ["AA", "BB", "CC", "DD", "EE", "FF", "CA"].map((c) => ({
        code: `XC-${c}`,
        name: c === "CA" ? "Capital" : `Council ${c}`,
        parent: "XC",
      }));
      const { placed, stats } = placeSubdivisions(
        councils,
        [town("Capital", "XC", "ENG", 51, 0, "PPLC"), town("Farton", "XC", "ENG", 53, -1)],
        words,
        new Map(
          councils.map((c, i) => [
            c.code,
            c.code === "XC-CA" ? { lat: 51.1, lon: 0 } : { lat: 52 + i * 0.1, lon: 0 },
          ]),
        ),
      );
      const found = new Map(placed.map((p) => [p.subdivision.code, p]));

      it.each([["XC-AA"], ["XC-FF"]])("places %s as a second-level division by its listed point", (code) => {
        expect(found.get(code)).toMatchObject({ route: "point", admin1: "", level: 2 });
      });

      it("leaves out a council named after a town within it: the town keeps the name", () => {
        expect(found.has("XC-CA")).toBe(false);
        expect(stats).toMatchObject({ lowerByPoint: 6, namedAfterTown: 1, byPoint: 0 });
      });
    });
  });

  it("keeps the seat's name for a region named after it", () => {
    expect(byCode.get("XB-13")).toMatchObject({ shortName: "Bitlos", seatName: "Bitlos" });
  });
});

// The build on a sample cities file: the region and its name forms reach the index.
describe("building regions into the index", () => {
  let dir: string;
  let gazetteer: Gazetteer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "sitrep-regions-"));
    const cities = join(dir, "cities.txt");
    const row = (t: Town, id: number) =>
      [id, t.name, t.name, "", t.lat, t.lon, "P", t.code, t.country, "", t.admin1, "", "", "", t.population]
        .concat(["", 0, "UTC", "2020-01-01"])
        .join("\t");
    writeFileSync(
      cities,
      [
        ...towns.map((t, i) => row(t, 100 + i)),
        row(town("Northland", "XB", "13", 38.6, 42.1, "PPL", 800), 99),
        ...["01", "02", "03", "04"].map((admin1, i) =>
          row(town(`Dtown ${i}`, "XD", admin1, -12 + i, 9 + i), 90 + i),
        ),
        row(town("Dville", "XD", "01", -9, 11), 89),
      ].join("\n"),
    );
    const wordsFile = join(dir, "words.json");
    writeFileSync(wordsFile, JSON.stringify(words));
    await buildGazetteer({
      out: join(dir, "g.db"),
      cities500: cities,
      countries: false,
      airports: false,
      subdivisions: [
        ...subdivisions,
        { code: "XA-NSL", name: "North Sea Land", parent: "XA" },
        // Parts of larger regions: "Dunmar" is made of its parts, "Aville" is a town's name.
        { code: "XD-ND", name: "North Dunmar", parent: "XD" },
        { code: "XD-SD", name: "Dunmar Sud", parent: "XD" },
        { code: "XD-EV", name: "East Dville", parent: "XD" },
        { code: "XD-WV", name: "West Dville", parent: "XD" },
        { code: "XD-UH", name: "Upper Highlands", parent: "XD" },
        { code: "XD-LH", name: "Lower Highlands", parent: "XD" },
      ],
      subdivisionWords: wordsFile,
      regionPoints: new Map([
        ["XA-NSL", { lat: 12, lon: 12, name: "Nordsee" }],
        ["XD-ND", { lat: -11, lon: 11 }],
        ["XD-SD", { lat: -9, lon: 11 }],
        ["XD-EV", { lat: -9, lon: 12 }],
        ["XD-WV", { lat: -9, lon: 10 }],
        ["XD-UH", { lat: -8, lon: 12 }],
        ["XD-LH", { lat: -8, lon: 11 }],
      ]),
    });
    gazetteer = openGazetteer(join(dir, "g.db"));
  });
  afterAll(() => {
    gazetteer?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ["Northland", "XA", "name"],
    ["Northland Province", "XA", "alt"],
    ["state of Northland", "XA", "alt"],
    ["Bitlos Province", "XB", "alt"],
    // The region named after its seat is only an alternate reading of "Bitlos".
    ["Bitlos", "XB", "alt"],
    // Placed by a listed point; its three-letter code is its initials, so reporters write it.
    ["North Sea Land", "XA", "name"],
    ["NSL", "XA", "abbr"],
    // The list's own name for it, and the forms of that name.
    ["Nordsee", "XA", "name"],
    ["Nordsee Province", "XA", "alt"],
  ])("%s finds the admin1 region of %s (%s)", (text, country, role) => {
    const region = gazetteer.lookup(text).find((c) => c.type === "admin1");
    expect(region).toMatchObject({ country, role });
  });

  it.each([["Westland"], ["Aksaray"], ["Nowhere Province"]])("%s is no region", (text) => {
    expect(gazetteer.lookup(text).some((c) => c.type === "admin1")).toBe(false);
  });

  it("makes a region of the parts that share a name: North Dunmar and Dunmar Sud", () => {
    const region = gazetteer.lookup("Dunmar").find((c) => c.type === "region");
    expect(region).toMatchObject({ country: "XD", lat: -10, lon: 11 });
  });

  it.each([
    ["Dville", "a town of the country bears the name"],
    ["Highlands", "a landform word is no region's name"],
  ])("makes no region of %s: %s", (text) => {
    expect(gazetteer.lookup(text).some((c) => c.type === "region")).toBe(false);
  });

  it("keeps the same-named small town beside the region", () => {
    const types = gazetteer.lookup("Northland").map((c) => `${c.country}:${c.type}`);
    expect(types.sort()).toEqual(["XA:admin1", "XB:city"]);
  });
});

describe("listedOnly", () => {
  const iso: Subdivision[] = [
    { code: "NO-30", name: "Viken", parent: "NO" },
    { code: "NO-03", name: "Oslo", parent: "NO" },
    { code: "IN-OD", name: "Odisha", parent: "IN" },
    { code: "IN-KA", name: "Karnataka", parent: "IN" },
  ];
  const point = (name: string) => ({ lat: 60, lon: 10, name });
  it.each([
    // Restored after the ISO list was taken: added.
    ["a region ISO lacks", [["NO-32", "Akershus"]], ["Akershus"]],
    // ISO's "IN-OD" under an older code: the same region, not added twice.
    ["a region ISO has under another code", [["IN-OR", "Odisha"]], []],
    // A territory ISO lists no regions for: its parishes are another level.
    ["a territory's parishes", [["GU-01", "Agana Heights"]], []],
    // More such entries than ISO lists regions for the country: another level.
    [
      "more entries than ISO's",
      [
        ["NO-90", "One"],
        ["NO-91", "Two"],
        ["NO-92", "Three"],
      ],
      [],
    ],
  ])("with %s", (_label, listed, expected) => {
    const points = new Map(listed.map(([code, name]) => [code!, point(name!)]));
    expect(listedOnly(iso, points, typeWords).map((r) => r.name)).toEqual(expected);
  });
});
