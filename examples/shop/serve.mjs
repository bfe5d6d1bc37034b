// Serves the demo shop on localhost: `node examples/shop/serve.mjs` (PORT, default 8080; 0 = any
// free port). Generates the catalog when missing or stale and builds the pages first. No external requests.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { brotliCompress, gzip, constants as zlib } from 'node:zlib';
import { promisify } from 'node:util';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureShopData } from './generate-catalog.mjs';
import { buildSite } from './build-site.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.bin': 'application/octet-stream',
};
// A strict policy, to show that Curio needs no inline script or style.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'";

/** Types worth compressing (images here are SVG text too). */
const COMPRESSIBLE = /^(text\/|application\/(json|octet-stream)|image\/svg)/;
/**
 * A content-hashed file name (`catalog.3f9a1c2e.json`, `curio.picks-5d1e8a0b.js`: 8+ hex digits,
 * as the build and the catalog CLI write them): its bytes never change under that name, so
 * browsers may keep it a year without asking again. Pages are never treated so.
 */
export const isContentHashed = (path) => /[.-][0-9a-f]{8,}\.(js|json|bin|css)$/.test(path);

/**
 * The headers a static host should send (docs/hosting.md): a strong validator (ETag of the bytes,
 * per encoding), `immutable` for content-hashed names and `no-cache` (revalidate, usually a 304
 * with no body) for the rest, and brotli or gzip as the browser accepts.
 */
function cachingHeaders(path, etag) {
  return { etag, vary: 'accept-encoding', 'cache-control': isContentHashed(path) ? 'public, max-age=31536000, immutable' : 'no-cache' };
}

/** Each file's bytes, ETag and compressed forms, computed once per version of the file (by mtime and size). */
const encoded = new Map();
function encodedFile(file) {
  const { mtimeMs, size } = statSync(file);
  const key = `${file}:${mtimeMs}:${size}`;
  let entry = encoded.get(file);
  if (entry?.key !== key) {
    const bytes = readFileSync(file);
    entry = { key, bytes, hash: createHash('sha256').update(bytes).digest('base64url').slice(0, 22), forms: new Map() };
    encoded.set(file, entry);
  }
  return entry;
}

/** The encoding to answer with: brotli, else gzip, else none (by the request's Accept-Encoding). */
function negotiate(acceptEncoding = '') {
  const accepted = (name) => new RegExp(`(^|,)\\s*${name}\\s*(;\\s*q=(?!0(\\.0*)?\\s*(,|$))[\\d.]+)?\\s*(,|$)`).test(acceptEncoding);
  return accepted('br') ? 'br' : accepted('gzip') ? 'gzip' : undefined;
}

/**
 * A static file server for `root`: extensionless and directory URLs map to `.html` / `index.html`.
 * Sends brotli or gzip, ETags and cache headers as a production host would (see {@link cachingHeaders}).
 */
export function staticHandler(root) {
  return (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://localhost').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`;
    if (!file.startsWith(root) || !existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const entry = encodedFile(file);
    const encoding = COMPRESSIBLE.test(type) && entry.bytes.length > 512 ? negotiate(request.headers['accept-encoding']) : undefined;
    const etag = `"${entry.hash}${encoding ? `-${encoding}` : ''}"`;
    const headers = { 'content-type': type, 'content-security-policy': CSP, ...cachingHeaders(path, etag) };
    const matches = request.headers['if-none-match']?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
    if (matches) {
      response.writeHead(304, headers).end();
      return;
    }
    const send = (body) => {
      response.writeHead(200, { ...headers, 'content-length': body.length });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (!encoding) return send(entry.bytes);
    headers['content-encoding'] = encoding;
    // Compressed once per file version, off the event loop (brotli 11 takes seconds on a 5 MB catalog),
    // as a host that precompresses its static files would serve them.
    if (!entry.forms.has(encoding)) entry.forms.set(encoding, compress[encoding](entry.bytes));
    entry.forms.get(encoding).then(send, () => response.destroy());
  };
}

/** Brotli's best quality, except for files over 4 MB (a 50 MB catalog at 11 takes minutes; 9 is within ~5 %). */
const brotliQuality = (size) => (size > 4 * 2 ** 20 ? 9 : 11);
const compress = {
  br: (bytes) => promisify(brotliCompress)(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: brotliQuality(bytes.length), [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
  gzip: (bytes) => promisify(gzip)(bytes, { level: 9 }),
};

/**
 * Builds the shop (catalog when missing, pages always) and serves it. Resolves with the server
 * and its URL once listening.
 * @param {{ port?: number, host?: string }} [options]
 */
export async function startServer({ port = 8080, host = '127.0.0.1' } = {}) {
  ensureShopData();
  const root = buildSite();
  const server = createServer(staticHandler(normalize(root)));
  await new Promise((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
  const url = `http://${host === '127.0.0.1' ? 'localhost' : host}:${server.address().port}/`;
  return { server, url, close: () => new Promise((resolve) => server.close(resolve)) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await startServer({ port: Number(process.env.PORT ?? 8080) });
  console.log(`Demo shop: ${url}`);
}
