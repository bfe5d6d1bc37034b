import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The portable list queries shipped in the package's `sql/` folder. */
export type ListQueryName = 'sequential_rules' | 'repeats' | 'cooccurrence' | 'popularity';

/**
 * The package's `sql/` folder: next to `dist/` when built, two levels up from `src/engine/` in
 * tests.
 */
export function sqlDirectory(): string {
  for (const relative of ['../sql/', '../../sql/']) {
    const dir = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(`${dir}sequential_rules.sql`)) return dir;
  }
  throw new Error('the catalog CLI\'s sql/ folder is missing from its installation');
}

/**
 * A list query with its `${name}` placeholders filled in. The same text runs on DuckDB and Spark
 * SQL (and, with the rewrite in docs/catalog-cli.md, on BigQuery).
 * @param name the query file (without `.sql`)
 * @param parameters every placeholder's value (relation names or numbers)
 * @throws Error naming a placeholder without a value
 */
export function listQuery(name: ListQueryName, parameters: Record<string, string | number>): string {
  const template = readFileSync(`${sqlDirectory()}${name}.sql`, 'utf8');
  return fillTemplate(template, parameters);
}

/**
 * Replaces `${name}` placeholders.
 * @throws Error naming a placeholder without a value
 */
export function fillTemplate(template: string, parameters: Record<string, string | number>): string {
  return template.replace(/\$\{(\w+)\}/g, (_, key: string) => {
    const value = parameters[key];
    if (value === undefined) throw new Error(`SQL template placeholder \${${key}} has no value`);
    return String(value);
  });
}
