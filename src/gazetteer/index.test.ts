import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGazetteer } from "./build.js";
import { destination, distanceKm } from "./geo.js";
import { DEFAULT_GAZETTEER_PATH, type Gazetteer, openGazetteer } from "./index.js";
import { foldedDuplicates, foldName, looseKey } from "./keys.js";

describe("looseKey", () => {
  it.each([
    ["Qayara", "Al Qayyārah"],
    ["al-Qayyara", "Al Qayyarah"],
    ["Al-Asad", "Al Asad"],
    ["Hongkong", "Hong Kong"],
    ["U.S.", "US"],
    ["Mosul", "MOSUL"],
    ["Tikrit", "Takrit".replace("a", "i")],
    ["Republic of Congo", "Republic of the Congo"],
  ])("%s meets %s", (a, b) => {
    expect(looseKey(a)).toBe(looseKey(b));
  });

  it.each([
    ["Mosul", "Basra"],
    ["Iraq", "Iran"],
    ["Niger", "Nigeria"],
    ["Isle of Man", "Isle Man"],
  ])("%s stays apart from %s", (a, b) => {
    expect(looseKey(a)).not.toBe(looseKey(b));
  });

  it("folds accents, case and punctuation but keeps words", () => {
    expect(foldName("Sant Julià de Lòria")).toBe("sant julia de loria");
    expect(foldName("Côte d'Ivoire")).toBe("cote divoire");
  });

  it.each([
    [["Java", "Sumatra", "Borneo"], []],
    [["Cote d'Ivoire", "Côte d’Ivoire", "Ghana"], ["Côte d’Ivoire"]],
    [
      ["Parish", "PARISH", "parish"],
      ["PARISH", "parish"],
    ],
  ])("duplicates of %j after folding: %j", (names, repeated) => {
    expect(foldedDuplicates(names)).toEqual(repeated);
  });
});

describe("geo", () => {
  it("places a point 50 km south and measures it back", () => {
    const p = destination(36.34, 43.13, 50, "S");
    expect(p.lat).toBeLessThan(36.34);
    expect(distanceKm(36.34, 43.13, p.lat, p.lon)).toBeCloseTo(50, 0);
  });
});

// A user's own GeoNames import, on sample files this test writes (same columns as the dumps).
describe("building from a GeoNames import", () => {
  let dir: string;
  let gazetteer: Gazetteer;
  const row = (cols: (string | number)[]) => cols.join("\t");
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "sitrep-gazetteer-"));
    const dump = join(dir, "XX.txt");
    writeFileSync(
      dump,
      [
        row([
          9000001,
          "Zarqetown",
          "Zarqetown",
          "Zarqa Town",
          31.5,
          36.1,
          "P",
          "PPLA",
          "JO",
          "",
          "09",
          "",
          "",
          "",
          12000,
          "",
          700,
          "Asia/Amman",
          "2020-01-01",
        ]),
        row([
          9000002,
          "Zarqetown",
          "Zarqetown",
          "",
          -10.1,
          20.2,
          "P",
          "PPL",
          "AO",
          "",
          "01",
          "",
          "",
          "",
          600,
          "",
          700,
          "Africa/Luanda",
          "2020-01-01",
        ]),
        row([
          9000003,
          "Wadi Sample",
          "Wadi Sample",
          "",
          31.2,
          36.4,
          "H",
          "WAD",
          "JO",
          "",
          "09",
          "",
          "",
          "",
          0,
          "",
          700,
          "Asia/Amman",
          "2020-01-01",
        ]),
        row([
          9000004,
          "Sample Governorate",
          "Sample Governorate",
          "",
          31.4,
          36.2,
          "A",
          "ADM1",
          "JO",
          "",
          "09",
          "",
          "",
          "",
          0,
          "",
          700,
          "Asia/Amman",
          "2020-01-01",
        ]),
      ].join("\n"),
    );
    const alternates = join(dir, "alternateNamesV2.txt");
    writeFileSync(
      alternates,
      [
        row([1, 9000001, "en", "Zerqa City", "", "", "", "", "", ""]),
        row([2, 9000001, "link", "https://example.org/z", "", "", "", "", "", ""]),
      ].join("\n"),
    );
    const out = join(dir, "gazetteer.db");
    await buildGazetteer({
      out,
      cities500: null,
      airports: false,
      geonames: [dump],
      alternateNames: [alternates],
    });
    gazetteer = openGazetteer(out);
  });
  afterAll(() => {
    gazetteer?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ["Zarqetown", 2],
    ["Zarqa Town", 1],
    ["Zerqa City", 1],
    ["Wadi Sample", 1],
    ["Sample Governorate", 1],
    ["Nowhereville", 0],
    ["https://example.org/z", 0],
  ])("finds %s (%i places)", (name, count) => {
    expect(gazetteer.lookup(name)).toHaveLength(count);
  });

  it("keeps feature types and countries from the dump", () => {
    const [governorate] = gazetteer.lookup("Sample Governorate");
    expect(governorate).toMatchObject({ type: "admin1", country: "JO", geonameId: 9000004 });
    expect(gazetteer.lookup("Wadi Sample")[0]!.type).toBe("natural");
  });

  it("still holds the countries, their demonyms and codes", () => {
    expect(gazetteer.country("JO")?.name).toBe("Jordan");
    expect(gazetteer.lookup("Jordanian").map((c) => c.role)).toContain("demonym");
  });
});

// The index `npm install` builds: it must open fast and find names in their loose forms.
describe.skipIf(!existsSync(DEFAULT_GAZETTEER_PATH))("the installed index", () => {
  it("opens in well under a second and answers a first lookup", () => {
    const started = performance.now();
    const gazetteer = openGazetteer(DEFAULT_GAZETTEER_PATH);
    const mosul = gazetteer.lookup("Mosul");
    const elapsed = performance.now() - started;
    gazetteer.close();
    expect(elapsed).toBeLessThan(1000);
    expect(mosul.some((c) => c.country === "IQ" && c.type === "city")).toBe(true);
  });

  it.each([
    ["Qayara", "IQ", "city"],
    ["Al-Asad", "IQ", "facility"],
    ["Afghan", "AF", "country"],
    ["U.S.", "US", "country"],
  ])("finds %s (%s %s)", (name, country, type) => {
    const gazetteer = openGazetteer(DEFAULT_GAZETTEER_PATH);
    const found = gazetteer.lookup(name);
    gazetteer.close();
    expect(found.some((c) => c.country === country && c.type === type)).toBe(true);
  });

  // ISO 3166-2 lists Taiwan, Hong Kong and Macao under China too; Guinea's prefecture Mali
  // (GN-ML) only shares a code with the country Mali.
  it.each([
    ["Taiwan", "CN", false],
    ["Hong Kong", "CN", false],
    ["Macao", "CN", false],
    ["Mali", "GN", true],
  ])("%s as a first-level subdivision of %s: %s", (name, country, expected) => {
    const gazetteer = openGazetteer(DEFAULT_GAZETTEER_PATH);
    const found = gazetteer.lookup(name);
    gazetteer.close();
    expect(found.some((c) => c.country === country && c.type === "admin1")).toBe(expected);
  });

  it("knows English words that are also towns", () => {
    const gazetteer = openGazetteer(DEFAULT_GAZETTEER_PATH);
    expect(gazetteer.wordKind("many")).toBe("word");
    expect(gazetteer.wordKind("mosul")).toBeUndefined();
    gazetteer.close();
  });
});
