import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checksum, type ConsentRecord, createConsentId, decodeRecord, encodeRecord, MAX_RECORD_LENGTH } from '../../src/core/record.js';

const record: ConsentRecord = {
  version: 1,
  id: 'AAECAwQFBgcICQoLDA0ODw',
  revision: 2,
  createdAt: 1_763_800_000,
  updatedAt: 1_763_900_000,
  granted: ['necessary', 'analytics'],
  denied: ['marketing', 'preferences'],
  method: 'banner',
  gpc: false,
  language: 'pt-BR',
};

/** Re-signs an edited body, to test the field checks behind the checksum. */
function signed(body: string): string {
  return `${body}&s=${checksum(body)}`;
}

function body(value: string): string {
  return value.slice(0, value.lastIndexOf('&s='));
}

describe('encodeRecord', () => {
  it('writes the documented compact form', () => {
    const value = encodeRecord(record);
    assert.equal(body(value), 'v=1&id=AAECAwQFBgcICQoLDA0ODw&r=2&c=1763800000&u=1763900000&g=necessary.analytics&d=marketing.preferences&m=banner&gpc=0&l=pt-BR');
    assert.match(value, /&s=[0-9a-z]+$/);
  });

  it('uses only characters a cookie value may hold unquoted', () => {
    // RFC 6265 cookie-octet: no control characters, whitespace, double quote, comma, semicolon or backslash.
    assert.match(encodeRecord({ ...record, gpc: true, method: 'preferences', granted: [], denied: ['a_b-c'] }), /^[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]+$/);
  });

  it('can be read by a standard form parser, as a back end would', () => {
    const params = new URLSearchParams(encodeRecord(record));
    assert.deepEqual(params.get('g')?.split('.'), ['necessary', 'analytics']);
    assert.equal(params.get('r'), '2');
    assert.equal(params.get('gpc'), '0');
  });
});

describe('decodeRecord', () => {
  it('reads back what it wrote', () => {
    assert.deepEqual(decodeRecord(encodeRecord(record)), record);
    const other: ConsentRecord = { ...record, granted: [], denied: [], gpc: true, method: 'gpc', language: 'zh-Hans-CN' };
    assert.deepEqual(decodeRecord(encodeRecord(other)), other);
  });

  it('reads a percent-encoded copy of the value', () => {
    assert.deepEqual(decodeRecord(encodeURIComponent(encodeRecord(record))), record);
  });

  it('treats every truncation as no choice', () => {
    const value = encodeRecord(record);
    for (let length = 0; length < value.length; length++) {
      assert.equal(decodeRecord(value.slice(0, length)), null, `cut at ${length}`);
    }
  });

  it('treats a changed character as no choice', () => {
    const value = encodeRecord(record);
    const tampered = [
      value.replace('d=marketing.preferences', 'd=preferences&g=marketing'),
      value.replace('g=necessary.analytics', 'g=necessary.analytics.marketing'),
      value.replace('gpc=0', 'gpc=1'),
      value.replace('r=2', 'r=3'),
      value.slice(0, -1) + (value.endsWith('0') ? '1' : '0'),
    ];
    for (const candidate of tampered) assert.equal(decodeRecord(candidate), null, candidate);
  });

  it('treats foreign values as no choice', () => {
    const foreign: unknown[] = [
      '',
      'true',
      'yes',
      'accepted',
      '{"categories":["analytics"],"revision":0}',
      encodeURIComponent('{"categories":["necessary","analytics"]}'),
      '!gtag=true!youtube=false',
      'allow',
      '%E0%A4%A',
      undefined,
      null,
      42,
      { granted: ['analytics'] },
    ];
    for (const value of foreign) assert.equal(decodeRecord(value), null, String(value));
  });

  it('treats a future schema version as no choice, even when its checksum is right', () => {
    assert.equal(decodeRecord(signed(body(encodeRecord(record)).replace('v=1', 'v=2'))), null);
  });

  it('checks each field even behind a valid checksum', () => {
    const base = body(encodeRecord(record));
    const invalid = [
      base.replace('id=AAECAwQFBgcICQoLDA0ODw', 'id=short'),
      base.replace('r=2', 'r=-2'),
      base.replace('r=2', 'r=02'),
      base.replace('c=1763800000', 'c=1763999999'), // created after updated
      base.replace('u=1763900000', 'u=1e9'),
      base.replace('g=necessary.analytics', 'g=necessary.Analytics'),
      base.replace('g=necessary.analytics', 'g=necessary.necessary'),
      base.replace('g=necessary.analytics', 'g=necessary.marketing'), // granted and denied at once
      base.replace('g=necessary.analytics', 'g=necessary..analytics'),
      base.replace('m=banner', 'm=implied'),
      base.replace('gpc=0', 'gpc=true'),
      base.replace('l=pt-BR', 'l=<script>'),
      base.replace('&m=banner', ''),
      base.replace('v=1&id', 'id'),
      `${base}&x=1`,
      base.replace('r=2&c=1763800000', 'c=1763800000&r=2'),
      base.replace('&u=', '&u=1&u='),
    ];
    for (const value of invalid) assert.equal(decodeRecord(signed(value)), null, value);
  });

  it('refuses oversized values before parsing them', () => {
    const huge = signed(`${body(encodeRecord(record))}${'.a'.repeat(MAX_RECORD_LENGTH)}`);
    assert.equal(decodeRecord(huge), null);
  });
});

describe('createConsentId', () => {
  it('encodes 16 random bytes as 22 base64url characters', () => {
    const bytes = Uint8Array.from({ length: 16 }, (_, index) => index * 17);
    const id = createConsentId(() => bytes);
    assert.match(id, /^[A-Za-z0-9_-]{22}$/);
    assert.equal(createConsentId(() => new Uint8Array(16).fill(255)), '_____________________w');
  });

  it('differs between calls with real randomness', () => {
    const random = (length: number) => crypto.getRandomValues(new Uint8Array(length));
    const ids = new Set(Array.from({ length: 50 }, () => createConsentId(random)));
    assert.equal(ids.size, 50);
  });
});

describe('the documented example', () => {
  it('is a record this version reads', () => {
    // The same value appears in the README and in src/core/record.ts.
    const example = 'v=1&id=3q2-7wE8Tn6J0c1YbXk1vA&r=1&c=1763800000&u=1763800000&g=necessary.analytics&d=marketing&m=banner&gpc=0&l=en&s=fg0c7m';
    assert.deepEqual(decodeRecord(example)?.granted, ['necessary', 'analytics']);
  });
});
