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
        {pick.reasons.map(({ code, text, evidence }) => {
          // Evidence the reason's text does not already name: further products, the review quote.
          const named = (evidence.items ?? []).map((id) => curio.product(id)?.title ?? id).filter((title) => !text.includes(title));
          return (
            <li key={code} part="why-reason">
              {text}
              {evidence.quote && !text.includes(evidence.quote) && <q>{evidence.quote}</q>}
              {named.length > 0 && (
                <ul>
                  {named.map((title) => (
                    <li key={title}>{title}</li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
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
