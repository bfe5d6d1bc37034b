/**
 * `consentFrom`: Curio follows the shop's CMP, each modelled by a stub written from the CMP's
 * documentation (test/cmp-stubs). Pending (memory only) until the CMP answers; a grant persists;
 * a withdrawal erases the database; a CMP that never loads leaves Curio pending; GPC wins.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CurioError } from '../src/index.js';
import { answerOf as tcfAnswer } from '../src/consent/tcf.js';
import { answerOf as gcmAnswer } from '../src/consent/gcm.js';
import { answerOf as oneTrustAnswer } from '../src/consent/onetrust.js';
import { answerOf as shopifyAnswer } from '../src/consent/shopify.js';
import type { ConsentSource } from '../src/types.js';
import { outdoorCatalog, testCurio } from './helpers.js';

const CMPS: ConsentSource[] = ['tcf', 'gcm', 'onetrust', 'cookiebot', 'usercentrics', 'shopify'];
const GLOBALS = ['__tcfapi', 'dataLayer', 'OneTrust', 'OnetrustActiveGroups', 'OptanonActiveGroups', 'OptanonWrapper', 'Cookiebot', '__ucCmp', 'UC_UI', 'Shopify', 'cmpStub'];
/** Runs a stub as the page's script would. */
const loadStub = (name: string) => new Function(readFileSync(`${__dirname}/cmp-stubs/${name}.js`, 'utf8'))();
const databases = async () => (await indexedDB.databases()).map((d) => d.name);
const page = globalThis as any;

