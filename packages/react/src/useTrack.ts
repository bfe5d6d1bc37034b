/** useTrack(): recording events from components. */
import { useEffect, useRef } from 'react';
import type { TrackEvent } from '@curio/core';
import { useBinding } from './context.js';

/**
 * Returns a stable `track(event)` for event handlers (`onClick={() => track({ type: 'add_to_cart', item })}`).
 * Given an `event`, also records it once when the component mounts and again only when the event
 * changes (a product page's `view_item`): StrictMode's second run of effects is not a second
 * event. Events sent before the provider's instance exists are recorded once it does.
 */
export function useTrack(event?: TrackEvent): (event: TrackEvent) => void {
  const { track } = useBinding('useTrack()');
  const key = event && JSON.stringify(event);
  const recorded = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!key || recorded.current === key) return;
    recorded.current = key;
    track(JSON.parse(key) as TrackEvent);
  }, [key]);
  return track;
}
