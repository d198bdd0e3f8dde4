import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  canonicalNoticeJson,
  type ConsentLogRecord,
  type ConsentNoticeContent,
  hashNotice,
  MAX_LOG_BATCH,
  noticeMatchesHash,
  validateConsentLogRecord,
} from '../../src/core/consent-log-record.js';

const notice: ConsentNoticeContent = {
  language: 'en',
  texts: { bannerTitle: 'We use cookies', bannerDescription: 'Ünïcödé ✓' },
  categories: [
    { id: 'necessary', required: true, label: 'Necessary', description: 'Needed' },
    { id: 'analytics', required: false, label: 'Analytics', description: 'Counts' },
  ],
  policyUrl: '/privacy',
};
/** Written by hand (keys sorted at every level) and hashed with Node's own `crypto.createHash`. */
const NOTICE_JSON =
  '{"categories":[{"description":"Needed","id":"necessary","label":"Necessary","required":true},{"description":"Counts","id":"analytics","label":"Analytics","required":false}],"language":"en","policyUrl":"/privacy","texts":{"bannerDescription":"Ünïcödé ✓","bannerTitle":"We use cookies"}}';
const NOTICE_HASH = '446592943df991995b3663ecd47c56faf7a0dcda6edca9c1e27292a513172ed8';

function record(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    recordId: 'r-AAECAwQFBgcICQoLDA0ODw',
    consentId: 'AAECAwQFBgcICQoLDA0ODw',
    action: 'given',
    granted: ['necessary', 'analytics'],
    denied: ['marketing'],
    method: 'banner',
    revision: 1,
    language: 'en',
    gpc: false,
    givenAt: 1_763_800_000,
    changedAt: 1_763_800_000,
    url: 'https://shop.example/checkout',
    notice: { hash: NOTICE_HASH, content: notice },
    component: { name: 'consent-manager-element', version: '0.1.0' },
    ...overrides,
  };
}

function errorsOf(value: unknown, path?: string): string[] {
  const result = validateConsentLogRecord(value, path);
  return result.ok ? [] : result.errors;
}

describe('canonicalNoticeJson and hashNotice', () => {
  it('writes sorted keys without whitespace, whatever order the keys came in', () => {
    const reordered: ConsentNoticeContent = {
      policyUrl: '/privacy',
      texts: { bannerDescription: 'Ünïcödé ✓', bannerTitle: 'We use cookies' },
      categories: notice.categories.map(({ label, description, required, id }) => ({ label, description, required, id })),
      language: 'en',
    };
    assert.equal(canonicalNoticeJson(notice), NOTICE_JSON);
    assert.equal(canonicalNoticeJson(reordered), NOTICE_JSON);
  });

  it('hashes the UTF-8 canonical JSON with SHA-256, as any other SHA-256 does', async () => {
    assert.equal(await hashNotice(notice), NOTICE_HASH);
  });

  it('gives another hash when one shown word, the category order or the policy link differs', async () => {
    const hashes = new Set([
      await hashNotice(notice),
      await hashNotice({ ...notice, texts: { ...notice.texts, bannerTitle: 'We use cookies!' } }),
      await hashNotice({ ...notice, categories: [...notice.categories].reverse() }),
      await hashNotice({ ...notice, policyUrl: null }),
    ]);
    assert.equal(hashes.size, 4);
  });

  it('tells content that hashes to its hash from forged content', async () => {
    const valid = validateConsentLogRecord(record());
    assert.equal(valid.ok, true);
    if (!valid.ok) return;
    assert.equal(await noticeMatchesHash(valid.record), true);
    const forged = { ...valid.record, notice: { hash: NOTICE_HASH, content: { ...notice, texts: { bannerTitle: 'Something else' } } } } as ConsentLogRecord;
    assert.equal(await noticeMatchesHash(forged), false);
    assert.equal(await noticeMatchesHash({ ...valid.record, notice: { hash: NOTICE_HASH } }), true);
  });
});

