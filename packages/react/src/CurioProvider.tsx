/** <CurioProvider>: one Curio instance per app, created in the browser only. */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createCurio, type Curio, type CurioOptions, type TrackEvent } from '@curio/core';
import { defineCurioElements } from '@curio/widget';
import { CurioContext, type CurioBinding } from './context.js';

/** Props of {@link CurioProvider}. */
export interface CurioProviderProps {
  /** `createCurio()` options, read once when the provider mounts (give the provider a `key` to start over with others). */
  options: CurioOptions;
  /** Also registers `<curio-picks>`, `<curio-preferences>`, `<curio-quiz>` for this instance (`defineCurioElements`). */
  elements?: boolean;
  children?: ReactNode;
}

/** The instance a provider owns, kept across StrictMode's simulated unmount and remount. */
interface Owned {
  curio?: Curio;
  mounted: boolean;
  /** Events tracked before the instance existed (a child's effects run before its parent's). */
  queue: TrackEvent[];
}

/**
 * Creates the app's Curio instance after the first render in the browser (never on the server,
 * so server and client render the same markup) and destroys it when unmounted for good.
 * StrictMode's unmount-and-remount keeps the one instance: its destruction waits a microtask,
 * by which time the remount has taken it back.
 */
export function CurioProvider({ options, elements, children }: CurioProviderProps) {
  const [curio, setCurio] = useState<Curio | null>(null);
  const owned = useRef<Owned>({ mounted: false, queue: [] }).current;
  useEffect(() => {
    owned.mounted = true;
    if (!owned.curio) {
      const created = (owned.curio = createCurio(options));
      if (elements) defineCurioElements(created);
      owned.queue.splice(0).forEach((event) => created.track(event));
    }
    setCurio(owned.curio);
    return () => {
      owned.mounted = false;
      queueMicrotask(() => {
        if (owned.mounted || !owned.curio) return;
        void owned.curio.destroy();
        owned.curio = undefined;
      });
    };
  }, []);
  const track = useMemo(() => (event: TrackEvent) => (owned.curio ? owned.curio.track(event) : void owned.queue.push(event)), []);
  const binding = useMemo<CurioBinding>(() => ({ curio, track }), [curio]);
  return <CurioContext.Provider value={binding}>{children}</CurioContext.Provider>;
}
