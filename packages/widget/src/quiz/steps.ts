/** The quiz's questions, built from the facets of the catalog's products. */
import type { Locale, Preference, Product } from '@curio/core';
import type { StringKey } from '../i18n.js';
import { formatRange } from '../util.js';

/** One answer: what the visitor sees and the preference it saves (`like: true`). */
export type QuizOption = [label: string, preference: Preference];

/** One question with its answers; `max` caps how many may be chosen. */
export interface QuizStep {
  question: StringKey;
  options: QuizOption[];
  max?: number;
}

/** The `limit` most frequent values, most frequent first. */
function mostFrequent(values: string[], limit: number): string[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) || 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([value]) => value);
}

/** Rounds a price to a friendly value: 1 significant digit in halves (37 → 35, 137 → 150). */
const round = (price: number): number => {
  const step = 10 ** Math.floor(Math.log10(price || 1)) / 2;
  return Math.round(price / step) * step;
};

/** The questions a quiz can ask. */
export type QuizStepName = 'category' | 'style' | 'brand' | 'budget' | 'size';

/** Which questions, in which order, and the catalog attributes they use. */
export interface QuizConfig {
  /** Default `['category', 'brand', 'budget', 'size']`; `style` needs `styleAttribute`. */
  steps?: QuizStepName[];
  /** The attribute holding sizes. Default: the first one named `size` (any case). */
  sizeAttribute?: string;
  /** The attribute the `style` question offers (e.g. `style`, `fit`, `material`). */
  styleAttribute?: string;
}

/**
 * Reads a {@link QuizConfig} through `read(name)`, the value of attribute `name`: `steps`
 * (space-separated step names), `size-attribute` and `style-attribute`.
 */
export function readQuizOptions(read: (name: string) => string | null | undefined): QuizConfig {
  const config: QuizConfig = {};
  const steps = read('steps');
  if (steps) config.steps = steps.split(/[\s,]+/).filter(Boolean) as QuizStepName[];
  const size = read('size-attribute');
  const style = read('style-attribute');
  if (size) config.sizeAttribute = size;
  if (style) config.styleAttribute = style;
  return config;
}

/**
 * The questions, built from the catalog's facets: top-level categories, a style attribute,
 * favourite brands (up to 5 of the 12 most common), a budget (up to 4 price bands split at the
 * price quartiles, rounded) and size (12 values at most). A question with fewer than two answers
 * is left out.
 */
export function quizSteps(products: readonly Product[], locale: Locale, config: QuizConfig = {}): QuizStep[] {
  const sizeName = config.sizeAttribute || products.flatMap((p) => Object.keys(p.attributes || {})).find((name) => /^size$/i.test(name));
  const style = config.styleAttribute;
  const prices = products.map((p) => p.price).sort((a, b) => a - b);
  const top = Math.ceil(prices[prices.length - 1] || 0);
  // Band edges: 0, the rounded quartiles (duplicates and ones at the top dropped), the highest price.
  const edges = [...new Set([0, ...[1, 2, 3].map((q) => round(prices[Math.floor((prices.length * q) / 4)]!)).filter((edge) => edge < top), top])];
  const options = (kind: 'category' | 'brand', values: string[]): QuizOption[] => values.map((value) => [value, { kind, value, like: true }]);
  const steps: Record<QuizStepName, QuizStep> = {
    category: { question: 'qCategory', options: options('category', mostFrequent(products.flatMap((p) => p.categories.slice(0, 1)), 8)) },
    style: {
      question: 'qStyle',
      options: (style ? mostFrequent(products.flatMap((p) => p.attributes?.[style] || []), 8) : []).map((value): QuizOption => [value, { kind: 'attribute', value: [style!, value], like: true }]),
    },
    brand: { question: 'qBrand', max: 5, options: options('brand', mostFrequent(products.flatMap((p) => p.brand || []), 12)) },
    budget: {
      question: 'qBudget',
      options: edges.slice(1).map((max, i): QuizOption => {
        const value: [number, number] = [edges[i]!, max];
        return [formatRange(value, products[0]!.currency, locale), { kind: 'price', value, like: true }];
      }),
    },
    size: {
      question: 'qSize',
      // In catalog order, which lists sizes in their natural order (S, M, L), unlike counts.
      options: [...new Set(sizeName ? products.flatMap((p) => p.attributes?.[sizeName] || []) : [])]
        .slice(0, 12)
        .map((value): QuizOption => [value, { kind: 'attribute', value: [sizeName!, value], like: true }]),
    },
  };
  return (config.steps || ['category', 'brand', 'budget', 'size']).map((name) => steps[name]).filter((step) => step && step.options.length > 1);
}