describe('validateConsentLogRecord', () => {
  it('accepts a complete record and one without notice content', () => {
    assert.deepEqual(errorsOf(record()), []);
    assert.deepEqual(errorsOf(record({ notice: { hash: NOTICE_HASH } })), []);
    assert.deepEqual(errorsOf(record({ action: 'reset', granted: [], denied: [], method: 'api', recordId: crypto.randomUUID() })), []);
  });

  it('names the path of each bad field', () => {
    assert.deepEqual([...(errorsOf(record({ consentId: 'short', action: 'accepted', revision: -1, gpc: 'no' })))].sort(), [...[
      'consentId: expected a consent id (22 base64url characters)',
      'action: expected one of given, changed, withdrawn, reset',
      'revision: expected an integer from 0 to 9007199254740991',
      'gpc: expected true or false',
    ]].sort());
    assert.deepEqual(errorsOf(record({ granted: ['necessary', 'Bad Id'] })), ['granted[1]: expected a category id']);
    assert.deepEqual(errorsOf(record({ notice: { hash: NOTICE_HASH, content: { ...notice, categories: [{ ...notice.categories[0], required: 'yes' }] } } })), [
      'notice.content.categories[0].required: expected true or false',
    ]);
    assert.deepEqual(errorsOf(record({ recordId: 7 }), 'records[3]'), ['records[3].recordId: expected a random id of 16 to 64 base64url characters']);
  });

  it('rejects missing and unknown fields, and values that are not records', () => {
    const withoutUrl = record();
    delete withoutUrl.url;
    assert.deepEqual(errorsOf(withoutUrl), ['url: required']);
    assert.deepEqual(errorsOf(record({ ip: '203.0.113.7' })), ['ip: unknown field']);
    assert.deepEqual(errorsOf(record({ notice: { hash: NOTICE_HASH, extra: 1 } })), ['notice.extra: unknown field']);
    for (const value of [null, undefined, 42, 'record', [], [record()]]) assert.deepEqual(errorsOf(value), ['record: expected an object']);
  });

  it('refuses a category both granted and denied, and a change before the first choice', () => {
    assert.deepEqual(errorsOf(record({ denied: ['analytics'] })), ['denied: analytics also granted']);
    assert.deepEqual(errorsOf(record({ givenAt: 1_763_800_001 })), ['changedAt: earlier than givenAt']);
    assert.deepEqual(errorsOf(record({ granted: ['analytics', 'analytics'] })), ['granted[1]: analytics is listed twice']);
  });

  it('keeps queries, fragments, credentials and other schemes out of the page URL', () => {
    for (const url of ['https://shop.example/?email=a@b.example', 'https://shop.example/#token', 'javascript:alert(1)', 'https://user:pw@shop.example/', '/relative', 'https://' + 'a'.repeat(2048)]) {
      assert.equal((errorsOf(record({ url }))).length, 1, url);
    }
    assert.equal((errorsOf(record({ notice: { hash: NOTICE_HASH, content: { ...notice, policyUrl: 'javascript:alert(1)' } } }))).length, 1);
  });

  it('bounds every list and string', () => {
    const many = Array.from({ length: 65 }, (_, index) => `c${index}`);
    assert.deepEqual(errorsOf(record({ granted: many, denied: [] })), ['granted: more than 64 categories']);
    assert.deepEqual(errorsOf(record({ notice: { hash: NOTICE_HASH, content: { ...notice, texts: { bannerTitle: 'x'.repeat(10_001) } } } })), [
      'notice.content.texts.bannerTitle: longer than 10000 characters',
    ]);
    const texts = Object.fromEntries(Array.from({ length: 65 }, (_, index) => [`t${index}`, 'x']));
    assert.deepEqual(errorsOf(record({ notice: { hash: NOTICE_HASH, content: { ...notice, texts } } })), ['notice.content.texts: more than 64 texts']);
    assert.deepEqual(errorsOf(record({ component: { name: 'x'.repeat(215), version: '1' } })), ['component.name: longer than 214 characters']);
    assert.deepEqual(errorsOf(record({ notice: { hash: NOTICE_HASH.toUpperCase() } })), ['notice.hash: expected a lower-case hex SHA-256']);
    assert.equal(MAX_LOG_BATCH, 100);
  });

  it('never throws, and either accepts exactly a valid shape or explains why not', () => {
    const fieldValue = fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.double(), fc.array(fc.string()));
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(record()), '__proto__', 'constructor', 'extra'), fieldValue, (key, value) => {
        const candidate = JSON.parse(JSON.stringify(record())) as Record<string, unknown>;
        Object.defineProperty(candidate, key, { value, enumerable: true, configurable: true, writable: true });
        const result = validateConsentLogRecord(candidate);
        if (!result.ok) assert.ok(result.errors.length > 0);
      }),
      { numRuns: 500 },
    );
    fc.assert(fc.property(fc.anything(), (value) => void validateConsentLogRecord(value)), { numRuns: 300 });
  });
});
