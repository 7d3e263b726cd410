import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteStore, type SqliteStore } from "../store/sqlite.js";
import { fixtureDocuments, mosulAttack } from "../store/test-utils/fixtures.js";
import { createApp } from "./app.js";
import { csvCell, eventsCsv } from "./csv.js";
import { decodeTopology } from "./world.js";

let store: SqliteStore;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  store = openSqliteStore(":memory:");
  await store.put(fixtureDocuments().map((doc) => ({ doc, sourceKey: doc.article.source! })));
  app = createApp({ store, maxExtractBytes: 2000 });
});
afterAll(() => store.close());

const get = async (path: string) => {
  const response = await app.request(path);
  const type = response.headers.get("content-type") ?? "";
  return {
    status: response.status,
    type,
    body: type.includes("json") ? await response.json() : await response.text(),
  };
};

describe("archive API", () => {
  it.each([
    ["/api/events", 200, 4],
    ["/api/events?type=ASSAULT", 200, 1],
    ["/api/events?actor=karim", 200, 0],
    ["/api/events?country=IQ&from=2024-03-01&to=2024-03-31", 200, 2],
    ["/api/events?bbox=40,30,50,40", 200, 2],
    ["/api/articles?q=Khartoum", 200, 1],
    ["/api/articles?from=2024-03&to=2024-03", 200, 2],
    ["/api/entities?type=PERSON", 200, 3],
    ["/api/quotes?speaker=Karim", 200, 1],
    ["/api/quotes?anonymous=true", 200, 1],
  ])("GET %s -> %d with %d items", async (path, status, total) => {
    const { status: got, body } = await get(path);
    expect(got).toBe(status);
    expect(body.total).toBe(total);
  });

  it.each([
    ["/api/events?bbox=1,2,3", "bbox"],
    ["/api/events?country=Iraq", "country"],
    ["/api/events?from=March", "from"],
    ["/api/events?limit=0", "limit"],
    ["/api/quotes?anonymous=maybe", "anonymous"],
  ])("rejects %s naming the bad parameter", async (path, parameter) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(body.error.code).toBe("E_BAD_QUERY");
    expect(body.error.issues[0].parameter).toBe(parameter);
  });

  it("serves one article's full sitrep/1 document, and 404 for an unknown id", async () => {
    const doc = mosulAttack();
    expect((await get(`/api/articles/${doc.article.id}`)).body).toEqual(doc);
    expect((await get("/api/articles/nope")).status).toBe(404);
  });

  it("counts a wire story's events once, with its articles and outlets", async () => {
    const { body } = await get("/api/events?type=ASSAULT");
    expect(body.items[0]).toMatchObject({ numArticles: 2, numSources: 2, fatalities: 3, country: "IQ" });
  });

  it("gives the timeline of event counts per day", async () => {
    expect((await get("/api/events/timeline?country=IQ")).body).toEqual([
      { date: "2024-03-03", events: 1 },
      { date: "2024-03-04", events: 1 },
    ]);
  });

  it("exports events with a place as GeoJSON points", async () => {
    const { status, type, body } = await get("/api/events.geojson?type=PROTEST");
    expect(status).toBe(200);
    expect(type).toContain("application/geo+json");
    const geo = body;
    expect(geo.features).toHaveLength(1);
    expect(geo.features[0].geometry).toEqual({ type: "Point", coordinates: [32.532, 15.551] });
    expect(geo.features[0].properties).toMatchObject({ type: "PROTEST", numArticles: 1 });
  });

  it("exports events as CSV with ACLED/GDELT-like columns", async () => {
    const { type, body } = await get("/api/events.csv?type=ASSAULT");
    expect(type).toContain("text/csv");
    const [header, row, end] = body.split("\r\n");
    expect(header).toMatch(
      /^event_id,event_date,event_type,sub_event_type,cameo_code,actor1,actor1_code,actor2,/,
    );
    expect(header).toContain("latitude,longitude,geo_precision,fatalities");
    expect(header).toContain("num_articles,num_sources,source_url");
    expect(row).toContain(",2024-03-03,ASSAULT,military,190,Militants,,Iraqi army,IRQMIL,");
    expect(end).toBe("");
  });

  it.each([
    ["plain", "plain"],
    ["a, b", '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ["=HYPERLINK(1)", "'=HYPERLINK(1)"],
    [null, ""],
    [3, "3"],
  ])("csvCell(%j) = %s", (value, cell) => expect(csvCell(value)).toBe(cell));

  it("writes a header even with no events", () => expect(eventsCsv([]).split("\r\n")).toHaveLength(2));

  it("describes itself in OpenAPI, with parameters from the query schemas", async () => {
    const { body } = await get("/api/openapi.json");
    expect(body.openapi).toBe("3.1.0");
    const names = body.paths["/api/events"].get.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(["type", "actor", "country", "from", "to", "bbox", "article", "limit", "offset"]);
    expect(
      body.paths["/api/articles/{id}"].get.responses[200].content["application/json"].schema.properties
        .schema,
    ).toBeDefined();
  });

  it("extracts one posted document without storing it", async () => {
    const before = await store.stats();
    const response = await app.request("/api/extract?published=2024-01-02", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "Police closed the main bridge on Monday, officials said.",
    });
    expect(response.status).toBe(200);
    const doc = await response.json();
    expect(doc.schema).toBe("sitrep/1");
    expect(doc.article.published).toBe("2024-01-02");
    expect(await store.stats()).toEqual(before);
  });

  it.each([
    [{ "content-type": "text/plain" }, "x".repeat(3000), 413],
    [{ "content-type": "application/json" }, "{not json", 400],
    [{ "content-type": "application/json" }, JSON.stringify({ title: "no text" }), 400],
    [{ "content-type": "text/plain" }, "   ", 422],
  ])("refuses bad extract body #%# with its status", async (headers, body, status) => {
    const response = await app.request("/api/extract", { method: "POST", headers, body });
    expect(response.status).toBe(status);
  });

  it("serves the UI with a strict content security policy, and 404 elsewhere", async () => {
    const response = await app.request("/");
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(await response.text()).toContain('<script type="module" src="/app.js">');
    expect((await app.request("/app.js")).headers.get("content-type")).toContain("javascript");
    expect((await app.request("/../package.json")).status).toBe(404);
    expect((await app.request("/nothing-here")).status).toBe(404);
  });

  it("serves country shapes for the map", async () => {
    const { body } = await get("/api/world.json");
    expect(body.type).toBe("FeatureCollection");
    expect(body.features.length).toBeGreaterThan(150);
  });
});

describe("decodeTopology", () => {
  it("decodes quantised, delta-encoded arcs, reversing negative ones", () => {
    const topology = {
      transform: { scale: [1, 1] as [number, number], translate: [10, 20] as [number, number] },
      arcs: [
        [
          [0, 0],
          [1, 0],
          [0, 1],
        ],
        [
          [0, 0],
          [0, 1],
        ],
      ] as [number, number][][],
      objects: {
        countries: {
          geometries: [
            { type: "Polygon" as const, arcs: [[0, -2]], properties: { name: "Square-ish" } },
            { type: null, properties: { name: "Nothing" } },
          ],
        },
      },
    };
    const [feature, ...rest] = decodeTopology(topology, "countries");
    expect(rest).toHaveLength(0);
    expect(feature!.properties.name).toBe("Square-ish");
    expect(feature!.geometry.coordinates).toEqual([
      [
        [
          [10, 20],
          [11, 20],
          [11, 21],
          [10, 20],
        ],
      ],
    ]);
  });
});
