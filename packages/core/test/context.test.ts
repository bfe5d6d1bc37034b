/** The context Curio collects on the device: traffic source on landing, device class, season. */
import { describe, expect, test } from 'vitest';
import { collectContext, deviceClass, type Environment } from '../src/context/collect.js';
import { classifyLanding, currentLanding } from '../src/context/landing.js';

const at = Date.UTC(2026, 10, 24, 12);
const env = (over: Partial<Environment> = {}): Environment => ({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0', maxTouchPoints: 0, languages: ['de-CH', 'de'], timeZone: 'Europe/Zurich', ...over });

describe('landing', () => {
  test.each([
    ['https://shop.test/', '', 'direct'],
    ['https://shop.test/', 'https://www.google.de/', 'search'],
    ['https://shop.test/', 'https://duckduckgo.com/', 'search'],
    ['https://shop.test/', 'https://l.instagram.com/', 'social'],
    ['https://shop.test/?utm_source=facebook', '', 'social'],
    ['https://shop.test/?utm_medium=email&utm_campaign=w48', '', 'email'],
    ['https://shop.test/', 'https://mail.google.com/', 'email'],
    ['https://shop.test/?gclid=abc', 'https://www.google.com/', 'paid'],
    ['https://shop.test/?utm_medium=cpc', '', 'paid'],
    ['https://shop.test/', 'https://blog.example.org/post', 'referral'],
  ])('%s from %s is %s', (href, referrer, source) => {
    expect(classifyLanding(href, referrer, at).source).toBe(source);
  });

  test('a navigation inside the shop keeps the session landing; a new session or a new arrival replaces it', () => {
    const first = currentLanding(undefined, 0, 'https://shop.test/?utm_campaign=w48&utm_medium=email', '', at);
    expect(first).toMatchObject({ source: 'email', utm: { utm_campaign: 'w48' } });
    const inside = currentLanding(first, at + 60_000, 'https://shop.test/p/1', 'https://shop.test/', at + 120_000);
    expect(inside).toBe(first);
    const nextDay = currentLanding(first, at + 60_000, 'https://shop.test/p/1', '', at + 86_400_000);
    expect(nextDay.source).toBe('direct');
    const fromSearch = currentLanding(first, at + 60_000, 'https://shop.test/p/2', 'https://www.bing.com/', at + 180_000);
    expect(fromSearch.source).toBe('search');
    const campaignInside = currentLanding(fromSearch, at + 180_000, 'https://shop.test/?utm_campaign=trail-week', 'https://shop.test/p/2', at + 200_000);
    expect(campaignInside).toMatchObject({ source: 'referral', utm: { utm_campaign: 'trail-week' } });
  });
});

describe('context', () => {
  test.each([
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148', 0, 'mobile'],
    ['Mozilla/5.0 (Linux; Android 15; Pixel 9) Chrome/140.0 Mobile Safari/537.36', 0, 'mobile'],
    ['Mozilla/5.0 (Linux; Android 15; SM-X710) Chrome/140.0 Safari/537.36', 0, 'tablet'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Safari/605.1.15', 5, 'tablet'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Safari/605.1.15', 0, 'desktop'],
  ])('%s with %d touch points is %s', (userAgent, maxTouchPoints, device) => {
    expect(deviceClass(env({ userAgent, maxTouchPoints }))).toBe(device);
  });

  test('language, country hint, local time and season; seasons flip in the southern hemisphere', () => {
    const landing = classifyLanding('https://shop.test/', '', at);
    const july = new Date(2026, 6, 11, 9).getTime();
    const zurich = collectContext(env(), landing, false, {}, july);
    expect(zurich).toMatchObject({ device: 'desktop', language: 'de', country: 'CH', hour: 9, weekday: 'sat', season: 'summer', returning: false });
    expect(collectContext(env({ timeZone: 'Australia/Sydney', languages: ['en-AU'] }), landing, true, { weather: 'rain' }, july)).toMatchObject({ season: 'winter', country: 'AU', returning: true, values: { weather: 'rain' } });
  });
});
