/**
 * Reading an object that comes from JSON field by field, in one vocabulary for the config
 * (config.ts) and the adapters' options (adapter-options.ts): a reader returns the value it read,
 * typed, or `INVALID` after recording why; a problem names the field by its path, says what was
 * expected as a code the diagnostics word, and describes the value found. Unknown fields are
 * problems too, so a misspelt option is reported, not ignored. Each caller has its own codes.
 */

export const INVALID = Symbol('invalid');

/** One problem with one field. */
export interface FieldProblem<Code extends string> {
  /** Where the field is: `storage.path`, `categories[1].id`, `measurementId`. */
  readonly path: string;
  readonly problem: Code;
  /** A short description of the value found, for instance `"opt_in"` or `an array`. */
  readonly got?: string;
  /** The allowed values, for a choice among a few. */
  readonly options?: readonly string[];
}

/** Reads one field: returns its value, or `INVALID` after recording why in `problems`. */
export type FieldReader<T, Code extends string> = (value: unknown, path: string, problems: FieldProblem<Code>[]) => T | typeof INVALID;

/** What a reader gives for a valid value. */
export type ReadValue<R> = R extends (...args: never[]) => infer T ? Exclude<T, typeof INVALID> : never;

/** What `readShape` gives: each field its reader accepted, with that reader's type; the others absent. */
export type ReadFields<F> = { -readonly [K in keyof F]?: ReadValue<F[K]> };

/** Whether `value` is an object with fields: not `null`, not an array. */
export function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `readShape` read the field `key`: a field it read is never `undefined`. */
export function hasField<T extends object, K extends keyof T>(fields: T, key: K): fields is T & { [P in K]-?: Exclude<T[P], undefined> } {
  return key in fields;
}

/** A short description of a value, for messages: strings quoted (and cut at 40 characters), objects by kind. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value;
}

/** `storage.path`, `label.pt-BR`; a key that is not a plain name is quoted: `[""]`, `["a b"]`. */
export function fieldPath(path: string, key: string): string {
  if (!/^[A-Za-z_$][\w$-]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path ? `${path}.${key}` : key;
}

/** Records a problem with the field at `path` itself (missing, unknown), without its value. */
export function fail<Code extends string>(problems: FieldProblem<Code>[], path: string, problem: Code): typeof INVALID {
  problems.push({ path, problem });
  return INVALID;
}

/** Like `fail`, for a problem with the value found at `path`. */
export function reject<Code extends string>(problems: FieldProblem<Code>[], path: string, problem: Code, value: unknown, options?: readonly string[]): typeof INVALID {
  problems.push({ path, problem, got: describeValue(value), ...(options ? { options } : {}) });
  return INVALID;
}

/** A reader that keeps a value passing `test` as it is, typed by the guard, and rejects any other as `problem`. */
export function expectValue<T, Code extends string>(test: (value: unknown) => value is T, problem: Code, options?: readonly string[]): FieldReader<T, Code> {
  return (value, path, problems) => (test(value) ? value : reject(problems, path, problem, value, options));
}

/**
 * Reads an object with known fields, each by its reader (fields set to `undefined` are left
 * out); an unknown field is recorded as `unknownField`, a value that is no object as `notObject`.
 * When `allOrNothing`, any problem drops the whole object (a half-read category could gate the
 * wrong thing); otherwise invalid fields are left out and take their defaults.
 */
export function readShape<Code extends string, F extends Readonly<Record<string, FieldReader<unknown, Code>>>>(
  fields: F,
  allOrNothing: boolean,
  unknownField: Code,
  notObject: Code,
): FieldReader<ReadFields<F>, Code> {
  return (value, path, problems) => {
    if (!isPlainObject(value)) return reject(problems, path || '(root)', notObject, value);
    const before = problems.length;
    const result: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      const at = fieldPath(path, key);
      const reader = Object.hasOwn(fields, key) ? fields[key] : undefined;
      if (!reader) fail(problems, at, unknownField);
      else if (field !== undefined) {
        const read = reader(field, at, problems);
        if (read !== INVALID) result[key] = read;
      }
    }
    // Each key holds what its own reader accepted, as ReadFields<F> says; the loop is beyond what TypeScript can follow.
    return allOrNothing && problems.length > before ? INVALID : (result as ReadFields<F>);
  };
}
