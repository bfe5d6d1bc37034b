/** The "Why this?" panel of a pick: every reason with its evidence, and the pick's actions. */
import type { Curio, Pick } from '@curio/core';
import type { Ref } from 'preact';
import { stringsFor } from '../i18n.js';

/** Props of {@link WhyThis}. */
export interface WhyThisProps {
  curio: Curio;
  pick: Pick;
  id: string;
  open: boolean;
  panelRef: Ref<HTMLDivElement>;
  onClose: () => void;
  onDismiss: () => void;
  onOpenPreferences: () => void;
}

/** A disclosure panel over the card; Escape or "Close" hides it. */
export function WhyThis({ curio, pick, id, open, panelRef, onClose, onDismiss, onOpenPreferences }: WhyThisProps) {
  const t = stringsFor(curio.locale);
  return (
    <div
      id={id}
      ref={panelRef}
      class="why"
      part="why"
      role="group"
      aria-label={`${t.why} ${pick.product.title}`}
      tabIndex={-1}
      hidden={!open}
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <ul>
        {pick.reasons.map((reason) => (
          <li key={reason.code} part="why-reason">
            {reason.text}
            {reason.evidence.quote && <q>{reason.evidence.quote}</q>}
            {reason.evidence.items && (
              <ul>
                {reason.evidence.items.map((id) => (
                  <li key={id}>{curio.product(id)?.title ?? id}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <div class="row">
        <button class="p" part="dismiss" onClick={onDismiss}>
          {t.dismiss}
        </button>
        <button part="open-preferences" onClick={onOpenPreferences}>
          {t.pc}
        </button>
        <button part="close" onClick={onClose}>
          {t.close}
        </button>
      </div>
    </div>
  );
}
