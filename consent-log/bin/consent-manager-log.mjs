#!/usr/bin/env node
// `npx consent-manager-log`: reads the settings, opens the database, listens.
import { createConsentLog, readSettings, SettingsError, settingsWarnings, USAGE } from '../src/server.mjs';

const argv = process.argv.slice(2);
// Before the settings are read: help is wanted most where they are not yet right.
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}

let settings;
try {
  settings = readSettings(process.env, argv);
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(`consent-manager-log: ${error.message}`);
  process.exit(2);
}
if (settings.help) {
  console.log(USAGE);
  process.exit(0);
}
for (const warning of settingsWarnings(settings)) console.warn(`consent-manager-log: ${warning}`);

/** One line for what stops the server from starting, with what to change where it is a setting. */
function startFailure(error) {
  const code = /** @type {{ code?: string }} */ (error)?.code;
  if (code === 'EADDRINUSE') return `port ${settings.port} on ${settings.host} is in use: set PORT (or --port) to a free one`;
  if (code === 'EACCES') return `may not listen on port ${settings.port}: use a port above 1023, or run with the right to bind it`;
  if (settings.databaseUrl && ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', '28P01', '3D000', '28000'].includes(code ?? '')) {
    return `the database at DATABASE_URL could not be used (${error.message}): check that PostgreSQL is running there and the URL's user, password and database are right`;
  }
  return String(error?.message ?? error);
}

let app;
let db;
let address;
try {
  ({ app, db } = await createConsentLog(settings, { logger: { level: process.env.LOG_LEVEL ?? 'warn' } }));
  address = await app.listen({ port: settings.port, host: settings.host });
} catch (error) {
  console.error(`consent-manager-log: did not start: ${startFailure(error)}`);
  await app?.close().catch(() => undefined);
  process.exit(1);
}
console.log(
  `consent-manager-log: listening on ${address} (${db.kind === 'pglite' ? `embedded PGlite in ${settings.dataDir}` : 'PostgreSQL'}; ` +
    `records kept ${settings.retentionMonths} months; writers: ${settings.origins === 'loopback' ? 'any loopback origin (development)' : settings.origins.join(', ')}` +
    `${settings.adminToken ? '' : '; read endpoints disabled until CONSENT_LOG_ADMIN_TOKEN is set'})`,
);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    // Close stops accepting, answers what is queued once it is stored, then closes the database.
    void app.close().then(() => process.exit(0));
  });
}
