/** The script tag's configuration, read from its own `data-*` attributes. */
import type { Consent, CurioOptions, Locale } from '@curio/core';
import { readMeasurementConfig } from './measurementConfig.js';

/** What `<script src="curio.js" data-…>` configures. */
export interface EmbedConfig {
  options: CurioOptions;
  /** `data-datalayer`: mirror GA4 ecommerce events from `window.dataLayer`. */
  dataLayer: boolean;
}

/**
 * Reads `data-catalog` (required, resolved against the page), `data-locale`, `data-consent`,
 * `data-context` (a JSON object of page values for rules), `data-datalayer`, and the consent-source
 * and measurement attributes ({@link readMeasurementConfig}).
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
  return { options, dataLayer: 'datalayer' in data };
}
