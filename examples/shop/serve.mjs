// Serves the demo shop on localhost: `node examples/shop/serve.mjs` (PORT, default 8080; 0 = any
// free port). Generates the catalog when missing or stale and builds the pages first. No external requests.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeShopData } from './generate-catalog.mjs';
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

/** A static file server for `root`: extensionless and directory URLs map to `.html` / `index.html`. */
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
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CSP, 'cache-control': 'no-cache' });
    response.end(readFileSync(file));
  };
}

/**
 * Builds the shop (catalog when missing, pages always) and serves it. Resolves with the server
 * and its URL once listening.
 * @param {{ port?: number, host?: string }} [options]
 */
export async function startServer({ port = 8080, host = '127.0.0.1' } = {}) {
  // (Re)generate when missing or older than what it is made from (the generator, the shop's rules).
  const mtime = (path) => (existsSync(fileURLToPath(new URL(path, import.meta.url))) ? statSync(fileURLToPath(new URL(path, import.meta.url))).mtimeMs : 0);
  if (mtime('./public/catalog.json') < Math.max(mtime('./generate-catalog.mjs'), mtime('./merchant.json'))) writeShopData();
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
