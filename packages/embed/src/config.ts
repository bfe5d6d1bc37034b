/** The script tag's configuration, read from its own `data-*` attributes. */
import type { Consent, CurioOptions, Locale } from '@curio/core';
import { ID_KINDS, type IdKind } from './product-ids.js';
import { readMeasurementConfig } from './measurementConfig.js';
import { PRELOADS, type Preload } from './preload.js';

/** What `<script src="curio.js" data-…>` configures. */
export interface EmbedConfig {
  options: CurioOptions;
  /** `data-datalayer`: mirror GA4 ecommerce events from `window.dataLayer`. */
  dataLayer: boolean;
  /** `data-id`: the id kinds to prefer when a page names a product with several ids. */
  idPreference: IdKind[];
  /** `data-preload`: lazy files to request at once, in parallel with the catalog. */
  preload: Preload[];
}

/**
 * A list attribute (`data-id="sku item_id"`, `data-preload="rules shards"`) → its known words in
 * order, once each; unknown words are reported and left out.
 */
function readWords<Word extends string>(attribute: string, value: string | undefined, known: readonly Word[]): Word[] {
  const words = (value ?? '').split(/[\s,]+/).filter(Boolean);
  const unknown = words.filter((word) => !(known as readonly string[]).includes(word));
  if (unknown.length) console.warn(`[curio] script tag: ${attribute} names ${unknown.join(', ')}; use ${known.join(', ')} (docs/script-tag.md). Ignored.`);
  return [...new Set(words.filter((word): word is Word => !unknown.includes(word)))];
}

/**
 * Reads `data-catalog` (required, resolved against the page), `data-locale`, `data-consent`,
 * `data-context` (a JSON object of page values for rules), `data-datalayer`, `data-id`, `data-preload`, and the
 * consent-source and measurement attributes ({@link readMeasurementConfig}).
 */
export function readConfig(script: HTMLOrSVGScriptElement | null): EmbedConfig {
  const data = (script as HTMLElement | null)?.dataset ?? {};
  if (!data.catalog) throw new Error('add data-catalog="/catalog.json" to the curio.js script tag (see docs/script-tag.md)');
  const options: CurioOptions = { catalog: new URL(data.catalog, location.href).href, ...readMeasurementConfig(data) };
  if (data.locale) options.locale = data.locale as Locale;
  if (data.consent) options.consent = data.consent as Consent;
  if (data.context) {
    try {
      options.context = JSON.parse(data.context);
    } catch {
      console.warn('[curio] script tag: data-context must be a JSON object such as {"weather":"rain"}; ignored.');
    }
  }
  return {
    options,
    dataLayer: 'datalayer' in data,
    idPreference: readWords('data-id', data.id, ID_KINDS),
    preload: readWords('data-preload', data.preload, Object.keys(PRELOADS) as Preload[]),
  };
}
