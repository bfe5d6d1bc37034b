/** Which questions the quiz asks, and how they are read from HTML attributes. */

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