beforeEach(() => {
  localStorage.clear();
  for (const name of GLOBALS) delete page[name];
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** Polls until `read()` holds (adapters answer on events, timers and promises). */
async function until(read: () => Promise<boolean> | boolean, what: string) {
  for (let i = 0; i < 200; i++) {
    if (await read()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out: ${what}`);
}

describe.each(CMPS)('consentFrom: %s', (cmp) => {
  test('pending in memory until the CMP loads (after Curio); a grant persists; a withdrawal erases the database', async () => {
    if (cmp === 'tcf') loadStub('tcf-queue'); // the page's queue stub, before Curio
    const { curio } = testCurio({ consentFrom: cmp, storeName: `cmp-${cmp}` });
    await curio.ready;
    curio.track({ type: 'view_item', item: 'summit-boot' });
    expect(await curio.profile()).toMatchObject({ consent: 'pending', storage: 'memory' });
    expect(await databases()).not.toContain(`cmp-${cmp}`);

    loadStub(cmp); // the CMP loads late, the visitor has not chosen yet
    await new Promise((r) => setTimeout(r, 150));
    expect((await curio.profile()).consent).toBe('pending');

    page.cmpStub.choose(true);
    await until(async () => (await curio.profile()).storage === 'indexeddb', 'the grant');
    await until(async () => (await databases()).includes(`cmp-${cmp}`), 'the session so far to be stored');
    expect((await curio.profile()).recentItems.map((r) => r.item)).toEqual(['summit-boot']);

    page.cmpStub.choose(false); // withdrawn in the CMP
    await until(async () => (await curio.profile()).consent === 'denied', 'the withdrawal');
    await until(async () => !(await databases()).includes(`cmp-${cmp}`), 'the database to be deleted');
  });

  test('a returning visitor whose stored choice is a grant is persisted as soon as the CMP answers', async () => {
    localStorage.setItem('cmp-stub-choice', 'yes');
    loadStub(cmp);
    const { curio } = testCurio({ consentFrom: cmp });
    await curio.ready;
    await until(async () => (await curio.profile()).storage === 'indexeddb', 'the stored grant');
  });

  test('GPC keeps priority over a grant from the CMP', async () => {
    vi.stubGlobal('navigator', { ...navigator, globalPrivacyControl: true });
    localStorage.setItem('cmp-stub-choice', 'yes');
    loadStub(cmp);
    const { curio } = testCurio({ consentFrom: cmp });
    await curio.ready;
    await until(async () => (await curio.profile()).consent === 'granted', 'the grant');
    expect((await curio.profile()).storage).toBe('memory');
  });
});

test('usercentrics: the v2 browser CMP (UC_UI and its window events) is followed too', async () => {
  const { curio } = testCurio({ consentFrom: 'usercentrics', storeName: 'cmp-uc-v2' });
  await curio.ready;
  loadStub('usercentrics-v2');
  await new Promise((r) => setTimeout(r, 50));
  expect((await curio.profile()).consent).toBe('pending');
  page.cmpStub.choose(true);
  await until(async () => (await curio.profile()).storage === 'indexeddb', 'the grant');
  page.cmpStub.choose(false);
  await until(async () => (await curio.profile()).consent === 'denied', 'the withdrawal');
});

test('a CMP that never loads leaves Curio pending and in memory, picks working', async () => {
  const { curio } = testCurio({ consentFrom: 'tcf', storeName: 'cmp-never' });
  await curio.ready;
  curio.track({ type: 'view_item', item: 'summit-boot' });
  expect((await curio.recommend({ placement: 'home' })).length).toBeGreaterThan(0);
  await new Promise((r) => setTimeout(r, 300));
  expect(await curio.profile()).toMatchObject({ consent: 'pending', storage: 'memory' });
  expect(await databases()).not.toContain('cmp-never');
});

test('consentFrom is checked: a known CMP, and not together with consent', () => {
  expect(() => testCurio({ consentFrom: 'didomi' as never })).toThrow(CurioError);
  expect(() => testCurio({ consentFrom: 'tcf', consent: 'granted' })).toThrow(/consentFrom.*without "consent"/);
  expect(() => testCurio({ catalog: outdoorCatalog, consentFrom: 'gcm' })).not.toThrow();
});

describe('mappings, as documented in docs/privacy.md', () => {
  test('TCF: purposes 1, 5 and 6 for storage (publisher consents first), 1 and 8 for analytics; GDPR not applying grants', () => {
    const purposes = (...ids: number[]) => Object.fromEntries(ids.map((id) => [id, true]));
    expect(tcfAnswer({ eventStatus: 'tcloaded', purpose: { consents: purposes(1, 5, 6, 8) } }, false)).toEqual({ storage: 'granted', analytics: true });
    expect(tcfAnswer({ eventStatus: 'tcloaded', purpose: { consents: purposes(1, 5) } }, false)).toEqual({ storage: 'denied', analytics: false });
    // The publisher's own segment, when the CMP records it, decides over the vendor-facing purposes.
    expect(tcfAnswer({ eventStatus: 'useractioncomplete', purpose: { consents: purposes(1, 5, 6) }, publisher: { consents: { 1: true, 5: false } } }, true).storage).toBe('denied');
    expect(tcfAnswer({ gdprApplies: false, eventStatus: 'tcloaded' }, false)).toEqual({ storage: 'granted', analytics: true });
    expect(tcfAnswer({ eventStatus: 'cmpuishown' }, false)?.storage).toBe('pending');
    expect(tcfAnswer({ eventStatus: 'cmpuishown' }, true)).toBeUndefined(); // re-shown: the earlier choice holds
  });

  test('Consent Mode: a denied default is pending, a denied update a refusal; regional defaults are ignored', () => {
    expect(gcmAnswer({ personalization_storage: 'denied' }, {})?.storage).toBe('pending');
    expect(gcmAnswer({ personalization_storage: 'granted', analytics_storage: 'granted' }, {})).toEqual({ storage: 'granted', analytics: true });
    expect(gcmAnswer({ personalization_storage: 'granted' }, { personalization_storage: 'denied' })?.storage).toBe('denied');
    expect(gcmAnswer({ ad_personalization: 'granted' }, {})).toBeUndefined();
  });

  test('OneTrust: C0003 for storage, C0002 for analytics, pending until the banner is closed', () => {
    expect(oneTrustAnswer(['C0001'], false).storage).toBe('pending');
    expect(oneTrustAnswer(['C0001'], true).storage).toBe('denied');
    expect(oneTrustAnswer(['C0001', 'C0002', 'C0003'], true)).toEqual({ storage: 'granted', analytics: true });
  });

  test('Shopify: preferences for storage; pending while the banner waits for a choice', () => {
    const api = (allowed: boolean, banner: boolean, chosen: string) => ({ preferencesProcessingAllowed: () => allowed, analyticsProcessingAllowed: () => allowed, shouldShowBanner: () => banner, currentVisitorConsent: () => ({ preferences: chosen }) });
    expect(shopifyAnswer(api(false, true, '')).storage).toBe('pending');
    expect(shopifyAnswer(api(false, true, 'no')).storage).toBe('denied');
    expect(shopifyAnswer(api(false, false, '')).storage).toBe('denied');
    expect(shopifyAnswer(api(true, false, '')).storage).toBe('granted');
  });
});
