/** The preference center in a modal dialog, opened from a pick's "See what we know". */
import { useEffect, useRef } from 'preact/hooks';
import type { Curio } from '@curio/core';
import { stringsFor } from '../i18n.js';
import { PreferenceCenter } from './PreferenceCenter.js';

/** Props of {@link PreferencesDialog}. */
export interface PreferencesDialogProps {
  curio: Curio;
  onClose: () => void;
}

/**
 * A native modal `<dialog>`: it traps focus, closes on Escape and returns focus to the
 * button that opened it.
 */
export function PreferencesDialog({ curio, onClose }: PreferencesDialogProps) {
  const t = stringsFor(curio.locale);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal?.();
  }, []);
  return (
    <dialog ref={dialog} part="dialog" aria-label={t.pc} onClose={onClose}>
      <PreferenceCenter curio={curio} />
      <div class="row">
        <button class="p" onClick={() => dialog.current?.close()}>
          {t.close}
        </button>
      </div>
    </dialog>
  );
}
