// Settings from the environment, each also a command-line flag (flags win). One clear error for
// a bad value, before the server opens anything.
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';

export const DEFAULT_PORT = 8787;
/**
 * 24 months: the sites this was built for promise to keep log data "up to 24 months", and a
 * consent stays valid for at most 13 (the element's cookie lives 395 days at most), which leaves
 * time to answer a complaint about a consent near its end.
 */
export const DEFAULT_RETENTION_MONTHS = 24;
export const DEFAULT_RATE_LIMIT = 600;
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
const MIN_TOKEN_LENGTH = 16;

/** Each setting: its flag, its variable, and whether the flag takes a value. */
const OPTIONS = {
  port: { env: 'PORT', type: 'string' },
  host: { env: 'HOST', type: 'string' },
  'database-url': { env: 'DATABASE_URL', type: 'string' },
  'data-dir': { env: 'CONSENT_LOG_DATA_DIR', type: 'string' },
  origins: { env: 'CONSENT_LOG_ORIGINS', type: 'string' },
  'admin-token': { env: 'CONSENT_LOG_ADMIN_TOKEN', type: 'string' },
  'retention-months': { env: 'CONSENT_LOG_RETENTION_MONTHS', type: 'string' },
  ip: { env: 'CONSENT_LOG_IP', type: 'string' },
  'rate-limit': { env: 'CONSENT_LOG_RATE_LIMIT', type: 'string' },
  'body-limit': { env: 'CONSENT_LOG_BODY_LIMIT', type: 'string' },
  'trust-proxy': { env: 'CONSENT_LOG_TRUST_PROXY', type: 'string' },
  development: { env: 'CONSENT_LOG_DEVELOPMENT', type: 'boolean' },
  help: { env: null, type: 'boolean' },
};

export const USAGE = `Usage: consent-manager-log [options]   (each option also reads from its environment variable)

  --port N               PORT                          listen port (${DEFAULT_PORT})
  --host H               HOST                          listen address (127.0.0.1)
  --database-url URL     DATABASE_URL                  postgres://… ; unset: embedded PGlite in --data-dir
  --data-dir DIR         CONSENT_LOG_DATA_DIR          PGlite's directory (./consent-log-data)
  --origins LIST         CONSENT_LOG_ORIGINS           comma-separated site origins allowed to write (required outside development)
  --admin-token T        CONSENT_LOG_ADMIN_TOKEN       bearer token for the read endpoints and the dashboard (${MIN_TOKEN_LENGTH}+ characters)
  --retention-months N   CONSENT_LOG_RETENTION_MONTHS  months records are kept (${DEFAULT_RETENTION_MONTHS})
  --ip drop|truncate     CONSENT_LOG_IP                drop the address (default) or keep its /24 or /48 network
  --rate-limit N         CONSENT_LOG_RATE_LIMIT        writes per minute per client address (${DEFAULT_RATE_LIMIT})
  --body-limit BYTES     CONSENT_LOG_BODY_LIMIT        largest request body (${DEFAULT_BODY_LIMIT})
  --trust-proxy VALUE    CONSENT_LOG_TRUST_PROXY       behind a proxy: its addresses or networks (comma-separated), or true
  --development          CONSENT_LOG_DEVELOPMENT=1     or NODE_ENV=development: any loopback origin may write
`;

export class SettingsError extends Error {}

/** The networks proxy-addr (Fastify's) names by keyword. */
const PROXY_KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * `CONSENT_LOG_TRUST_PROXY` as Fastify takes it: off, `true` (trust every hop: only where nothing
 * but the proxy can reach this server), or the proxies' addresses and networks. A hop count is
 * refused: Fastify no longer trusts hops it cannot check against an address, and would take every
 * visitor for the proxy, one rate limit for the whole site.
 * @param {string | undefined} text
 * @returns {boolean | string}
 */
function trustProxy(text) {
  if (text === undefined || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) throw new SettingsError(`CONSENT_LOG_TRUST_PROXY: a hop count ("${text}") is not supported; give the proxy's address or network, such as 10.0.0.1 or 10.0.0.0/8, or true if nothing but the proxy can reach this server`);
  for (const entry of text.split(',').map((part) => part.trim())) {
    const [address = '', prefix, extra] = entry.split('/');
    const family = isIP(address);
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (!PROXY_KEYWORDS.has(entry) && (family === 0 || !prefixOk || extra !== undefined)) {
      throw new SettingsError(`CONSENT_LOG_TRUST_PROXY: "${entry.slice(0, 60)}" is not an address, a network such as 10.0.0.0/8, loopback, linklocal or uniquelocal (or the whole value true or false)`);
    }
  }
  return text;
}

