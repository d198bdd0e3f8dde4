/**
 * Checks a vendor adapter's options with the config's own field reader (field-reader.ts), so that
 * the config and the adapters name problems the same way: by field, with the value found, and
 * unknown fields too, so a misspelt option is reported, not ignored. The adapter runner hands it
 * to every adapter as `context.checkOptions`; adapters never import it (nor bundle it).
 */

import type { AdapterContext, AdapterOptionExpectation, AdapterOptionProblem, AdapterOptionRule } from './adapter.js';
import { expectValue, type FieldProblem, type FieldReader, readShape, reject } from './field-reader.js';

/**
 * The problems with `options`: unknown fields first, then the options in the order of `rules`.
 * `defaultCategory` is the category the adapter follows when `category` is not given: one the
 * config does not have is a problem too, or the vendor would silently never load.
 */
export function optionProblems(options: object, rules: Readonly<Record<string, AdapterOptionRule>>, context: AdapterContext, defaultCategory?: string): AdapterOptionProblem[] {
  const problems: FieldProblem<AdapterOptionExpectation>[] = [];
  if (defaultCategory !== undefined && Reflect.get(options, 'category') === undefined && !context.categoryIds.includes(defaultCategory)) {
    reject(problems, 'category', 'default-category', defaultCategory);
  }
  const readers: Record<string, FieldReader<unknown, AdapterOptionExpectation>> = {};
  for (const [field, [test, expected, required]] of Object.entries(rules)) {
    // Only the problems are wanted here, not the values read, so a rule's test guards nothing more than `unknown`.
    readers[field] = expectValue((value): value is unknown => test(value, context), expected);
    if (required && Reflect.get(options, field) === undefined) reject(problems, field, expected, undefined);
  }
  readShape<AdapterOptionExpectation, typeof readers>(readers, false, 'known-field', 'object')(options, '', problems);
  const order = Object.keys(rules);
  return problems
    .sort((a, b) => order.indexOf(a.path) - order.indexOf(b.path))
    .map(({ path, problem, got }) => ({ field: path, expected: problem, ...(got === undefined ? {} : { got }) }));
}
