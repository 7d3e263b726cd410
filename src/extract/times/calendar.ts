// Calendar words (data/times/calendar.json), validated once at module load. The quantities stage
// reads the month names too, to tell "Nov. 9" (a date) from "9 soldiers" (a figure).
import { readFileSync } from "node:fs";
import { z } from "zod";

const lowerKeys = <T extends z.ZodType>(value: T) =>
  z.record(z.string().regex(/^[a-z]+$/, "keys must be lower-case words"), value);

const CalendarFile = z.object({
  months: lowerKeys(z.number().int().min(1).max(12)),
  weekdays: lowerKeys(z.number().int().min(1).max(7)),
  seasons: lowerKeys(z.enum(["SP", "SU", "FA", "WI"])),
  partsOfDay: lowerKeys(z.enum(["MO", "AF", "EV", "NI", "MI"])),
});

const calendar = CalendarFile.parse(
  JSON.parse(readFileSync(new URL("../../../data/times/calendar.json", import.meta.url), "utf8")),
);

const table = (record: Record<string, number>) => new Map(Object.entries(record));
export const months = table(calendar.months);
export const weekdays = table(calendar.weekdays);
export const seasons = new Map(Object.entries(calendar.seasons));
export const partsOfDay = new Map(Object.entries(calendar.partsOfDay));

/** A short form of another name in the table: "sept" of "september", "thurs" of "thursday". */
export function isAbbreviation(name: string, table: ReadonlyMap<string, number>): boolean {
  for (const other of table.keys()) if (other !== name && other.startsWith(name)) return true;
  return false;
}

/** The month a word names ("Nov.", "november", "Sept"), or undefined. */
export function monthOf(word: string): number | undefined {
  return months.get(word.toLowerCase().replace(/\.$/, ""));
}
