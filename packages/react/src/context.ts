/** The React context between <CurioProvider> and the hooks. */
import { createContext, useContext } from 'react';
import { CurioError, type Curio, type TrackEvent } from '@curio/core';

/** What <CurioProvider> gives its descendants. */
export interface CurioBinding {
  /** The instance: `null` on the server and until the provider has mounted in the browser. */
  curio: Curio | null;
  /** Records an event; events sent before the instance exists are kept and recorded when it does. */
  track: (event: TrackEvent) => void;
}

/** `undefined` outside a provider. */
export const CurioContext = createContext<CurioBinding | undefined>(undefined);

/** The provider's binding; a hook used outside <CurioProvider> is a setup mistake. */
export function useBinding(hook: string): CurioBinding {
  const binding = useContext(CurioContext);
  if (!binding) throw new CurioError('invalid_option', `${hook} must be called inside <CurioProvider>.`, 'spa.md');
  return binding;
}

/**
 * The app's Curio instance, for everything the hooks do not cover (`setConsent`, `forget`,
 * `setContext`…): `null` while server rendering and until the provider has mounted.
 */
export const useCurio = (): Curio | null => useBinding('useCurio()').curio;
