/** A list of picks (grid or carousel) with reasons, a live status, and the preference dialog. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Curio } from '@curio/core';
import { stringsFor } from '../i18n.js';
import { PreferencesDialog } from '../preferences/PreferencesDialog.js';
import { picksLimit, type PicksOptions } from './options.js';
import { usePicks } from './use-picks.js';
import { PickCard } from './PickCard.js';
import { SkeletonCard } from './SkeletonCard.js';

/** Props of {@link Picks}. */
export interface PicksProps {
  curio: Curio;
  options: PicksOptions;
}

/** Renders skeletons until the first picks arrive, then the cards; nothing when there is nothing to pick. */
export function Picks({ curio, options }: PicksProps) {
  const t = stringsFor(curio.locale);
  const { picks, dismiss } = usePicks(curio, options);
  const [status, setStatus] = useState('');
  const [showPreferences, setShowPreferences] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = picks?.map((pick) => pick.item);
  const previous = useRef(shown);
  const refillAfterDismiss = useRef(false);
  useEffect(() => {
    // Announce new picks after the first load; a re-rank with the same picks, or the pick that
    // replaces a dismissed one (announced as "Removed"), is not news.
    if (previous.current && shown?.some((item) => !previous.current!.includes(item))) {
      if (refillAfterDismiss.current) refillAfterDismiss.current = false;
      else setStatus(t.updated);
    }
    previous.current = shown;
  }, [shown?.join()]);
  if (picks && !picks.length) return null;
  const onDismiss = (item: string) => {
    dismiss(item);
    setStatus(t.removed);
    refillAfterDismiss.current = true;
    heading.current?.focus();
  };
  return (
    <section part="picks" aria-labelledby="h" aria-busy={!picks}>
      <h2 id="h" ref={heading} part="heading" tabIndex={-1}>
        {options.title ?? t.picks}
      </h2>
      <p class="sr" aria-live="polite">
        {status}
      </p>
      <ul class={options.layout === 'carousel' ? 'list carousel' : 'list'} part="list">
        {picks
          ? picks.map((pick, index) => (
              <PickCard key={pick.item} curio={curio} pick={pick} index={index} onDismiss={onDismiss} onOpenPreferences={() => setShowPreferences(true)} />
            ))
          : Array.from({ length: picksLimit(options) }, (_, index) => <SkeletonCard key={index} />)}
      </ul>
      {showPreferences && <PreferencesDialog curio={curio} onClose={() => setShowPreferences(false)} />}
    </section>
  );
}
