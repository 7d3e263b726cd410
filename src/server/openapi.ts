// The API's OpenAPI 3.1 description, generated from the same zod schemas that validate the
// queries and describe the answers, so it cannot drift from what the server does.
import { z } from "zod";
import { SitrepDocument } from "../core/schema.js";
import {
  ArticleQuery,
  ArticleSummary,
  EntityQuery,
  EntityRow,
  EventQuery,
  EventRow,
  QuoteQuery,
  QuoteRow,
  TimelineBucket,
} from "../store/types.js";

type Json = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: "input" | "output" = "output"): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Json;
  return rest;
}

/** Query parameters from an object schema's properties. */
function parameters(schema: z.ZodObject): Json[] {
  const json = schemaOf(schema, "input") as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    description: property.description,
    schema: property,
  }));
}

function page(item: z.ZodType): Json {
  return {
    type: "object",
    properties: { total: { type: "integer" }, items: { type: "array", items: schemaOf(item) } },
    required: ["total", "items"],
  };
}

const jsonAnswer = (description: string, schema: Json) => ({
  description,
  content: { "application/json": { schema } },
});
const badQuery = { description: "a query parameter is not valid (E_BAD_QUERY, with the parameter named)" };

let cached: Json | undefined;

export function openApiDocument(): Json {
  cached ??= {
    openapi: "3.1.0",
    info: {
      title: "sitrep archive API",
      version: "1",
      description:
        "Read-only access to a sitrep archive: articles, their sitrep/1 documents, events (wire copies counted once), entities, quotes, and exports.",
    },
    paths: {
      "/api/articles": {
        get: {
          summary: "Search articles (full text) and filter by date",
          parameters: parameters(ArticleQuery),
          responses: { 200: jsonAnswer("a page of articles", page(ArticleSummary)), 400: badQuery },
        },
      },
      "/api/articles/{id}": {
        get: {
          summary: "One article's full sitrep/1 document",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            200: jsonAnswer("the document", schemaOf(SitrepDocument)),
            404: { description: "no such article" },
          },
        },
      },
      "/api/events": {
        get: {
          summary: "Events by type, actor, country, date range and bounding box",
          parameters: parameters(EventQuery),
          responses: { 200: jsonAnswer("a page of events", page(EventRow)), 400: badQuery },
        },
      },
      "/api/events/timeline": {
        get: {
          summary: "Event counts per day for the same filters",
          parameters: parameters(EventQuery),
          responses: {
            200: jsonAnswer("days with events", { type: "array", items: schemaOf(TimelineBucket) }),
            400: badQuery,
          },
        },
      },
      "/api/events.geojson": {
        get: {
          summary: "Events with a place, as a GeoJSON FeatureCollection",
          parameters: parameters(EventQuery).filter((p) => p.name !== "limit" && p.name !== "offset"),
          responses: {
            200: { description: "GeoJSON", content: { "application/geo+json": {} } },
            400: badQuery,
          },
        },
      },
      "/api/events.csv": {
        get: {
          summary: "Events as CSV with ACLED/GDELT-like columns",
          parameters: parameters(EventQuery).filter((p) => p.name !== "limit" && p.name !== "offset"),
          responses: { 200: { description: "CSV", content: { "text/csv": {} } }, 400: badQuery },
        },
      },
      "/api/entities": {
        get: {
          summary: "Entities by name and type, with how many articles mention them",
          parameters: parameters(EntityQuery),
          responses: { 200: jsonAnswer("a page of entities", page(EntityRow)), 400: badQuery },
        },
      },
      "/api/quotes": {
        get: {
          summary: "Quotes by speaker",
          parameters: parameters(QuoteQuery),
          responses: { 200: jsonAnswer("a page of quotes", page(QuoteRow)), 400: badQuery },
        },
      },
      "/api/extract": {
        post: {
          summary: "Extract one document without storing it",
          parameters: [{ name: "published", in: "query", schema: { type: "string", format: "date" } }],
          requestBody: {
            content: {
              "text/plain": { schema: { type: "string" } },
              "text/html": { schema: { type: "string" } },
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    text: { type: "string" },
                    html: { type: "string" },
                    url: { type: "string" },
                    title: { type: "string" },
                    published: { type: "string" },
                  },
                },
              },
            },
          },
          responses: {
            200: jsonAnswer("the sitrep/1 document", schemaOf(SitrepDocument)),
            413: { description: "the body is over the size limit" },
            422: { description: "not an article (the document carries the error)" },
          },
        },
      },
      "/api/stats": {
        get: {
          summary: "Counts of articles, stories, sources and events",
          responses: { 200: { description: "counts" } },
        },
      },
      "/api/world.json": {
        get: {
          summary: "Country outlines for the map (GeoJSON)",
          responses: { 200: { description: "GeoJSON" } },
        },
      },
    },
  };
  return cached;
}
