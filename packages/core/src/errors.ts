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
