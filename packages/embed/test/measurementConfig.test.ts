import { describe, expect, it } from 'vitest';
import { createCurio, CurioError } from '@curio/core';
import { readConfig } from '../src/config.js';

const script = (attributes: Record<string, string>) => {
  const element = document.createElement('script');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
};

describe('consent-source and measurement attributes', () => {
  it('become createCurio options, the report URL resolved against the page', () => {
    const { options } = readConfig(
      script({ 'data-catalog': '/c.json', 'data-consent-from': 'onetrust', 'data-holdout': '0.1', 'data-holdout-control': 'none', 'data-analytics': 'ga4', 'data-report': '/curio-report', 'data-report-epsilon': '0.5', 'data-attribution-hours': '48' }),
    );
    expect(options).toMatchObject({
      consentFrom: 'onetrust',
      experiment: { holdout: 0.1, control: 'none' },
      analytics: 'ga4',
      report: { url: new URL('/curio-report', location.href).href, epsilon: 0.5 },
      attributionHours: 48,
    });
  });

  it('are absent unless set, and invalid values reach createCurio as a CurioError naming them', () => {
    const { options } = readConfig(script({ 'data-catalog': '/c.json' }));
    expect(Object.keys(options)).toEqual(['catalog']);
    const bad = readConfig(script({ 'data-catalog': '/c.json', 'data-holdout': 'lots' })).options;
    expect(() => createCurio(bad)).toThrow(CurioError);
    expect(() => createCurio(readConfig(script({ 'data-catalog': '/c.json', 'data-consent-from': 'didomi' })).options)).toThrow(/consentFrom/);
  });
});
