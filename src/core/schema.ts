// The sitrep/1 output contract (see DESIGN.md), as zod schemas. Every type that is stored,
// printed or served is inferred from these; the JSON Schema (`sitrep schema`) is generated
// from them, never written twice. Fields may be added; none may change meaning.
import { z } from "zod";

export const SCHEMA_VERSION = "sitrep/1" as const;

/** `[start, end)` in UTF-16 code units of `article.text`. */
export const Span = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Span = z.infer<typeof Span>;

/** A span plus the words it covers: `text === article.text.slice(start, end)`. */
export const Text = Span.extend({ text: z.string() });
export type Text = z.infer<typeof Text>;

/** The rule, pattern or dictionary entry that produced an annotation (STYLE.md §8). */
const rule = z.string().optional().describe("the rule or dictionary entry that produced this item");

export const SectionKind = z.enum([
  "headline",
  "byline",
  "dateline",
  "body",
  "caption",
  "credit",
  "boilerplate",
]);
export type SectionKind = z.infer<typeof SectionKind>;

export const Section = Span.extend({ kind: SectionKind });
export type Section = z.infer<typeof Section>;

export const Severity = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof Severity>;

/** A located problem: stable code, reason, and where it is when it has a place. */
export const Message = z.object({
  code: z.string(),
  severity: Severity,
  reason: z.string(),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
  source: z.string().optional().describe("the stage that raised it"),
});
export type Message = z.infer<typeof Message>;

export const Article = z.object({
  id: z.string().describe("stable hash of the normalised text"),
  ref: z.string().nullable().optional().describe("the caller's id for a JSONL record"),
  source: z.string().nullable(),
  title: z.string().nullable(),
  published: z.string().nullable().describe("ISO 8601 date"),
  language: z.string().describe("BCP 47"),
  text: z.string(),
  sections: z.array(Section),
});
export type Article = z.infer<typeof Article>;

export const EntityType = z.enum(["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"]);
export type EntityType = z.infer<typeof EntityType>;

export const Actor = z.object({
  code: z.string(),
  country: z.string().optional().describe("ISO 3166 alpha-3"),
  sector: z.string().optional().describe("GOV MIL REB INS OPP MED IGO NGO BUS CVL JUD LEG POL ..."),
  countryFrom: z
    .literal("story")
    .optional()
    .describe("the text ties no country to the actor: the country is the one the story is about"),
});
export type Actor = z.infer<typeof Actor>;

export const Entity = z.object({
  id: z.string(),
  name: z.string(),
  type: EntityType,
  mentions: z.array(Span),
  description: z.string().optional(),
  actor: Actor.optional(),
  rule,
});
export type Entity = z.infer<typeof Entity>;

export const QuoteKind = z.enum(["direct", "indirect", "mixed"]);
export const Speaker = z.object({
  name: z.string().nullable(),
  entity: z.string().optional(),
  description: z.string().optional(),
  anonymous: z.boolean(),
  span: Span.optional().describe("where the speaker is named in the text"),
});
export const Channel = z.object({ name: z.string(), entity: z.string().optional() });

export const Quote = Text.extend({
  id: z.string(),
  kind: QuoteKind,
  cue: Text.optional(),
  speaker: Speaker,
  channel: Channel.nullable().optional(),
  rule,
});
export type Quote = z.infer<typeof Quote>;

export const Quantity = Text.extend({
  id: z.string(),
  value: z.number().optional(),
  low: z.number().optional(),
  high: z.number().optional(),
  approximate: z.boolean(),
  unit: z.string().optional(),
  counts: z.string().optional(),
  rule,
});
export type Quantity = z.infer<typeof Quantity>;

export const TimeType = z.enum(["DATE", "TIME", "DURATION", "SET"]);
export const Time = Text.extend({
  id: z.string(),
  type: TimeType,
  value: z.string().describe("TIMEX3-style: 2016-11-09, 2018-01, 2017, P1W, PAST_REF ..."),
  mod: z.string().optional().describe("BEFORE, AFTER, START, MID, END, APPROX ..."),
  rule,
});
export type Time = z.infer<typeof Time>;

export const Place = Text.extend({
  id: z.string(),
  name: z.string().describe("gazetteer name"),
  country: z.string().describe("ISO 3166 alpha-2"),
  lat: z.number(),
  lon: z.number(),
  featureType: z.string().describe("country, admin1, city, facility, region ..."),
  geonameId: z.number().int().optional(),
  precision: z
    .number()
    .int()
    .min(1)
    .max(3)
    .optional()
    .describe("ACLED geo-precision: 1 town, 2 near/part, 3 region"),
  metonymy: z
    .boolean()
    .optional()
    .describe(
      'the name stands for a government or its people ("Washington warned"), not where something happened',
    ),
  relative: z
    .object({
      distanceKm: z.number(),
      bearing: z.string(),
      of: z.string().describe("place id of the anchor"),
    })
    .optional(),
  rule,
});
export type Place = z.infer<typeof Place>;

export const Modality = z.enum([
  "asserted",
  "reported",
  "expected",
  "estimated",
  "hedged",
  "negated",
  "hypothetical",
]);
export type Modality = z.infer<typeof Modality>;

export const Event = z.object({
  id: z.string(),
  type: z.string().describe("PLOVER event type"),
  mode: z.string().optional(),
  cameo: z.string().optional(),
  trigger: Text,
  sentence: Span,
  source: z.array(z.string()).describe("entity ids"),
  target: z.array(z.string()).describe("entity ids"),
  place: z.string().optional().describe("place id"),
  time: z.string().optional().describe("time id"),
  quantities: z.array(z.string()),
  fatalities: z.number().optional(),
  modality: Modality,
  attribution: z.string().optional().describe("quote id or entity id of whoever claims it"),
  rule,
});
export type Event = z.infer<typeof Event>;

export const SitrepDocument = z.object({
  schema: z.literal(SCHEMA_VERSION),
  article: Article,
  entities: z.array(Entity),
  quotes: z.array(Quote),
  quantities: z.array(Quantity),
  times: z.array(Time),
  places: z.array(Place),
  events: z.array(Event),
  messages: z.array(Message),
});
export type SitrepDocument = z.infer<typeof SitrepDocument>;

/** A document for `article` with no annotation layers yet. */
export function emptyDocument(article: Article, messages: Message[] = []): SitrepDocument {
  return {
    schema: SCHEMA_VERSION,
    article,
    entities: [],
    quotes: [],
    quantities: [],
    times: [],
    places: [],
    events: [],
    messages,
  };
}

/** The JSON Schema of a sitrep/1 document, generated from the zod schema above. */
export function jsonSchema(): Record<string, unknown> {
  return {
    $id: "urn:sitrep:schema:sitrep-1",
    title: "sitrep/1 document",
    ...z.toJSONSchema(SitrepDocument, { target: "draft-2020-12", io: "output" }),
  };
}
