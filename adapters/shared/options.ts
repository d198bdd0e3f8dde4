/**
 * Checks an adapter's options, which may come from a JSON config, with the config's own field
 * reader (src/core/field-reader.ts): every problem is named by its field, and unknown fields are
 * problems too, so a misspelt option is reported, not ignored.
 */

import type { AdapterContext, AdapterOptionExpectation, AdapterOptionProblem } from '../../src/core/adapter.js';
import { expectValue, type FieldProblem, type FieldReader, isPlainObject, readShape, reject } from '../../src/core/field-reader.js';

/** A test for one option, the expectation it names when it fails, and whether the option is required. */
export type OptionRule = readonly [test: (value: unknown, context: AdapterContext) => boolean, expected: AdapterOptionExpectation, required?: true];

/** The problems with `options`, read as the config is (src/core/field-reader.ts): unknown fields first, then the options in the order of `rules`. */
export function optionProblems(options: object, rules: Readonly<Record<string, OptionRule>>, context: AdapterContext): AdapterOptionProblem[] {
  const problems: FieldProblem<AdapterOptionExpectation>[] = [];
  const readers: Record<string, FieldReader<unknown, AdapterOptionExpectation>> = {};
  for (const [field, [test, expected, required]] of Object.entries(rules)) {
    readers[field] = expectValue((value) => test(value, context), expected);
    if (required && (options as Readonly<Record<string, unknown>>)[field] === undefined) reject(problems, field, expected, undefined);
  }
  readShape<AdapterOptionExpectation>(readers, false, 'known-field', 'object')(options, '', problems);
  const order = Object.keys(rules);
  return problems
    .sort((a, b) => order.indexOf(a.path) - order.indexOf(b.path))
    .map(({ path, problem, got }) => ({ field: path, expected: problem, ...(got === undefined ? {} : { got }) }));
}

/** Checks the options and reports any problem; returns whether the adapter may go on. */
export function checkOptions(options: object, rules: Readonly<Record<string, OptionRule>>, context: AdapterContext): boolean {
  const problems = optionProblems(options, rules, context);
  if (problems.length > 0) context.invalid(problems);
  return problems.length === 0;
}

export const isCategory = (value: unknown, context: AdapterContext): boolean => typeof value === 'string' && context.categoryIds.includes(value);
export const isBoolean = (value: unknown): boolean => typeof value === 'boolean';
export const isObject: (value: unknown) => boolean = isPlainObject;
export const matches =
  (pattern: RegExp) =>
  (value: unknown): boolean =>
    typeof value === 'string' && pattern.test(value);

/** An https URL without trailing slash, query or fragment; plain http only for this machine (development). */
export const isHttpsUrl = matches(/^(https:\/\/[^/?#\s]+|http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?)(\/[^?#\s]*[^/?#\s])?$/);
