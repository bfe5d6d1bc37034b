/** useCurioProfile(): what Curio knows about the visitor, kept current. */
import type { ProfileView } from '@curio/core';
import { useBinding } from './context.js';
import { useCurioValue } from './useCurioValue.js';

/** What {@link useCurioProfile} returns. */
export interface ProfileResult {
  /** The visitor's profile (`curio.profile()`); undefined while loading. */
  profile?: ProfileView;
  status: 'loading' | 'ready' | 'error';
  error?: unknown;
}

/** The visitor's profile (interests, preferences, storage, consent), reloaded whenever it changes. */
export function useCurioProfile(): ProfileResult {
  const { curio } = useBinding('useCurioProfile()');
  const { status, value, error } = useCurioValue(curio, '', (c) => c.profile());
  return { profile: value, status, error };
}
