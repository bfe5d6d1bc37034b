/**
 * The traffic source of a session, taken when the visitor lands: UTM parameters first, then
 * click ids of ad networks, then the referrer's kind. Internal navigations keep the session's
 * landing; a new landing starts when the session has ended.
 */
import { SESSION_GAP_MS } from '../profile/profile.js';
import type { Landing, TrafficSource } from '../types.js';
import type { StoredState } from '../store/types.js';

const UTM = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'];
const PAID_MEDIUM = /^(cpc|ppc|cpm|cpv|paid.*|display|banner|ads?|retargeting)$/;
const PAID_CLICK_IDS = ['gclid', 'gbraid', 'wbraid', 'msclkid', 'dclid', 'ttclid', 'li_fat_id'];
const SEARCH = /(^|\.)(google|bing|yahoo|duckduckgo|ecosia|qwant|baidu|yandex|startpage|brave|naver|seznam)\.[a-z.]+$/;
const SOCIAL = /(^|\.)(facebook|fb|instagram|t|twitter|x|linkedin|lnkd|pinterest|tiktok|reddit|youtube|snapchat|threads|mastodon|bsky)\.[a-z.]+$/;
const WEBMAIL = /(^|\.)(mail\.google|outlook\.live|outlook\.office|mail\.yahoo|mail\.proton|gmx|web)\.[a-z.]+$|^mail\./;

/** Classifies a landing from its URL and referrer (both may be empty). */
export function classifyLanding(href: string, referrer: string, at: number): Landing {
  let params = new URLSearchParams();
  let host = '';
  try {
    params = new URL(href).searchParams;
  } catch {
    /* no usable URL: no parameters */
  }
  try {
    host = new URL(referrer).hostname.toLowerCase();
  } catch {
    /* no referrer */
  }
  const utm: Record<string, string> = {};
  for (const key of UTM) {
    const v = params.get(key)?.trim().slice(0, 100);
    if (v) utm[key] = v;
  }
  const medium = (utm.utm_medium ?? '').toLowerCase();
  const from = (utm.utm_source ?? '').toLowerCase();
  const source: TrafficSource =
    PAID_MEDIUM.test(medium) || PAID_CLICK_IDS.some((id) => params.has(id))
      ? 'paid'
      : medium === 'email' || medium === 'newsletter' || WEBMAIL.test(host)
        ? 'email'
        : medium === 'social' || SOCIAL.test(host) || SOCIAL.test(`${from}.com`)
          ? 'social'
          : medium === 'organic' || SEARCH.test(host)
            ? 'search'
            : host || Object.keys(utm).length
              ? 'referral'
              : 'direct';
  return { at, source, utm };
}

/**
 * The session's landing after this page view: a new one when the visitor arrives from
 * elsewhere (another site), follows a campaign link (UTM parameters), or when the stored one
 * belongs to an ended session; otherwise the stored one (a navigation inside the shop).
 */
export function currentLanding(stored: Landing | undefined, lastActivity: number, href: string, referrer: string, now: number): Landing {
  let internal = false;
  try {
    internal = !!referrer && new URL(referrer).origin === new URL(href).origin;
  } catch {
    /* unusable URLs: treat as a landing */
  }
  const fresh = classifyLanding(href, internal ? '' : referrer, now);
  const ongoing = stored && now - Math.max(stored.at, lastActivity) < SESSION_GAP_MS;
  // Campaign parameters always start a landing (a newsletter link opened in a shop tab too).
  const arrived = Object.keys(fresh.utm).length > 0 || (!internal && fresh.source !== 'direct');
  return ongoing && !arrived ? stored : fresh;
}

/**
 * The landing to record after this page view, from the stored record (its last activity ends or
 * continues the session): undefined when it is the stored one.
 */
export function landingOf(state: Pick<StoredState, 'events' | 'landing'>, href: string, referrer: string, now: number): Landing | undefined {
  const landing = currentLanding(state.landing, state.events[state.events.length - 1]?.at ?? 0, href, referrer, now);
  return landing !== state.landing ? landing : undefined;
}
