/** Delimited text (CSV, TSV) with RFC 4180 quoting: quoted fields may hold delimiters, `""` and newlines. */

/** One record and the 1-based line it starts on. */
export interface DelimitedRow {
  line: number;
  fields: string[];
}

/**
 * Splits delimited text into records. Blank lines are skipped.
 * @param text the whole file
 * @param delimiter `,` or a tab
 * @throws Error naming the line of an unterminated quoted field
 */
export function parseDelimited(text: string, delimiter: string): DelimitedRow[] {
  const rows: DelimitedRow[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let touched = false;
  const endRecord = (): void => {
    if (touched || fields.length > 0 || field !== '') {
      fields.push(field);
      rows.push({ line: rowLine, fields });
    }
    fields = [];
    field = '';
    touched = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
      quoteLine = line;
      touched = true;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
      touched = true;
    } else if (ch === '\n') {
      endRecord();
      line++;
      rowLine = line;
    } else if (ch !== '\r') {
      field += ch;
    }
  }
  if (quoted) throw new Error(`line ${quoteLine}: quoted field is never closed`);
  endRecord();
  return rows;
}

/**
 * Splits one line of delimited text (quotes honoured).
 * @param line the line, without its line break
 * @param delimiter `,` or a tab
 */
export function splitCsvLine(line: string, delimiter: string): string[] {
  return parseDelimited(line, delimiter)[0]?.fields ?? [''];
}
