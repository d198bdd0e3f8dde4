/**
 * Checks an adapter's options, which may come from a JSON config: every problem is named by its
 * field, and unknown fields are problems too, so a misspelt option is reported, not ignored.
 */

import type { AdapterContext, AdapterOptionExpectation, AdapterOptionProblem } from '../../src/core/adapter.js';

/** A test for one option, the expectation it names when it fails, and whether the option is required. */
export type OptionRule = readonly [test: (value: unknown, context: AdapterContext) => boolean, expected: AdapterOptionExpectation, required?: true];

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
}

export function optionProblems(options: object, rules: Readonly<Record<string, OptionRule>>, context: AdapterContext): AdapterOptionProblem[] {
  const problems: AdapterOptionProblem[] = [];
  const values = options as Readonly<Record<string, unknown>>;
  for (const field of Object.keys(values)) {
    if (!Object.hasOwn(rules, field)) problems.push({ field, expected: 'known-field' });
  }
  for (const [field, [test, expected, required]] of Object.entries(rules)) {
    const value = values[field];
    if (value === undefined ? required : !test(value, context)) problems.push({ field, expected, got: describe(value) });
  }
  return problems;
}

/** Checks the options and reports any problem; returns whether the adapter may go on. */
export function checkOptions(options: object, rules: Readonly<Record<string, OptionRule>>, context: AdapterContext): boolean {
  const problems = optionProblems(options, rules, context);
  if (problems.length > 0) context.invalid(problems);
  return problems.length === 0;
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
