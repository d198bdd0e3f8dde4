#!/usr/bin/env node
// `npx consent-manager-log`: reads the settings, opens the database, listens.
import { createConsentLog, readSettings, SettingsError, USAGE } from '../src/server.mjs';

let settings;
try {
  settings = readSettings(process.env, process.argv.slice(2));
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(`consent-manager-log: ${error.message}`);
  process.exit(2);
}
if (settings.help) {
  console.log(USAGE);
  process.exit(0);
}

const { app, db } = await createConsentLog(settings, { logger: { level: process.env.LOG_LEVEL ?? 'warn' } });
const address = await app.listen({ port: settings.port, host: settings.host });
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
