/**
 * LinkedIn Insight Tag. LinkedIn offers no consent call, so the tag is gated: nothing before
 * consent (no globals, no insight.min.js, and no `<noscript>` pixel, which no script can gate). On
 * grant: `_linkedin_partner_id`, the partner id pushed on `_linkedin_data_partner_ids`, the `lintrk`
 * queue, then insight.min.js. A stored grant loads it on every page. On withdrawal: the tag's
 * first-party cookies (`li_fat_id`, `ln_or`) expired and a reload recommended, as the running
 * tag cannot be told to stop.
 */

import type { AdapterConsent, AdapterContext, AdapterCookie, AdapterInfo, AdapterUpdateResult, ConsentAdapter } from '../src/core/adapter.js';
import { vendorGlobal } from './shared/globals.js';
import { checkOptions, isCategory, matches, type OptionRule } from './shared/options.js';

export interface LinkedInInsightOptions {
  /** The partner ID (digits) of LinkedIn's Insight Tag snippet. */
  readonly partnerId: string;
  /** The category that allows the tag; `marketing` by default. */
  readonly category?: string;
}

/** `lintrk`: calls queue on `q` until insight.min.js takes over. */
export interface Lintrk {
  (action: unknown, data?: unknown): void;
  q: unknown[][];
}

const INSIGHT_URL = 'https://snap.licdn.com/li.lms-analytics/insight.min.js';
const COOKIES = ['li_fat_id', 'ln_or'];

export function linkedInInsight(options: LinkedInInsightOptions): ConsentAdapter {
  const category = options.category ?? 'marketing';
  let context: AdapterContext | null = null;
  let loaded = false;

  /** Sets LinkedIn's globals as its snippet does, then loads the tag; reports a global that holds something else. */
  function load(): void {
    const win = context!.window;
    const globals = win as unknown as Record<string, unknown>;
    const partnerIds = vendorGlobal(win, '_linkedin_data_partner_ids');
    const lintrk = vendorGlobal(win, 'lintrk');
    if ((partnerIds !== undefined && !Array.isArray(partnerIds)) || (lintrk !== undefined && typeof lintrk !== 'function')) {
      context!.conflict(partnerIds !== undefined && !Array.isArray(partnerIds) ? '_linkedin_data_partner_ids' : 'lintrk');
      context = null;
      return;
    }
    loaded = true;
    globals._linkedin_partner_id = options.partnerId;
    const ids = (partnerIds as string[] | undefined) ?? [];
    if (!ids.includes(options.partnerId)) ids.push(options.partnerId);
    globals._linkedin_data_partner_ids = ids;
    if (lintrk === undefined) {
      const queue: Lintrk = (action: unknown, data?: unknown) => void queue.q.push([action, data]);
      queue.q = [];
      globals.lintrk = queue;
    }
    void context!.loadScript(INSIGHT_URL);
  }

  const cookie = (name: string, purpose: string, lifetime: string): AdapterCookie => ({ name, party: 'third', provider: 'LinkedIn', category, purpose, lifetime });
  const rules: Readonly<Record<string, OptionRule>> = {
    partnerId: [matches(/^\d{3,12}$/), 'partner-id', true],
    category: [isCategory, 'category'],
  };

  return {
    id: 'linkedin-insight',
    // First-party cookies the tag sets, lifetimes from the Open Cookie Database (LinkedIn's own table was not confirmed).
    cookies: [cookie('li_fat_id', 'Identifies LinkedIn members indirectly for conversions and retargeting', '30 days'), cookie('ln_or', 'Decides whether LinkedIn analytics run', '1 day')],
    start(given: AdapterContext, consent: AdapterConsent): void {
      if (!checkOptions(options, rules, given, category)) return;
      context = given;
      if (consent.categories[category] === true) load();
      else given.forget(COOKIES);
    },
    update(consent: AdapterConsent): AdapterUpdateResult | void {
      if (!context) return;
      if (consent.categories[category] === true) {
        if (!loaded) load();
        return;
      }
      context.forget(COOKIES);
      return { reloadRecommended: loaded && consent.changed.includes(category) };
    },
  };
}

/** Read by the build without loading this module (scripts/adapter-manifest.mjs). */
export const adapterInfo = { company: 'LinkedIn' } satisfies AdapterInfo;

export default linkedInInsight;
