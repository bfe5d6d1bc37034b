// Builds and serves the SPA on localhost (PORT, default 8081; 0 = any free port). Unknown paths
// without an extension get index.html, so deep links of the app work; missing files are a 404.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSpa } from './build.mjs';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml' };

/** Builds the app and serves it; resolves with the server and its URL once listening. */
export async function startServer({ port = 8081, host = '127.0.0.1' } = {}) {
  const root = normalize(await buildSpa());
  const server = createServer((request, response) => {
    const path = normalize(new URL(request.url, 'http://localhost').pathname);
    let file = join(root, path);
    if (!file.startsWith(root) || !extname(file)) file = join(root, 'index.html');
    if (!existsSync(file)) return response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    response.end(readFileSync(file));
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
  const url = `http://localhost:${server.address().port}/`;
  return { server, url, close: () => new Promise((resolve) => server.close(resolve)) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await startServer({ port: Number(process.env.PORT ?? 8081) });
  console.log(`SPA example: ${url}`);
}
