// The element's consent-log requests, answered by the audit itself. Every phase makes choices
// (accept, reject, withdraw…) that the element records in the site's consent log: let through,
// each audit run would add records of consents no visitor gave, and skew the log's statistics.
import { CONSENT_LOG_ACTIONS } from 'consent-manager-element/core';

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Whether `value` has the shape of a consent-log record. Only the fields that make a record
 * one, not the log server's full validation: a site may run another version of the element,
 * whose records carry a field more or less and must still be recognized.
 */
function looksLikeRecord(value) {
  return (
    isObject(value) &&
    typeof value.recordId === 'string' &&
    typeof value.consentId === 'string' &&
    CONSENT_LOG_ACTIONS.includes(value.action) &&
    Array.isArray(value.granted) &&
    Array.isArray(value.denied) &&
    isObject(value.notice) &&
    typeof value.notice.hash === 'string' &&
    isObject(value.component)
  );
}

/**
 * How many consent-log records a request body holds, as the element's client posts them (one
 * record, or `{ "records": [...] }`, as JSON); 0 when the body is anything else. The request is
 * recognized by what it carries, wherever it goes: the log may be on any host, or on the site's.
 */
export function consentLogRecordCount(body) {
  if (typeof body !== 'string' || body === '') return 0;
  let value;
  try {
    value = JSON.parse(body);
  } catch {
    return 0;
  }
  if (isObject(value) && Array.isArray(value.records)) return value.records.length > 0 && value.records.every(looksLikeRecord) ? value.records.length : 0;
  return looksLikeRecord(value) ? 1 : 0;
}

/**
 * Makes `context` answer the element's consent-log requests the way the log server accepts
 * records (202, `{ accepted, duplicates }`), so the element goes on as in production while
 * nothing reaches the log. Every other request goes out untouched. `onAnswered(count)` is told
 * of each request answered, with its number of records.
 */
export async function answerConsentLogRequests(context, onAnswered = () => undefined) {
  await context.route('**/*', async (route) => {
    const request = route.request();
    const count = request.method() === 'POST' ? consentLogRecordCount(request.postData()) : 0;
    if (count === 0) {
      await route.fallback();
      return;
    }
    onAnswered(count);
    // The client sends no credentials, so `*` lets the page read the answer whatever its origin.
    await route.fulfill({ status: 202, headers: { 'access-control-allow-origin': '*', 'cache-control': 'no-store' }, contentType: 'application/json', body: JSON.stringify({ accepted: count, duplicates: 0 }) });
  });
}
