// A static file server for built single-page apps (this example and examples/react): pages the app
// routes itself (no extension, or .html that is not a file, such as the catalog's product URLs
// /p/<id>.html) get index.html, so deep links and reloads work; other missing files are a 404.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml' };

/** Serves `directory` on localhost (`port` 0: any free one); resolves with the server, its URL and `close()`. */
export async function serveDirectory(directory, { port = 0, host = '127.0.0.1' } = {}) {
  const root = normalize(directory);
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://localhost').pathname));
    let file = join(root, path);
    const routed = !extname(file) || (extname(file) == '.html' && !existsSync(file));
    if (!file.startsWith(root) || routed) file = join(root, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) return response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    response.end(readFileSync(file));
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
  const url = `http://localhost:${server.address().port}/`;
  return { server, url, close: () => new Promise((resolve) => server.close(resolve)) };
}
