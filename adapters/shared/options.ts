/**
 * Option checks for the shipped adapters. The checking itself is the element's
 * (`context.checkOptions`, src/core/adapter-options.ts): the config's field reader, which so
 * stays out of every adapter's chunk.
 */

import type { AdapterContext, AdapterOptionRule } from '../../src/core/adapter.js';

/** A test for one option, the expectation it names when it fails, and whether the option is required. */
export type OptionRule = AdapterOptionRule;

/**
 * Checks the options, and that `defaultCategory`, the category the adapter follows when `category`
 * is not given, is one of the config's; reports any problem; returns whether the adapter may go on.
 */
export function checkOptions(options: object, rules: Readonly<Record<string, OptionRule>>, context: AdapterContext, defaultCategory?: string): boolean {
  return context.checkOptions(options, rules, defaultCategory);
}

export const isCategory = (value: unknown, context: AdapterContext): boolean => typeof value === 'string' && context.categoryIds.includes(value);
export const isBoolean = (value: unknown): boolean => typeof value === 'boolean';
export const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);
export const matches =
  (pattern: RegExp) =>
  (value: unknown): boolean =>
    typeof value === 'string' && pattern.test(value);

/** An https URL without trailing slash, query or fragment; plain http only for this machine (development). */
export const isHttpsUrl = matches(/^(https:\/\/[^/?#\s]+|http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?)(\/[^?#\s]*[^/?#\s])?$/);
