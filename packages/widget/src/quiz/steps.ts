/** The quiz's questions, built from the facets of the catalog's products. */
import type { Preference, Product } from '@curio/core';
import type { StringKey } from '../i18n.js';

/** One answer: what the visitor sees and the preference it saves (`like: true`). */
export interface QuizOption {
  label: string;
  preference: Preference;
}

/** One question with its answers; `max` caps how many may be chosen. */
export interface QuizStep {
  question: StringKey;
  options: QuizOption[];
  max?: number;
}

/** The `limit` most frequent values, most frequent first. */
function mostFrequent(values: string[], limit: number): string[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([value]) => value);
}

/**
 * Up to three questions: top-level categories, favourite brands (up to 5 of the 12 most
 * common) and size (from an attribute named `size`, 12 at most). A question with fewer than two answers is left out.
 */
export function quizSteps(products: Product[]): QuizStep[] {
  const sizeName = products.flatMap((p) => Object.keys(p.attributes ?? {})).find((name) => /^size$/i.test(name));
  const sizes = sizeName ? products.flatMap((p) => p.attributes?.[sizeName] ?? []) : [];
  const steps: QuizStep[] = [
    {
      question: 'qCategory',
      options: mostFrequent(products.flatMap((p) => p.categories.slice(0, 1)), 8).map((value) => ({
        label: value,
        preference: { kind: 'category', value, like: true },
      })),
    },
    {
      question: 'qBrand',
      max: 5,
      options: mostFrequent(products.flatMap((p) => (p.brand ? [p.brand] : [])), 12).map((value) => ({
        label: value,
        preference: { kind: 'brand', value, like: true },
      })),
    },
    {
      question: 'qSize',
      // In catalog order, which lists sizes in their natural order (S, M, L), unlike counts.
      options: [...new Set(sizes)].slice(0, 12).map((value) => ({ label: value, preference: { kind: 'attribute', value: [sizeName!, value], like: true } })),
    },
  ];
  return steps.filter((step) => step.options.length > 1);
}
