/** Small helpers for writing SQL text safely. */

/** A SQL string literal ('…' with quotes doubled). */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * A number as a SQL literal that every engine reads as the same double (JavaScript's shortest
 * round-trip form; never exponent-free rounding).
 */
export function sqlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
}
