/** The quiz's questions, built from the facets of the catalog's products. */
import type { Locale, Preference, Product } from '@curio/core';
import type { StringKey } from '../i18n.js';
import { formatRange } from '../util.js';
import type { QuizConfig, QuizStepName } from './options.js';

/** One answer: what the visitor sees and the preference it saves (`like: true`). */
export type QuizOption = [label: string, preference: Preference];

/** One question with its answers; `max` caps how many may be chosen. */
export interface QuizStep {
  question: StringKey;
  options: QuizOption[];
  max?: number;
}

/** The `limit` most frequent values of `counts`, most frequent first. */
const mostFrequent = (counts: Map<string, number>, limit: number): string[] =>
  [...counts].sort(([, countA], [, countB]) => countB - countA).slice(0, limit).map(([value]) => value);

/** Counts one more occurrence of `value`. */
const count = (counts: Map<string, number>, value: string): void => void counts.set(value, (counts.get(value) || 0) + 1);
/** An attribute's values as a list (an attribute holds one value or several). */
const valuesOf = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * Products the questions are built from, at most. A compact catalog makes each product on first
 * use, so a pass over 100k products would block the page for hundreds of milliseconds; a sample
 * of 2,000 finds the same common categories, brands and sizes and nearly the same price quartiles.
 */
const SAMPLE = 2000;
/** The sample starts with the catalog's first products in full: sizes are listed in the order they first appear (S, M, L). */
const HEAD = 200;

/** Products read between two yields to the page while sampling (a few milliseconds on a slow phone). */
const SLICE = 250;

/**
 * The products to build the questions from: the whole catalog up to {@link SAMPLE} products,
 * else {@link SAMPLE} in catalog order — the first {@link HEAD}, then a pseudo-random share of
 * the rest (fixed seed), read in slices that yield to the page. Not an even stride, which would
 * alias with feeds that list variants in a repeating order (every third product a size S).
 */
export async function quizSample(catalog: readonly Product[]): Promise<readonly Product[]> {
  if (catalog.length <= SAMPLE) return catalog;
  const products: Product[] = [];
  const keep = (SAMPLE - HEAD) / (catalog.length - HEAD);
  let seed = 1;
  for (let i = 0; i < catalog.length; i++) {
    if (i >= HEAD && (seed = (seed * 48271) % 2147483647) >= keep * 2147483647) continue;
    products.push(catalog[i]!);
    if (products.length % SLICE == 0) await new Promise((resolve) => setTimeout(resolve));
  }
  return products;
}

/** Rounds a price to a friendly value: 1 significant digit in halves (37 → 35, 137 → 150). */
const round = (price: number): number => {
  const step = 10 ** Math.floor(Math.log10(price || 1)) / 2;
  return Math.round(price / step) * step;
};

/**
 * The questions, built from the catalog's facets: top-level categories, a style attribute,
 * favourite brands (up to 5 of the 12 most common), a budget (up to 4 price bands split at the
 * price quartiles, rounded) and size (12 values at most). A question with fewer than two answers
 * is left out. Large catalogs are sampled first ({@link quizSample}).
 */
export function quizSteps(products: readonly Product[], locale: Locale, config: QuizConfig = {}): QuizStep[] {
  // One pass over the products, without per-product arrays.
  const style = config.styleAttribute;
  let sizeName = config.sizeAttribute;
  const categories = new Map<string, number>();
  const brands = new Map<string, number>();
  const styles = new Map<string, number>();
  // In catalog order, which lists sizes in their natural order (S, M, L), unlike counts.
  const sizes = new Set<string>();
  const prices = new Float64Array(products.length);
  products.forEach((product, i) => {
    prices[i] = product.price;
    // A product without a category is no answer to "what are you looking for".
    if (product.categories[0]) count(categories, product.categories[0]);
    if (product.brand) count(brands, product.brand);
    const attributes = product.attributes;
    if (!attributes) return;
    sizeName ||= Object.keys(attributes).find((name) => /^size$/i.test(name));
    if (style) for (const value of valuesOf(attributes[style])) count(styles, value);
    if (sizeName && sizes.size < 12) for (const value of valuesOf(attributes[sizeName])) sizes.add(value);
  });
  prices.sort();
  const top = Math.ceil(prices[prices.length - 1] || 0);
  // Band edges: 0, the rounded quartiles (duplicates and ones at the top dropped), the highest price.
  const edges = [...new Set([0, ...[1, 2, 3].map((quartile) => round(prices[Math.floor((prices.length * quartile) / 4)]!)).filter((edge) => edge < top), top])];
  const options = (kind: 'category' | 'brand', values: string[]): QuizOption[] => values.map((value) => [value, { kind, value, like: true }]);
  const steps: Record<QuizStepName, QuizStep> = {
    category: { question: 'qCategory', options: options('category', mostFrequent(categories, 8)) },
    style: { question: 'qStyle', options: mostFrequent(styles, 8).map((value): QuizOption => [value, { kind: 'attribute', value: [style!, value], like: true }]) },
    brand: { question: 'qBrand', max: 5, options: options('brand', mostFrequent(brands, 12)) },
    budget: {
      question: 'qBudget',
      options: edges.slice(1).map((max, i): QuizOption => {
        const value: [number, number] = [edges[i]!, max];
        return [formatRange(value, products[0]!.currency, locale), { kind: 'price', value, like: true }];
      }),
    },
    size: { question: 'qSize', options: [...sizes].slice(0, 12).map((value): QuizOption => [value, { kind: 'attribute', value: [sizeName!, value], like: true }]) },
  };
  return (config.steps || ['category', 'brand', 'budget', 'size']).map((name) => steps[name]).filter((step) => step && step.options.length > 1);
}
