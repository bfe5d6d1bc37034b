/**
 * `@curio/react` — React bindings for Curio: a provider owning one instance per app (created in
 * the browser only), hooks for picks, the profile and tracking, and the picks widget as a
 * component. React 18 and 19, StrictMode and server rendering safe.
 * @packageDocumentation
 */
export { CurioProvider, type CurioProviderProps } from './CurioProvider.js';
export { useCurio, type CurioBinding } from './context.js';
export { usePicks, type PicksResult } from './usePicks.js';
export { useCurioProfile, type ProfileResult } from './useCurioProfile.js';
export { useTrack } from './useTrack.js';
export { Picks, type PicksProps } from './Picks.js';
