/** The script tag's configuration, read from its own `data-*` attributes. */
import type { Consent, CurioOptions, Locale } from '@curio/core';
import { ID_KINDS, type IdKind } from './product-ids.js';
import { readMeasurementConfig } from './measurementConfig.js';

/** What `<script src="curio.js" data-…>` configures. */
export interface EmbedConfig {
  options: CurioOptions;
  /** `data-datalayer`: mirror GA4 ecommerce events from `window.dataLayer`. */
  dataLayer: boolean;
  /** `data-id`: the id kinds to prefer when a page names a product with several ids. */
  idPreference: IdKind[];
}

/** `data-id="sku item_id"` → the known kinds in that order; unknown words are reported and left out. */
function readIdPreference(value: string | undefined): IdKind[] {
  const words = (value ?? '').split(/[\s,]+/).filter(Boolean);
  const unknown = words.filter((word) => !(ID_KINDS as readonly string[]).includes(word));
  if (unknown.length) console.warn(`[curio] script tag: data-id names ${unknown.join(', ')}; use ${ID_KINDS.join(', ')} (docs/script-tag.md). Ignored.`);
  return words.filter((word): word is IdKind => !unknown.includes(word));
}

/**
 * Reads `data-catalog` (required, resolved against the page), `data-locale`, `data-consent`,
 * `data-context` (a JSON object of page values for rules), `data-datalayer`, `data-id`, and the
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
  return { options, dataLayer: 'datalayer' in data, idPreference: readIdPreference(data.id) };
}
