import { readdirSync, readFileSync } from 'node:fs';
import { SparkSQL } from 'dt-sql-parser';
import { describe, expect, it } from 'vitest';
import { fillTemplate, sqlDirectory } from '../src/index.js';

/** Values for every placeholder, as the builders fill them in (a view name for the input). */
const PARAMETERS = { clicks: 'train_clicks', window: 10, unit: 2520, backward: 0.5, keep: 20, alpha: 0.8, newest: 168002, half_life: 16800.3 };

describe('the list queries are one dialect', () => {
  const files = readdirSync(sqlDirectory()).filter((f) => f.endsWith('.sql'));

  it('ships the four queries', () => {
    expect(files.sort()).toEqual(['cooccurrence.sql', 'popularity.sql', 'repeats.sql', 'sequential_rules.sql']);
  });

  // DuckDB runs them in every engine test; here Spark SQL's own grammar (dt-sql-parser's SparkSQL
  // parser is generated from Spark's SqlBaseParser.g4) must accept them as written.
  it.each(files)('%s parses as Spark SQL', (file) => {
    const sql = fillTemplate(readFileSync(`${sqlDirectory()}${file}`, 'utf8'), PARAMETERS);
    expect(new SparkSQL().validate(sql)).toEqual([]);
  });

  it('the check rejects DuckDB-only syntax', () => {
    const spark = new SparkSQL();
    expect(spark.validate('SELECT item::INTEGER FROM clicks')).not.toEqual([]);
    expect(spark.validate('SELECT unnest([1, 2]) FROM clicks')).not.toEqual([]);
  });
});
