/**
 * Only http(s) and relative URLs from the catalog reach an `href` or `src`: an entry such as
 * `javascript:…` or `data:…` is refused (returns `undefined`).
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  // Browsers ignore tabs, newlines and leading spaces in URLs ("java\tscript:"), so test without them.
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(url.replace(/[\u0000-\u0020]/g, ''))?.[1];
  return !scheme || /^https?$/i.test(scheme) ? url : undefined;
}
