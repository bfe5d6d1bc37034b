/** Data of a list of picks: what to show and how to dismiss one. */
import { useState } from 'preact/hooks';
import type { Curio, Pick } from '@curio/core';
import { useCurioValue } from '../use-curio-value.js';
import { picksLimit, type PicksOptions } from './options.js';

/** The picks to show (`undefined` while loading) and the "Not interested" action. */
export interface PicksState {
  picks: Pick[] | undefined;
  dismiss: (item: string) => void;
}

/** Picks for `options`, refreshed whenever the visitor's data changes; dismissed ones disappear at once. */
export function usePicks(curio: Curio, options: PicksOptions): PicksState {
  const { placement, item, category } = options;
  const limit = picksLimit(options);
  const picks = useCurioValue(curio, () => curio.recommend({ placement, item, category, limit }), [placement, item, category, limit]);
  const [dismissed, setDismissed] = useState<string[]>([]);
  return {
    picks: picks?.filter((pick) => !dismissed.includes(pick.item)),
    dismiss: (id) => {
      curio.track({ type: 'pick_dismiss', item: id });
      setDismissed((list) => [...list, id]);
    },
  };
}
