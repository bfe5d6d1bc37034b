/**
 * Whether a rule applies: its dates, then each `when` condition against the visitor's context.
 * Answers with the first reason it does not, in words a merchant can act on.
 */
import type { ContextValue, Placement, Preference, Rule, VisitorContext } from '../types.js';

const many = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);
const same = (a: unknown, b: unknown): boolean => (typeof a == 'string' && typeof b == 'string' ? a.toLowerCase() === b.toLowerCase() : a === b);
/** A value as JSON-like text, without JSON.stringify (ranking runs this; a page may have patched it). */
const show = (v: unknown): string =>
  v === undefined
    ? 'unknown'
    : typeof v == 'string'
      ? `"${v}"`
      : Array.isArray(v)
        ? `[${v.map(show).join(',')}]`
        : v && typeof v == 'object'
          ? `{${Object.entries(v).map(([k, x]) => `"${k}":${show(x)}`).join(',')}}`
          : String(v);

/** True when hour `h` is in `[from, to)`, wrapping past midnight when `from > to`. */
const inHours = (h: number, [from, to]: [number, number]): boolean => (from <= to ? h >= from && h < to : h >= from || h < to);

/** True when the visitor stated a like matching every field of `wanted`. */
function stated(likes: Preference[], wanted: NonNullable<NonNullable<Rule['when']>['preference']>): boolean {
  const has = (kind: Preference['kind'], ok: (v: Preference['value']) => boolean) => likes.some((p) => p.kind === kind && ok(p.value));
  const segment = (v: string) => v.slice(v.lastIndexOf('>') + 1).trim();
  return (
    (wanted.brand === undefined || has('brand', (v) => same(v, wanted.brand))) &&
    (wanted.category === undefined || has('category', (v) => typeof v == 'string' && (same(v, wanted.category) || same(segment(v), segment(wanted.category!))))) &&
    (wanted.attribute === undefined || has('attribute', (v) => Array.isArray(v) && same(v[0], wanted.attribute![0]) && same(v[1], wanted.attribute![1])))
  );
}

/**
 * Why `rule` does not fire for this context at time `now`, or undefined when it fires. The
 * placement condition is checked only when `placement` is given.
 */
export function whyNot(rule: Rule, ctx: VisitorContext, likes: Preference[], now: number, placement?: Placement): string | undefined {
  if (rule.start && now < Date.parse(rule.start)) return `starts ${rule.start}`;
  if (rule.end && now >= Date.parse(rule.end)) return `ended ${rule.end}`;
  const w = rule.when ?? {};
  const oneOf = (name: string, wanted: unknown, actual: unknown): string | undefined =>
    wanted === undefined || many(wanted).some((v) => same(v, actual)) ? undefined : `when.${name} wants ${show(wanted)}, the visitor has ${show(actual)}`;
  const utm = (key: 'utm_source' | 'utm_medium' | 'utm_campaign') => oneOf(key, w[key], ctx.utm[key]);
  return (
    (placement ? oneOf('placement', w.placement, placement) : undefined) ??
    oneOf('device', w.device, ctx.device) ??
    oneOf('source', w.source, ctx.source) ??
    utm('utm_source') ??
    utm('utm_medium') ??
    utm('utm_campaign') ??
    oneOf('country', w.country, ctx.country) ??
    oneOf('language', w.language, ctx.language) ??
    (w.hour && !inHours(ctx.hour, w.hour) ? `when.hour wants ${w.hour[0]}–${w.hour[1]} h, it is ${ctx.hour} h` : undefined) ??
    oneOf('weekday', w.weekday, ctx.weekday) ??
    oneOf('season', w.season, ctx.season) ??
    oneOf('returning', w.returning, ctx.returning) ??
    (w.preference && !stated(likes, w.preference) ? `when.preference wants a stated like for ${show(w.preference)}` : undefined) ??
    Object.entries(w.context ?? {})
      .map(([key, wanted]) => oneOf(`context.${key}`, wanted as ContextValue | ContextValue[], ctx.values[key]))
      .find(Boolean)
  );
}
