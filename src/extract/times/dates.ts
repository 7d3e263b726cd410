// Calendar arithmetic on UTC dates and TIMEX3 value formatting: "2018-01", "2018-W05", "1989-Q3".

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A reference date (the publication date) as a UTC midnight. */
export function parseReference(published: string | null): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published ?? "");
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

export const formatYear = (year: number) => pad(year, 4);
export const formatMonth = (year: number, month: number) => `${pad(year, 4)}-${pad(month)}`;
export const formatDay = (d: Date) =>
  `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * 86_400_000);
}

export function addMonths(d: Date, months: number): Date {
  const r = new Date(d.getTime());
  r.setUTCDate(1);
  r.setUTCMonth(r.getUTCMonth() + months);
  return r;
}

/** ISO 8601 week: "2018-W06". */
export function formatWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${pad(t.getUTCFullYear(), 4)}-W${pad(week)}`;
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export const isoWeekday = (d: Date) => d.getUTCDay() || 7;

export const quarterOf = (d: Date) => Math.floor(d.getUTCMonth() / 3) + 1;

/**
 * The day with ISO weekday `weekday` nearest to `ref` on the side the tense points to:
 * "Tuesday" in a past-tense story published on Wednesday is the day before.
 */
export function nearestWeekday(ref: Date, weekday: number, future: boolean): Date {
  const diff = weekday - isoWeekday(ref);
  if (future) return addDays(ref, (diff + 7) % 7);
  return addDays(ref, -((7 - diff) % 7));
}

/**
 * The year of a month named without one, leaning to the past as news does: the latest such
 * month unless it is at most two months ahead ("in March" in a February story) or lies more than
 * nine months back ("in January" in a November story is the coming one); from `ref` on when the
 * sentence speaks of the future.
 */
export function yearOfMonth(ref: Date, month: number, future: boolean): number {
  const year = ref.getUTCFullYear();
  const diff = month - (ref.getUTCMonth() + 1);
  if (future) return diff >= 0 ? year : year + 1;
  if (diff > 2) return year - 1;
  if (diff < -9) return year + 1;
  return year;
}
