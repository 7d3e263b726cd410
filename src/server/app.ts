// The read-only HTTP API over an archive, and the web UI's static files. Query strings are
// validated with the store's zod schemas and answered with a 400 naming the bad parameter;
// `POST /api/extract` runs the pipeline on one document without storing it.
import { readFileSync } from "node:fs";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { isSitrepError } from "../core/errors.js";
import { errorDocument, extract } from "../pipeline.js";
import {
  type ArchiveStore,
  ArticleQuery,
  EntityQuery,
  EventQuery,
  type EventRow,
  QuoteQuery,
} from "../store/types.js";
import { eventsCsv, eventsGeoJson } from "./csv.js";
import { openApiDocument } from "./openapi.js";
import { loadWorld } from "./world.js";

export interface AppOptions {
  store: ArchiveStore;
  /** Largest body `POST /api/extract` accepts, in bytes (default 1 MB). */
  maxExtractBytes?: number;
}

/** Most events one export returns. */
const EXPORT_LIMIT = 100_000;

// The UI's files sit in src/server/static; dist/server/ is at the same depth as src/server/.
const STATIC_DIR = new URL("../../src/server/static/", import.meta.url);
const STATIC_FILES: Record<string, string> = {
  "/": "index.html",
  "/app.js": "app.js",
  "/map.js": "map.js",
  "/reader.js": "reader.js",
  "/dom.js": "dom.js",
  "/style.css": "style.css",
};
const CONTENT_TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
};
// The UI loads only its own files and renders article text as text; this stops any script the
// text might smuggle in even if a bug ever let it reach the page as markup.
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

class BadQuery extends Error {
  constructor(readonly issues: { parameter: string; reason: string }[]) {
    super(issues.map((i) => `${i.parameter}: ${i.reason}`).join("; "));
  }
}

/** Check a query string against the store's schema; the store parses the same object again. */
function parseQuery<T extends z.ZodType>(schema: T, query: Record<string, string>): z.input<T> {
  const result = schema.safeParse(query);
  if (result.success) return query as z.input<T>;
  throw new BadQuery(
    result.error.issues.map((issue) => ({
      parameter: issue.path.join(".") || "(query)",
      reason: issue.message,
    })),
  );
}

async function allEvents(store: ArchiveStore, query: EventQuery): Promise<EventRow[]> {
  const rows: EventRow[] = [];
  const pageSize = 5000;
  for (let offset = 0; offset < EXPORT_LIMIT; offset += pageSize) {
    const page = await store.events({ ...query, limit: pageSize, offset });
    rows.push(...page.items);
    if (rows.length >= page.total || page.items.length === 0) break;
  }
  return rows;
}

const ExtractBody = z.object({
  text: z.string().optional(),
  html: z.string().optional(),
  url: z.string().optional(),
  title: z.string().optional(),
  published: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}/)
    .optional(),
});

export function createApp(options: AppOptions): Hono {
  const { store } = options;
  const maxExtractBytes = options.maxExtractBytes ?? 1024 * 1024;
  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof BadQuery) {
      return c.json({ error: { code: "E_BAD_QUERY", reason: error.message, issues: error.issues } }, 400);
    }
    return c.json({ error: { code: "E_INTERNAL", reason: "the server could not answer this request" } }, 500);
  });
  app.notFound((c) => c.json({ error: { code: "E_NOT_FOUND", reason: `no such path: ${c.req.path}` } }, 404));

  app.use("*", async (c, next) => {
    await next();
    c.header("x-content-type-options", "nosniff");
    c.header("content-security-policy", CSP);
    c.header("referrer-policy", "no-referrer");
  });

  app.get("/api/stats", async (c) => c.json(await store.stats()));
  app.get("/api/openapi.json", (c) => c.json(openApiDocument()));
  app.get("/api/articles", async (c) =>
    c.json(await store.articles(parseQuery(ArticleQuery, c.req.query()))),
  );
  app.get("/api/articles/:id", async (c) => {
    const doc = await store.document(c.req.param("id"));
    if (!doc) return c.json({ error: { code: "E_NOT_FOUND", reason: "no article with this id" } }, 404);
    return c.json(doc);
  });
  app.get("/api/events", async (c) => c.json(await store.events(parseQuery(EventQuery, c.req.query()))));
  app.get("/api/events/timeline", async (c) =>
    c.json(await store.timeline(parseQuery(EventQuery, c.req.query()))),
  );
  app.get("/api/events.geojson", async (c) => {
    const events = await allEvents(store, parseQuery(EventQuery, c.req.query()));
    c.header("content-type", "application/geo+json");
    return c.body(JSON.stringify(eventsGeoJson(events)));
  });
  app.get("/api/events.csv", async (c) => {
    const events = await allEvents(store, parseQuery(EventQuery, c.req.query()));
    c.header("content-type", "text/csv; charset=utf-8");
    c.header("content-disposition", 'attachment; filename="sitrep-events.csv"');
    return c.body(eventsCsv(events));
  });
  app.get("/api/entities", async (c) => c.json(await store.entities(parseQuery(EntityQuery, c.req.query()))));
  app.get("/api/quotes", async (c) => c.json(await store.quotes(parseQuery(QuoteQuery, c.req.query()))));
  app.get("/api/world.json", (c) => {
    c.header("cache-control", "max-age=86400");
    return c.json(loadWorld());
  });

  app.post(
    "/api/extract",
    bodyLimit({
      maxSize: maxExtractBytes,
      onError: (c) =>
        c.json(
          { error: { code: "E_TOO_LARGE", reason: `the body is over the ${maxExtractBytes} byte limit` } },
          413,
        ),
    }),
    async (c) => {
      const type = c.req.header("content-type") ?? "";
      let body: z.infer<typeof ExtractBody>;
      if (type.includes("application/json")) {
        let json: unknown;
        try {
          json = await c.req.json();
        } catch {
          throw new BadQuery([{ parameter: "(body)", reason: "not valid JSON" }]);
        }
        const parsed = ExtractBody.safeParse(json);
        if (!parsed.success || (parsed.data.text === undefined && parsed.data.html === undefined)) {
          throw new BadQuery([
            { parameter: "(body)", reason: "expected {text | html, url?, title?, published?}" },
          ]);
        }
        body = parsed.data;
      } else if (type.includes("text/html")) body = { html: await c.req.text() };
      else body = { text: await c.req.text() };
      const published = c.req.query("published") ?? body.published ?? null;
      try {
        const input = {
          text: body.text,
          html: body.html,
          source: body.url ?? null,
          title: body.title ?? null,
        };
        return c.json(extract(input, { published }));
      } catch (e) {
        if (!isSitrepError(e)) throw e;
        return c.json(errorDocument(e, { source: body.url ?? null }), 422);
      }
    },
  );

  const files = new Map<string, { body: string; type: string }>();
  for (const [path, name] of Object.entries(STATIC_FILES)) {
    const ext = name.slice(name.lastIndexOf(".") + 1);
    files.set(path, {
      body: readFileSync(new URL(name, STATIC_DIR), "utf8"),
      type: CONTENT_TYPES[ext] ?? "text/plain",
    });
  }
  app.get("*", (c) => {
    const file = files.get(c.req.path);
    if (!file) return c.notFound();
    c.header("content-type", file.type);
    return c.body(file.body);
  });
  return app;
}
