/**
 * Which declaration, if any, describes a cookie or storage key seen in a browser. Used by tools
 * that compare what a site sets with what its config says (the audit), so they read the config
 * the way the element does.
 */

import type { ConsentConfig, CookieDeclaration } from './config.js';

/** A declaration together with the category it is filed under. */
export interface CategorizedDeclaration extends CookieDeclaration {
  /** The id of the category that allows it. */
  readonly category: string;
}

/**
 * Whether `declaration` describes the cookie or key `name`: its exact `name`, or a name its
 * `pattern` matches. A pattern that is not a valid regular expression matches nothing.
 */
export function declarationMatches(declaration: CookieDeclaration, name: string): boolean {
  if (declaration.name !== undefined) return declaration.name === name;
  if (declaration.pattern === undefined) return false;
  try {
    return new RegExp(declaration.pattern).test(name);
  } catch {
    return false;
  }
}

/**
 * Every declaration of a config, each with its category, followed by `extra` ones (the cookies
 * vendor adapters declare, which carry their category already).
 */
export function categorizedDeclarations(config: Pick<ConsentConfig, 'categories'>, extra: readonly CategorizedDeclaration[] = []): CategorizedDeclaration[] {
  return [...config.categories.flatMap((category) => category.cookies.map((cookie) => ({ ...cookie, category: category.id }))), ...extra];
}

/** The first declaration that describes `name`, exact names before patterns; undefined when none does. */
export function findDeclaration<T extends CookieDeclaration>(declarations: readonly T[], name: string): T | undefined {
  return declarations.find((declaration) => declaration.name === name) ?? declarations.find((declaration) => declarationMatches(declaration, name));
}
