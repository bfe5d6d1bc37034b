// Seeded click logs for `pnpm bench:catalog`: a 100k-product feed and sessions with power-law
// item popularity and Diginetica's session lengths, written as the CLI reads them (products CSV,
// gzipped sessions text). Same seed, same bytes.
import { createWriteStream, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createGzip } from 'node:zlib';
import { once } from 'node:events';
import { join } from 'node:path';

/**
 * Session lengths of Diginetica's dev-train split (length → sessions; 50 stands for 50 and more),
 * counted from shared/data/diginetica/dev-train.sessions.gz.
 */
const DIGINETICA_LENGTHS = {
  2: 47518, 3: 32128, 4: 22823, 5: 16513, 6: 12161, 7: 8928, 8: 6816, 9: 4905, 10: 3823, 11: 2909, 12: 2121, 13: 1686,
  14: 1239, 15: 975, 16: 753, 17: 599, 18: 416, 19: 360, 20: 261, 21: 220, 22: 156, 23: 147, 24: 92, 25: 80, 26: 78,
  27: 55, 28: 36, 29: 46, 30: 27, 31: 25, 32: 17, 33: 12, 34: 10, 35: 9, 36: 5, 37: 8, 38: 8, 39: 6, 40: 5, 41: 2, 42: 5,
  44: 1, 45: 2, 46: 3, 47: 2, 48: 2, 49: 1, 50: 9,
};

/** mulberry32: a small, fast, seeded generator of floats in [0, 1). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A sampler of 0..n−1 with P(i) ∝ 1/(i+1)^s (a power law), by inverse CDF. */
function zipf(n, s, rand) {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / (i + 1) ** s;
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** A sampler over a table of weights {value: weight}. */
function table(weights, rand) {
  const values = Object.keys(weights).map(Number);
  const cdf = [];
  let sum = 0;
  for (const v of values) cdf.push((sum += weights[v]));
  return () => {
    const x = rand() * sum;
    return values[cdf.findIndex((c) => c > x)];
  };
}

export const ITEMS = 100_000;
const CATEGORIES = 1000;
const PER_CATEGORY = ITEMS / CATEGORIES;

/**
 * Writes (once; reused when present) a products CSV and a gzipped sessions file with `events`
 * clicks into `dir`. Sessions keep to one theme category for ~85 % of their clicks (Zipf over
 * categories and within them), wander to a globally popular item otherwise, and repeat the
 * previous click 8 % of the time.
 * @returns the two paths
 */
export async function clickLog(dir, events, seed = 20261203) {
  mkdirSync(dir, { recursive: true });
  const products = join(dir, 'products.csv');
  if (!existsSync(products)) {
    const lines = ['id,title,price,link,product_type'];
    for (let i = 0; i < ITEMS; i++) lines.push(`i${i},Item ${i},${(5 + (i % 200)).toFixed(2)},/p/${i},Category ${Math.floor(i / PER_CATEGORY)}`);
    writeFileSync(products, `${lines.join('\n')}\n`);
  }
  const sessions = join(dir, `sessions-${events}.txt.gz`);
  if (existsSync(sessions)) return { products, sessions };
  const rand = random(seed);
  const category = zipf(CATEGORIES, 1.0, rand);
  const inCategory = zipf(PER_CATEGORY, 1.1, rand);
  const global = zipf(ITEMS, 1.0, rand);
  const length = table(DIGINETICA_LENGTHS, rand);
  // Popularity ranks → item ids: a fixed shuffle, so popular items are spread over the catalog.
  const shuffle = Int32Array.from({ length: ITEMS }, (_, i) => i);
  for (let i = ITEMS - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [shuffle[i], shuffle[j]] = [shuffle[j], shuffle[i]];
  }
  const partial = `${sessions}.partial`;
  const gzip = createGzip({ level: 1 });
  const file = createWriteStream(partial);
  gzip.pipe(file);
  let written = 0;
  let buffer = '';
  while (written < events) {
    const theme = category();
    const n = Math.min(length(), events - written);
    let previous = -1;
    const clicks = [];
    for (let k = 0; k < n; k++) {
      const r = rand();
      let item;
      if (previous >= 0 && r < 0.08) item = previous;
      else if (r < 0.85) item = shuffle[theme * PER_CATEGORY + inCategory()];
      else item = shuffle[global()];
      clicks.push(`i${item}`);
      previous = item;
    }
    written += n;
    buffer += `${clicks.join(' ')}\n`;
    if (buffer.length > 1 << 20) {
      if (!gzip.write(buffer)) await once(gzip, 'drain');
      buffer = '';
    }
  }
  gzip.end(buffer, undefined);
  await once(file, 'close');
  renameSync(partial, sessions);
  return { products, sessions };
}

