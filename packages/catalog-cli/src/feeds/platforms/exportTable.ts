/** A platform's CSV export read by column name, so every problem can name the line and the columns. */
import type { CatalogProduct } from '@curio/core/internal';
import type { DelimitedRow } from '../csv.js';
import type { FeedIssue } from '../feedRecord.js';

/** A product built from an export, with the line it comes from (for messages). */
export interface LinedProduct {
  line: number;
  product: CatalogProduct;
}

/** What a platform reader produced: products (variants included) and problems. */
export interface PlatformFeed {
  products: LinedProduct[];
  issues: FeedIssue[];
}

/** Options every platform reader takes. */
export interface PlatformOptions {
  /** Time the sale-price dates are compared with (ms since the epoch). */
  now: number;
}

/** One record of an export, read by column name. */
export class ExportRow {
  constructor(
    private readonly table: ExportTable,
    /** 1-based line the record starts on. */
    readonly line: number,
    private readonly fields: string[],
  ) {}

  /** The trimmed value of the first of `columns` that has one (names case-insensitive). */
  get(...columns: string[]): string | undefined {
    return this.cell(...columns)?.value;
  }

  /** The first non-empty value among `columns`, and the column (as the header spells it) it came from. */
  cell(...columns: string[]): { value: string; column: string } | undefined {
    for (const name of columns) {
      const index = this.table.indexOf(name);
      const value = index === undefined ? undefined : this.fields[index]?.trim();
      if (value) return { value, column: this.table.header[index!]! };
    }
    return undefined;
  }

  /** Every column with a value: name as the header spells it → trimmed value (the first of repeated names wins). */
  values(): Array<[string, string]> {
    const found: Array<[string, string]> = [];
    this.table.header.forEach((name, i) => {
      const value = this.fields[i]!.trim();
      if (value !== '' && this.table.indexOf(name) === i) found.push([name, value]);
    });
    return found;
  }

  /** Values of numbered columns such as `Option1 Name` … `Option3 Name` (`pattern` with `N` for the number). */
  numbered(pattern: string, from = 1, to = 99): Array<{ n: number; value: string | undefined }> {
    const found = [];
    for (let n = from; n <= to; n++) {
      const name = pattern.replace('N', String(n));
      if (this.table.indexOf(name) === undefined) {
        if (n > from) break;
        continue;
      }
      found.push({ n, value: this.get(name) });
    }
    return found;
  }
}

/** A CSV export: its header and its records. */
export class ExportTable {
  private readonly index = new Map<string, number>();
  /** Column names as the header spells them. */
  readonly header: string[];
  readonly rows: ExportRow[] = [];
  /** Records whose field count does not match the header. */
  readonly issues: FeedIssue[] = [];

  /**
   * @param records the parsed CSV, header first
   */
  constructor(records: DelimitedRow[]) {
    const [head, ...body] = records;
    this.header = head?.fields.map((name) => name.trim()) ?? [];
    this.header.forEach((name, i) => {
      if (!this.index.has(name.toLowerCase())) this.index.set(name.toLowerCase(), i);
    });
    for (const row of body) {
      if (row.fields.length !== this.header.length) {
        this.issues.push({ line: row.line, message: `expected ${this.header.length} fields as in the header, found ${row.fields.length}` });
      } else this.rows.push(new ExportRow(this, row.line, row.fields));
    }
  }

  /** Position of a column (case-insensitive), if the header has it. */
  indexOf(name: string): number | undefined {
    return this.index.get(name.toLowerCase());
  }

  /** True when the header has every one of `columns`. */
  hasAll(columns: string[]): boolean {
    return columns.every((c) => this.indexOf(c) !== undefined);
  }
}

/** `"A", "B" or "C"`: a list of column names for messages. */
export function columnList(columns: string[]): string {
  const quoted = columns.map((c) => `"${c}"`);
  return quoted.length < 2 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

/** A problem with a value: the line, what is wrong, the column read and the columns expected. */
export function issue(line: number, subject: string, problem: string, expected: string[]): FeedIssue {
  return { line, message: `${subject}: ${problem}; expected ${expected.length > 1 ? 'one of the columns' : 'the column'} ${columnList(expected)}` };
}
