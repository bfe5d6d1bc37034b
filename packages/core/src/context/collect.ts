/**
 * The visitor's context, collected on the device from the browser and the injected clock.
 * Nothing here is stored beyond the session's landing, and nothing is sent anywhere.
 */
import type { ContextValue, DeviceClass, Landing, Season, VisitorContext, Weekday } from '../types.js';

const WEEKDAYS: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** Northern-hemisphere season by month (0 = January). */
const SEASONS: Season[] = ['winter', 'winter', 'spring', 'spring', 'spring', 'summer', 'summer', 'summer', 'autumn', 'autumn', 'autumn', 'winter'];
const OPPOSITE: Record<Season, Season> = { winter: 'summer', spring: 'autumn', summer: 'winter', autumn: 'spring' };
/** Time zones of the southern hemisphere's populous regions (seasons flip there). */
const SOUTHERN = /^(Australia|Antarctica)\/|^Pacific\/(Auckland|Chatham|Fiji|Tongatapu)|^America\/(Argentina|Sao_Paulo|Santiago|Montevideo|Asuncion|La_Paz|Lima)|^Africa\/(Johannesburg|Maputo|Harare|Windhoek|Gaborone|Lusaka)|^Indian\/(Mauritius|Reunion)/;

/** The parts of the browser environment context depends on (injected for tests). */
export interface Environment {
  userAgent: string;
  /** `navigator.userAgentData.mobile` where available. */
  mobileHint?: boolean;
  maxTouchPoints: number;
  languages: readonly string[];
  timeZone?: string;
}

/** Reads the environment from the browser; neutral values on a server. */
export function browserEnvironment(): Environment {
  const nav = (globalThis as { navigator?: Navigator & { userAgentData?: { mobile?: boolean } } }).navigator;
  let timeZone: string | undefined;
  try {
    timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    /* no Intl time zone support */
  }
  return {
    userAgent: nav?.userAgent ?? '',
    mobileHint: nav?.userAgentData?.mobile,
    maxTouchPoints: nav?.maxTouchPoints ?? 0,
    languages: nav?.languages?.length ? nav.languages : nav?.language ? [nav.language] : [],
    timeZone,
  };
}

/** Device class from the user agent (and touch support, which iPadOS hides behind a desktop agent). */
export function deviceClass(env: Environment): DeviceClass {
  const ua = env.userAgent;
  if (/iPad|Tablet|PlayBook|Silk|Kindle/i.test(ua) || (/Android/i.test(ua) && !/Mobile/i.test(ua)) || (/Macintosh/.test(ua) && env.maxTouchPoints > 1)) return 'tablet';
  if (env.mobileHint || /Mobi|iPhone|iPod|Android|Opera Mini|IEMobile/i.test(ua)) return 'mobile';
  return 'desktop';
}

/** Collects the full context for time `now` (local time of the device). */
export function collectContext(env: Environment, landing: Landing, returning: boolean, values: Record<string, ContextValue>, now: number): VisitorContext {
  const date = new Date(now);
  const tag = env.languages[0] ?? 'en';
  const region = env.languages.map((l) => /^[a-z]{2,3}-([A-Z]{2})\b/i.exec(l)?.[1]).find(Boolean);
  const season = SEASONS[date.getMonth()]!;
  return {
    device: deviceClass(env),
    source: landing.source,
    utm: landing.utm,
    language: tag.split('-')[0]!.toLowerCase(),
    ...(region && { country: region.toUpperCase() }),
    ...(env.timeZone && { timeZone: env.timeZone }),
    hour: date.getHours(),
    weekday: WEEKDAYS[date.getDay()]!,
    season: env.timeZone && SOUTHERN.test(env.timeZone) ? OPPOSITE[season] : season,
    returning,
    values,
  };
}
