// Moves the neighbour rows of the demo's catalog.json (built inline, with the orders'
// bought-together list added after the CLI's build) into neighbour shards, as the catalog CLI
// writes them by default for a catalog this size (docs/catalog-cli.md, `--shards`): every page
// view downloads catalog.json, and a product page fetches only its own item's shard.
// Usage: `node examples/shop/shard-catalog.mjs <directory with catalog.json>` (run by generate-catalog.mjs).
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { builtFromFile, catalogFiles, neighborShardCount } from '../../packages/catalog-cli/dist/index.js';

/**
 * Rewrites `dir`/catalog.json with its rows in `dir`/neighbors/*.bin (the shard count the CLI
 * chooses by default); returns that count (0: the rows stay inline).
 * @param {string} dir
 */
export function shardCatalog(dir) {
  const built = builtFromFile(JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')));
  const shards = neighborShardCount(built);
  rmSync(join(dir, 'neighbors'), { recursive: true, force: true });
  for (const file of catalogFiles(built, shards)) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.bytes);
  }
  return shards;
}

if (process.argv[1] && resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  const shards = shardCatalog(resolve(process.argv[2] ?? '.'));
  console.log(shards ? `catalog.json: neighbour rows in ${shards} shards (neighbors/*.bin)` : 'catalog.json: neighbour rows inline');
}
