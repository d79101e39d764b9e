/**
 * How long a `Retry-After` header asks to wait, in milliseconds: a number of seconds or an
 * HTTP date. `null` when absent or unreadable; a date in the past is 0.
 *
 * @example retryAfterMs('12') // → 12000
 * @example retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:30 GMT')) // → 30000
 */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only an HTTP date (IMF-fixdate and its older forms) has letters: "12.5" or "-3" are not dates.
  if (!/[A-Za-z]/.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