/**
 * What a valid but unwise setting should be told at start: one line each.
 * @param {Settings} settings
 */
export function settingsWarnings(settings) {
  return settings.retentionMonths < 13
    ? [`CONSENT_LOG_RETENTION_MONTHS is ${settings.retentionMonths}: a consent stays in force up to 13 months, so the proof of a consent still in force will be deleted`]
    : [];
}

function integer(name, text, min, max) {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) throw new SettingsError(`${name} must be a whole number from ${min} to ${max}, not "${text}"`);
  return Number(text);
}

/** @param {string} origin */
function normalizeOrigin(origin) {
  let url;
  try {
    url = new URL(origin);
  } catch {
    throw new SettingsError(`CONSENT_LOG_ORIGINS: "${origin}" is not an origin such as https://shop.example`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== origin.replace(/\/$/, '')) {
    throw new SettingsError(`CONSENT_LOG_ORIGINS: "${origin}" is not an origin such as https://shop.example (scheme, host and port only)`);
  }
  return url.origin;
}

/**
 * @typedef {{ port: number, host: string, databaseUrl: string | undefined, dataDir: string, origins: string[] | 'loopback',
 *   adminToken: string | undefined, retentionMonths: number, ip: 'drop' | 'truncate', rateLimit: number, bodyLimit: number,
 *   trustProxy: boolean | string, development: boolean }} Settings
 */

/**
 * @param {NodeJS.ProcessEnv} env @param {string[]} argv
 * @returns {Settings & { help: boolean }}
 */
export function readSettings(env = process.env, argv = []) {
  let flags;
  try {
    flags = parseArgs({ args: argv, options: Object.fromEntries(Object.entries(OPTIONS).map(([name, { type }]) => [name, { type }])), strict: true }).values;
  } catch (error) {
    throw new SettingsError(`${error.message}\n\n${USAGE}`);
  }
  /** @param {keyof typeof OPTIONS} name */
  const value = (name) => {
    const flag = flags[name];
    if (flag !== undefined) return flag === true ? '1' : String(flag);
    const variable = OPTIONS[name].env;
    return variable && env[variable] !== '' ? env[variable] : undefined;
  };
  const development = value('development') === '1' || value('development') === 'true' || env.NODE_ENV === 'development';
  const originsText = value('origins');
  const origins = originsText ? originsText.split(',').map((origin) => normalizeOrigin(origin.trim())) : development ? 'loopback' : null;
  if (!origins) throw new SettingsError('CONSENT_LOG_ORIGINS is required: the comma-separated origins of the sites that may write, such as https://shop.example (or run with --development)');
  const adminToken = value('admin-token');
  if (adminToken !== undefined && adminToken.length < MIN_TOKEN_LENGTH && !development) throw new SettingsError(`CONSENT_LOG_ADMIN_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters`);
  const ip = value('ip') ?? 'drop';
  if (ip !== 'drop' && ip !== 'truncate') throw new SettingsError(`CONSENT_LOG_IP must be drop or truncate, not "${ip}"`);
  const databaseUrl = value('database-url');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new SettingsError('DATABASE_URL must be a postgres:// URL (unset it to use the embedded database)');
  return {
    help: flags.help === true,
    port: integer('PORT', value('port') ?? String(DEFAULT_PORT), 0, 65_535),
    host: value('host') ?? '127.0.0.1',
    databaseUrl,
    dataDir: value('data-dir') ?? './consent-log-data',
    origins,
    adminToken,
    retentionMonths: integer('CONSENT_LOG_RETENTION_MONTHS', value('retention-months') ?? String(DEFAULT_RETENTION_MONTHS), 1, 240),
    ip,
    rateLimit: integer('CONSENT_LOG_RATE_LIMIT', value('rate-limit') ?? String(DEFAULT_RATE_LIMIT), 1, 10_000_000),
    bodyLimit: integer('CONSENT_LOG_BODY_LIMIT', value('body-limit') ?? String(DEFAULT_BODY_LIMIT), 1024, 64 * 1024 * 1024),
    trustProxy: trustProxy(value('trust-proxy')),
    development,
  };
}
