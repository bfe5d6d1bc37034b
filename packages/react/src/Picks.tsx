/** <Picks>: Curio's picks widget (the one `<curio-picks>` shows) as a React component. */
import { useEffect, useRef, type CSSProperties } from 'react';
import { mountPicks, type NavigateHandler, type PicksOptions } from '@curio/widget';
import { useBinding } from './context.js';

/** Props of {@link Picks}: the widget's options, plus the host element's class and style. */
export interface PicksProps extends PicksOptions {
  /** Class of the host element (e.g. to reserve the list's height before picks arrive). */
  className?: string;
  style?: CSSProperties;
}

/**
 * Renders an empty host element (on the server and in the first client render, so hydration
 * matches), then mounts the picks widget into its shadow root once the provider's instance
 * exists. Changing an option re-mounts the widget; `onNavigate` may change freely.
 */
export function Picks({ className, style, onNavigate, ...options }: PicksProps) {
  const { curio } = useBinding('<Picks>');
  const host = useRef<HTMLDivElement>(null);
  const navigate = useRef(onNavigate);
  navigate.current = onNavigate;
  const routed = !!onNavigate;
  const key = JSON.stringify(options);
  useEffect(() => {
    if (!curio || !host.current) return;
    const handler: NavigateHandler | undefined = routed ? (url, pick, event) => navigate.current?.(url, pick, event) : undefined;
    return mountPicks(host.current, curio, { ...(JSON.parse(key) as PicksOptions), onNavigate: handler });
  }, [curio, key, routed]);
  return <div ref={host} className={className} style={style} data-curio-picks={options.placement} />;
}
