/** Configuration errors and runtime warnings (docs/api.md#errors). */

const DOCS = 'https://github.com/curio-sdk/curio/blob/main/docs/';

/** Codes of configuration errors; each names what to change. */
export type CurioErrorCode = 'invalid_option' | 'invalid_catalog' | 'catalog_unavailable' | 'invalid_request' | 'invalid_preference';

/** Thrown (or rejected) for configuration mistakes only; the message says what to change and links to the docs. */
export class CurioError extends Error {
  /** Stable machine-readable code. */
  readonly code: CurioErrorCode;
  constructor(code: CurioErrorCode, message: string, docsPage = 'api.md') {
    super(`[curio] ${message} See ${DOCS}${docsPage}`);
    this.name = 'CurioError';
    this.code = code;
  }
}

/** An object that is not an array (nor null): a record of named fields, as read from JSON. */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v == 'object' && !!v && !Array.isArray(v);

/** A value in a message: strings and numbers as written, anything else (even a BigInt or a cycle) by its type. */
export const shown = (v: unknown): string => (typeof v == 'string' ? JSON.stringify(v) : typeof v == 'number' ? String(v) : typeof v);

/** Checks of an argument's fields: name → [test (given the value and the whole argument), what the value must be]. */
export type FieldChecks = Record<string, [(value: any, all: any) => unknown, string]>;

/** A check that the value is one of `list`. */
export const oneOf = (list: readonly string[]): FieldChecks[string] => [(v) => list.includes(v), `one of ${list.join(', ')}`];

/**
 * The first field of `arg` that fails its check, in table order, as `"name" must be …; got …`
 * (undefined if all pass). The first `required` fields are checked even when missing, the others
 * only when given.
 */
export function badField(arg: unknown, fields: FieldChecks, required: number): string | undefined {
  const o = (typeof arg == 'object' && arg) || {};
  for (const [n, [name, [ok, what]]] of Object.entries(fields).entries()) {
    const v = (o as Record<string, unknown>)[name];
    if ((v !== undefined || n < required) && !ok(v, o)) return `"${name}" must be ${what}; got ${shown(v)}.`;
  }
}

/** Throws a CurioError naming the first bad field of `arg` (see {@link badField}); `where` names the call. */
export function checkFields(code: CurioErrorCode, where: string, arg: unknown, fields: FieldChecks, required: number): void {
  const bad = badField(arg, fields, required);
  if (bad) throw new CurioError(code, `${where}: ${bad}`);
}

const warned = new Set<string>();

/** Logs a runtime problem once per distinct key; never throws. */
export function warnOnce(key: string, message: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  try {
    console.warn(`[curio] ${message}`);
  } catch {
    /* a console that throws must not break the page */
  }
}
