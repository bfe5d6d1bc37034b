/**
 * The one way Curio fetches a catalog file: no cookies or other credentials (the files are the
 * same for every visitor, so nothing may tie a request to a session), no referrer (the page's URL
 * is not the file server's business), and the browser's ordinary HTTP cache (docs/hosting.md).
 */
export const fetchFile = (url: URL): Promise<Response> => fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer' });
