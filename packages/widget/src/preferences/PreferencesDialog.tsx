/** The preference center in a native modal `<dialog>`. */
import { useEffect, useRef } from 'preact/hooks';
import type { Curio } from '@curio/core';
import { stringsFor } from '../i18n.js';
import { PreferenceCenter } from './PreferenceCenter.js';

/** Props of {@link PreferencesDialog}. */
export interface PreferencesDialogProps {
  curio: Curio;
  onClose: () => void;
}

/** Opens as soon as it is rendered; traps focus, closes on Escape and returns focus to the opener. */
export function PreferencesDialog({ curio, onClose }: PreferencesDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  return (
    <dialog ref={dialog} part="dialog" aria-labelledby="pc" onClose={onClose}>
      <PreferenceCenter curio={curio} />
      <button class="p" onClick={() => dialog.current?.close()}>
        {stringsFor(curio.locale).close}
      </button>
    </dialog>
  );
}
