/** The connector between the core and the components: a value that follows the visitor's data. */
import { useEffect, useState } from 'preact/hooks';
import type { Curio } from '@curio/core';
import { warn } from './warn.js';

/**
 * Calls `load` once Curio is ready and again whenever `curio.subscribe` reports a change, and
 * returns the latest result (`undefined` until the first one). A slower, older load never
 * overwrites a newer one; a failed load keeps the previous value.
 */
export function useCurioValue<T>(curio: Curio, load: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let latest = 0;
    const refresh = () => {
      const run = ++latest;
      curio.ready
        .then(load)
        .then((next) => run === latest && setValue(() => next))
        .catch(warn);
    };
    refresh();
    const unsubscribe = curio.subscribe(refresh);
    return () => {
      latest = -1;
      unsubscribe();
    };
  }, [curio, ...deps]);
  return value;
}
