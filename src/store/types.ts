// The archive's storage contract. SQLite (one file, the default) implements it today; a
// PostgreSQL store for shared, larger archives implements the same interface and must pass the
// same conformance suite (conformance.ts). Everything is async so a networked store fits.
// Query shapes are zod schemas: the HTTP API validates its query strings with these same ones.
import { z } from "zod";
import type { SitrepDocument } from "../core/schema.js";

/** One document to keep, with where it came from. */
export interface StoreInput {
  doc: SitrepDocument;
  /**
   * Stable key of the input it came from: a URL, an absolute path, `path#record-id` for a JSONL
   * record. Remembered so a rerun can skip inputs already stored before extracting them again.
   */
  sourceKey: string;
}

export type PutStatus =
  /** A new article. */
  | "stored"
  /** The same text (same article id) was already stored; the new source was remembered. */
  | "duplicate";

export interface PutOutcome {
  id: string;
  status: PutStatus;
  /** The story (first copy's article id) the article belongs to. */
  story: string;
  /** Set when the article is a near-duplicate (wire copy) of an earlier one. */
  copyOf?: string;
}

const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "a date: YYYY, YYYY-MM or YYYY-MM-DD")
  .describe("ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)");

const page = {
  limit: z.coerce.number().int().min(1).max(5000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
};

export const ArticleQuery = z.object({
  q: z.string().max(500).optional().describe("full-text search over titles and text"),
  from: isoDate.optional(),
  to: isoDate.optional(),
  story: z.string().optional().describe("only articles of this story"),
  sameStoryAs: z.string().optional().describe("only articles of the same story as this article (its copies)"),
  ...page,
});
export type ArticleQuery = z.input<typeof ArticleQuery>;

/** "minLon,minLat,maxLon,maxLat", e.g. "38,30,48,38" for northern Iraq. */
export const BoundingBox = z
  .string()
  .transform((value, ctx) => {
    const parts = value.split(",").map(Number);
    const [w, s, e, n] = parts;
    if (
      parts.length !== 4 ||
      parts.some((p) => !Number.isFinite(p)) ||
      w! < -180 ||
      e! > 180 ||
      s! < -90 ||
      n! > 90 ||
      w! > e! ||
      s! > n!
    ) {
      ctx.addIssue({ code: "custom", message: "bbox is minLon,minLat,maxLon,maxLat within the globe" });
      return z.NEVER;
    }
    return { west: w!, south: s!, east: e!, north: n! };
  })
  .describe("minLon,minLat,maxLon,maxLat");

export const EventQuery = z.object({
  type: z.string().max(100).optional().describe("PLOVER event type(s), comma-separated"),
  actor: z.string().max(200).optional().describe("actor name or code (source or target), substring"),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, "an ISO 3166 alpha-2 code")
    .optional()
    .describe("ISO 3166 alpha-2 of the event's place"),
  from: isoDate.optional(),
  to: isoDate.optional(),
  bbox: BoundingBox.optional(),
  article: z.string().optional().describe("only events of this article"),
  ...page,
});
export type EventQuery = z.input<typeof EventQuery>;

export const EntityQuery = z.object({
  q: z.string().max(200).optional().describe("name substring"),
  type: z.enum(["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"]).optional(),
  ...page,
});
export type EntityQuery = z.input<typeof EntityQuery>;

export const QuoteQuery = z.object({
  speaker: z.string().max(200).optional().describe("speaker name or description, substring"),
  anonymous: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  article: z.string().optional(),
  ...page,
});
export type QuoteQuery = z.input<typeof QuoteQuery>;

export const ArticleSummary = z.object({
  id: z.string(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  source: z.string().nullable(),
  outlet: z.string().nullable(),
  story: z.string(),
  copyOf: z.string().nullable(),
  events: z.number().int(),
  quotes: z.number().int(),
  snippet: z.string().optional().describe("matching words when searching"),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

/** One event of a story, counted once however many copies carry it. */
export const EventRow = z.object({
  article: z.string().describe("the story's first copy, whose document holds the event"),
  id: z.string().describe("event id within that article"),
  story: z.string(),
  source: z.string().nullable().describe("URL or path of the first copy"),
  type: z.string(),
  mode: z.string().nullable(),
  cameo: z.string().nullable(),
  date: z.string().nullable().describe("the event's time when it names a date, else the article's date"),
  trigger: z.string(),
  sentence: z.string(),
  actor1: z.string().nullable(),
  actor1Code: z.string().nullable(),
  actor2: z.string().nullable(),
  actor2Code: z.string().nullable(),
  place: z.string().nullable(),
  country: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  precision: z.number().nullable(),
  fatalities: z.number().nullable(),
  modality: z.string(),
  rule: z.string().nullable(),
  numArticles: z.number().int().describe("articles carrying the story (GDELT NumArticles)"),
  numSources: z.number().int().describe("distinct outlets carrying it (GDELT NumSources)"),
});
export type EventRow = z.infer<typeof EventRow>;

export const EntityRow = z.object({
  name: z.string(),
  type: z.string(),
  actorCode: z.string().nullable(),
  country: z.string().nullable(),
  sector: z.string().nullable(),
  articles: z.number().int(),
  mentions: z.number().int(),
});
export type EntityRow = z.infer<typeof EntityRow>;

export const QuoteRow = z.object({
  article: z.string(),
  id: z.string(),
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  kind: z.string(),
  speaker: z.string().nullable(),
  description: z.string().nullable(),
  anonymous: z.boolean(),
  cue: z.string().nullable(),
  published: z.string().nullable(),
});
export type QuoteRow = z.infer<typeof QuoteRow>;

export const TimelineBucket = z.object({ date: z.string(), events: z.number().int() });
export type TimelineBucket = z.infer<typeof TimelineBucket>;

export interface Page<T> {
  total: number;
  items: T[];
}

export interface StoreStats {
  articles: number;
  stories: number;
  sources: number;
  events: number;
}

export interface ArchiveStore {
  /** Store documents in one transaction: all of them or none. Idempotent by article id and source key. */
  put(inputs: readonly StoreInput[]): Promise<PutOutcome[]>;
  /** Which of these source keys are already stored (a rerun skips them). */
  knownSources(keys: readonly string[]): Promise<Set<string>>;
  /** One stored article's full sitrep/1 document. */
  document(id: string): Promise<SitrepDocument | null>;
  articles(query: ArticleQuery): Promise<Page<ArticleSummary>>;
  events(query: EventQuery): Promise<Page<EventRow>>;
  /** Event counts per day for the same filters. */
  timeline(query: EventQuery): Promise<TimelineBucket[]>;
  entities(query: EntityQuery): Promise<Page<EntityRow>>;
  quotes(query: QuoteQuery): Promise<Page<QuoteRow>>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}
