import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listSetRelations } from './engineLists.js';
import type { ListEngine } from './listEngine.js';
import { productsHash, type ListSource, type ListsManifest } from './listSource.js';
import { sqlString } from './sqlText.js';

/**
 * Writes a list source as a lists folder: `manifest.json`, one Parquet file per relation of the
 * catalog's lists, and (when it has tuning data) `train/` with the training lists and
 * `holdout.parquet` with the held-out clicks. `curio-catalog build --lists <dir>` reads it.
 * @param engine the engine holding the source's relations
 * @param source lists computed in the engine
 * @param out the folder
 * @param manifest what goes into manifest.json besides the relations
 * @returns the files written
 */
export async function writeListsDirectory(engine: ListEngine, source: ListSource, out: string, manifest: ListsManifest): Promise<string[]> {
  const written: string[] = [];
  const copy = async (relation: string, path: string): Promise<void> => {
    rmSync(path, { recursive: true, force: true });
    await engine.run(`COPY (SELECT * FROM ${relation}) TO ${sqlString(path)} (FORMAT PARQUET, COMPRESSION ZSTD)`);
    written.push(path);
  };
  mkdirSync(out, { recursive: true });
  for (const name of listSetRelations(source.kind)) await copy(source.relation(name, 'all'), join(out, `${name}.parquet`));
  rmSync(join(out, 'train'), { recursive: true, force: true });
  rmSync(join(out, 'holdout.parquet'), { recursive: true, force: true });
  if (source.split !== undefined) {
    mkdirSync(join(out, 'train'), { recursive: true });
    for (const name of listSetRelations(source.kind)) await copy(source.relation(name, 'train'), join(out, 'train', `${name}.parquet`));
    await copy(`(SELECT seq, pos, item FROM ${source.holdout} ORDER BY seq, pos)`, join(out, 'holdout.parquet'));
  }
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  written.push(join(out, 'manifest.json'));
  return written;
}

/**
 * Opens a lists folder (written by `curio-catalog lists` with DuckDB or Spark) as a list source,
 * after checking that it was computed for this feed.
 * @param dir the folder
 * @param productIds the feed's product ids in catalog order
 * @throws Error when the folder is incomplete or made for other products
 */
export function listsDirectorySource(dir: string, productIds: readonly string[]): { source: ListSource; manifest: ListsManifest } {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${dir} is not a lists folder: manifest.json is missing (write one with curio-catalog lists)`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ListsManifest;
  if (manifest.format !== 'curio-lists' || manifest.version !== 1) throw new Error(`${manifestPath}: not a curio-lists version 1 manifest`);
  if (manifest.products !== productIds.length || manifest.productsSha256 !== productsHash(productIds)) {
    throw new Error(
      `${dir} was computed for another product feed (${manifest.products} products, hash ${manifest.productsSha256.slice(0, 12)}…; ` +
        `this feed has ${productIds.length}, hash ${productsHash(productIds).slice(0, 12)}…): run curio-catalog lists again with this feed`,
    );
  }
  const parquet = (path: string): string => {
    if (!existsSync(path)) throw new Error(`${path} is missing from the lists folder`);
    // Spark writes a folder of part files, DuckDB one file.
    return `read_parquet(${sqlString(statSync(path).isDirectory() ? join(path, '*.parquet') : path)})`;
  };
  const source: ListSource = {
    kind: manifest.kind,
    sequences: manifest.sequences,
    ...(manifest.split !== null ? { split: manifest.split } : {}),
    relation: (name, part) => parquet(join(dir, ...(part === 'train' ? ['train'] : []), `${name}.parquet`)),
    get holdout() {
      return parquet(join(dir, 'holdout.parquet'));
    },
  };
  return { source, manifest };
}
