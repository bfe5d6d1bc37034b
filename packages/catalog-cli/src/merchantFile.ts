/** The shop's rules and collections file (`--rules`), checked with the SDK's own validation. */
import { checkCollections, checkRules, type CatalogFile } from '@curio/core/internal';

/**
 * Parses and checks `{ "rules": [...], "collections": [...] }`.
 * @param text the file's content
 * @param path the file's name, for messages
 * @returns the rules and collections to put into the catalog
 * @throws Error listing every problem (naming the rule or collection and the field)
 */
export function readMerchantFile(text: string, path: string): Pick<CatalogFile, 'rules' | 'collections'> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new Error(`${path} is not valid JSON (${(e as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${path} must be a JSON object { "rules": [...], "collections": [...] }`);
  const { rules, collections, ...other } = parsed as Record<string, unknown>;
  const unknown = Object.keys(other);
  if (unknown.length) throw new Error(`${path}: unknown field(s) ${unknown.join(', ')}; expected "rules" and "collections"`);
  const checkedRules = checkRules(rules);
  const checkedCollections = checkCollections(collections);
  const problems = [...checkedRules.problems, ...checkedCollections.problems];
  if (problems.length) throw new Error(`${path}: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  return { ...(rules !== undefined && { rules: checkedRules.valid }), ...(collections !== undefined && { collections: checkedCollections.valid }) };
}
