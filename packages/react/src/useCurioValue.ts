/** The state of a value read from Curio that follows the visitor's data (picks, profile). */
import { useEffect, useRef, useState } from 'react';
import type { Curio } from '@curio/core';

/** A value loaded from Curio: `loading` on the server, until the first load and after the request changed. */
export interface CurioValue<V> {
  status: 'loading' | 'ready' | 'error';
  /** The last value loaded for this request (kept when a later reload fails). */
  value?: V;
  /** Why the last load failed (`status: 'error'`), e.g. a CurioError for an invalid request or catalog. */
  error?: unknown;
}

/**
 * Loads `load(curio)` once the instance exists and again whenever `curio.subscribe` reports a
 * change; a new `key` (the request, serialised) starts over. An older, slower load never
 * overwrites a newer one.
 */
export function useCurioValue<V>(curio: Curio | null, key: string, load: (curio: Curio) => Promise<V>): CurioValue<V> {
  const [state, setState] = useState<CurioValue<V> & { key?: string; curio?: Curio }>({ status: 'loading' });
  const latestLoad = useRef(load);
  latestLoad.current = load;
  useEffect(() => {
    if (!curio) return;
    let latest = 0;
    const refresh = () => {
      const run = ++latest;
      const current = () => run == latest;
      latestLoad
        .current(curio)
        .then((value) => current() && setState({ status: 'ready', value, key, curio }))
        .catch((error: unknown) => current() && setState((s) => ({ status: 'error', error, value: s.key == key ? s.value : undefined, key, curio })));
    };
    const unsubscribe = curio.subscribe(refresh);
    refresh();
    return () => {
      latest = -1;
      unsubscribe();
    };
  }, [curio, key]);
  // What was loaded for another request or instance is not shown for this one.
  return state.key === key && state.curio === curio && curio ? state : { status: 'loading' };
}
