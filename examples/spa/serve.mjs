// Builds and serves the SPA on localhost (PORT, default 8081; 0 = any free port), with the app's
// own routes (product pages at the catalog's URLs) answered by index.html (static-server.mjs).
import { fileURLToPath } from 'node:url';
import { buildSpa } from './build.mjs';
import { serveDirectory } from './static-server.mjs';

/** Builds the app and serves it; resolves with the server and its URL once listening. */
export async function startServer({ port = 8081, host = '127.0.0.1' } = {}) {
  return serveDirectory(await buildSpa(), { port, host });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await startServer({ port: Number(process.env.PORT ?? 8081) });
  console.log(`SPA example: ${url}`);
}
