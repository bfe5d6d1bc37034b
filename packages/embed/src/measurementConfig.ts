/** The script tag's consent-source and measurement attributes (docs/script-tag.md, docs/measurement.md). */
import type { ConsentSource, CurioOptions } from '@curio/core';

/**
 * Reads `data-consent-from` (tcf, gcm, onetrust, cookiebot, usercentrics, shopify),
 * `data-holdout` (a share such as 0.1) with `data-holdout-control` (popular or none),
 * `data-analytics="ga4"`, `data-report` (the endpoint's URL, resolved against the page) with
 * `data-report-epsilon`, and `data-attribution-hours`. Invalid values reach createCurio(), whose
 * error names them.
 */
export function readMeasurementConfig(data: DOMStringMap): Partial<CurioOptions> {
  const options: Partial<CurioOptions> = {};
  const number = (text: string | undefined) => (text === undefined || text === '' ? undefined : Number(text));
  if (data.consentFrom) options.consentFrom = data.consentFrom as ConsentSource;
  if (data.holdout !== undefined) options.experiment = { holdout: number(data.holdout)!, ...(data.holdoutControl && { control: data.holdoutControl as 'popular' | 'none' }) };
  if (data.analytics) options.analytics = data.analytics as 'ga4';
  if (data.report) options.report = { url: new URL(data.report, location.href).href, ...(data.reportEpsilon && { epsilon: number(data.reportEpsilon) }) };
  if (data.attributionHours) options.attributionHours = number(data.attributionHours);
  return options;
}
