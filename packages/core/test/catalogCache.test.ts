/** The interned catalog kept in IndexedDB between page views, keyed by the file's URL and ETag. */
import { afterEach, expect, test, vi } from 'vitest';
import { createCurio } from '../src/index.js';
import { outdoorCatalog } from './helpers.js';

const URL_ = 'https://shop.example/catalog.json';
const databases = async () => (await indexedDB.databases()).map((d) => d.name);

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** A server answering the catalog with `etag`; counts the responses whose body was read. */
function serveCatalog(headers: () => Record<string, string>) {
  const served = { parsed: 0 };
  vi.stubGlobal('fetch', async () => {
    const response = new Response(JSON.stringify(outdoorCatalog), { headers: headers() });
    const json = response.json.bind(response);
    response.json = () => (served.parsed++, json());
    return response;
  });
  return served;
}

/** Waits until the catalog cache of store `name` holds a record (it is written when the page is idle). */
const cached = (name: string) =>
  vi.waitFor(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => Object.assign(indexedDB.open(`${name}-catalog`), { onsuccess: (e: Event) => resolve((e.target as IDBOpenDBRequest).result), onerror: reject }));
    try {
      expect(db.objectStoreNames.contains('catalog')).toBe(true);
      const record = await new Promise((resolve) => Object.assign(db.transaction('catalog').objectStore('catalog').get('current'), { onsuccess: (e: Event) => resolve((e.target as IDBRequest).result) }));
      expect(record).toBeDefined();
    } finally {
      db.close();
    }
  });

test('a later page view takes the catalog from the cache by its ETag: not parsed again, same picks and reasons', async () => {
  let etag = '"v1"';
  const served = serveCatalog(() => ({ etag }));
  const now = () => Date.UTC(2026, 0, 1);
  const first = createCurio({ catalog: URL_, storeName: 'catalog-cache', now });
  await first.ready;
  first.track({ type: 'view_item', item: 'trail-runner-2' });
  await first.setPreference({ kind: 'brand', value: 'Lumo', like: true }); // stored at once, with the view
  const picks = await first.recommend({ placement: 'product', item: 'trail-runner-2' });
  await cached('catalog-cache');
  expect(served.parsed).toBe(1);

  const later = createCurio({ catalog: URL_, storeName: 'catalog-cache', now });
  await later.ready;
  expect(served.parsed).toBe(1); // the body of the revalidated file was not even read
  expect(picks.some((pick) => pick.reasons.some((r) => r.code == 'bought_together' || r.code == 'viewed_similar'))).toBe(true); // neighbour rows in use
  expect(await later.recommend({ placement: 'product', item: 'trail-runner-2' })).toEqual(picks);
  expect(later.products().map((p) => p.id)).toEqual(first.products().map((p) => p.id));

  etag = '"v2"'; // a new catalog: parsed again
  const changed = createCurio({ catalog: URL_, storeName: 'catalog-cache' });
  await changed.ready;
  expect(served.parsed).toBe(2);

  await changed.forget(); // the cache goes with the visitor's data
  expect(await databases()).not.toContain('catalog-cache-catalog');
});

test('nothing is cached without a validator, or while consent is pending', async () => {
  const served = serveCatalog(() => ({}));
  const noValidator = createCurio({ catalog: URL_, storeName: 'no-validator' });
  await noValidator.ready;
  const again = createCurio({ catalog: URL_, storeName: 'no-validator' });
  await again.ready;
  expect(served.parsed).toBe(2);

  serveCatalog(() => ({ etag: '"p"' }));
  const pending = createCurio({ catalog: URL_, storeName: 'pending-cache', consent: 'pending' });
  await pending.ready;
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(await databases()).not.toContain('pending-cache-catalog');
});

test('withdrawing consent deletes the catalog cache with the visitor data', async () => {
  serveCatalog(() => ({ etag: '"w"' }));
  const curio = createCurio({ catalog: URL_, storeName: 'withdrawn' });
  await curio.ready;
  await cached('withdrawn');
  curio.setConsent('denied');
  await vi.waitFor(async () => expect(await databases()).not.toContain('withdrawn-catalog'));
});
