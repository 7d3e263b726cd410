// Events as CSV with ACLED/GDELT-like columns, one row per story event. Cells that a spreadsheet
// would run as a formula ("=HYPERLINK(...)" in an article) are prefixed with a quote mark.
import type { EventRow } from "../store/types.js";

export const CSV_COLUMNS: readonly [string, (e: EventRow) => string | number | null][] = [
  ["event_id", (e) => `${e.article}:${e.id}`],
  ["event_date", (e) => e.date],
  ["event_type", (e) => e.type],
  ["sub_event_type", (e) => e.mode],
  ["cameo_code", (e) => e.cameo],
  ["actor1", (e) => e.actor1],
  ["actor1_code", (e) => e.actor1Code],
  ["actor2", (e) => e.actor2],
  ["actor2_code", (e) => e.actor2Code],
  ["location", (e) => e.place],
  ["country_code", (e) => e.country],
  ["latitude", (e) => e.lat],
  ["longitude", (e) => e.lon],
  ["geo_precision", (e) => e.precision],
  ["fatalities", (e) => e.fatalities],
  ["modality", (e) => e.modality],
  ["num_articles", (e) => e.numArticles],
  ["num_sources", (e) => e.numSources],
  ["source_url", (e) => e.source],
  ["trigger", (e) => e.trigger],
  ["notes", (e) => e.sentence],
  ["rule", (e) => e.rule],
];

export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function eventsCsv(events: readonly EventRow[]): string {
  const lines = [CSV_COLUMNS.map(([name]) => name).join(",")];
  for (const e of events) lines.push(CSV_COLUMNS.map(([, get]) => csvCell(get(e))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

export function eventsGeoJson(events: readonly EventRow[]) {
  return {
    type: "FeatureCollection" as const,
    features: events
      .filter((e) => e.lat !== null && e.lon !== null)
      .map(({ lat, lon, ...properties }) => ({
        type: "Feature" as const,
        geometry: { type: "Point" as const, coordinates: [lon!, lat!] },
        properties,
      })),
  };
}
