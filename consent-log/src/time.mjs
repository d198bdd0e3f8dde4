// Days and months in UTC: seals close at UTC midnight and partitions hold UTC months.
export const DAY_MS = 86_400_000;

/** @param {number} ms @returns {string} YYYY-MM-DD */
export function dayOf(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/** @param {string} day YYYY-MM-DD @returns {number} */
export function dayStart(day) {
  return Date.parse(`${day}T00:00:00.000Z`);
}

/** @param {string} day @param {number} days @returns {string} */
export function addDays(day, days) {
  return dayOf(dayStart(day) + days * DAY_MS);
}

/** The first instant of the UTC month `offset` months after the one holding `ms`. */
export function monthStart(ms, offset = 0) {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1);
}

/**
 * `ms` moved back by `months` calendar months, the day clamped to the target month's length
 * (31 March minus one month is 28 or 29 February), so retention is never longer than promised.
 */
export function monthsBefore(ms, months) {
  const date = new Date(ms);
  const target = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - months, 1);
  const lastDay = new Date(Date.UTC(new Date(target).getUTCFullYear(), new Date(target).getUTCMonth() + 1, 0)).getUTCDate();
  return target + (Math.min(date.getUTCDate(), lastDay) - 1) * DAY_MS + (ms - Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** Whether `value` is a real calendar day written YYYY-MM-DD. */
export function isDay(value) {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && dayOf(dayStart(value)) === value;
}
