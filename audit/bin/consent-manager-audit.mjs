#!/usr/bin/env node
// `npx consent-manager-audit <url>`: see `--help` and the README's "Audit" section.
import { main } from '../src/cli.mjs';

process.exitCode = await main(process.argv.slice(2));
