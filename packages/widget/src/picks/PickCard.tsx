/** One pick: image, title link, price, first reason and the "Why this?" disclosure. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Curio, Pick } from '@curio/core';
import { stringsFor } from '../i18n.js';
import { formatPrice } from '../format.js';
import { safeUrl } from '../safe-url.js';
import { WhyThis } from './WhyThis.js';

/** Props of {@link PickCard}. */
export interface PickCardProps {
  curio: Curio;
  pick: Pick;
  /** Position in the list; makes the panel id unique in its shadow root. */
  index: number;
  onDismiss: (item: string) => void;
  onOpenPreferences: () => void;
}

/** A product card. Shop text is rendered as text; unsafe URLs are dropped. */
export function PickCard({ curio, pick, index, onDismiss, onOpenPreferences }: PickCardProps) {
  const t = stringsFor(curio.locale);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) panel.current?.focus();
  }, [open]);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const { product } = pick;
  const image = safeUrl(product.image);
  return (
    <li class="card" part="card">
      {image ? (
        <img class="img" part="image" src={image} alt="" loading="lazy" width={300} height={300} />
      ) : (
        <div class="img" part="image" />
      )}
      <a class="t" part="title" href={safeUrl(product.url)} onClick={() => curio.track({ type: 'pick_click', item: pick.item })}>
        {product.title}
      </a>
      <p class="price" part="price">
        {formatPrice(product.price, product.currency, curio.locale)}
      </p>
      <p class="reason" part="reason">
        {pick.reasons[0]?.text}
      </p>
      <div class="acts">
        <button ref={button} part="why-button" aria-expanded={open} aria-controls={`why${index}`} onClick={() => setOpen(!open)}>
          {t.why}
        </button>
      </div>
      <WhyThis
        curio={curio}
        pick={pick}
        id={`why${index}`}
        open={open}
        panelRef={panel}
        onClose={close}
        onDismiss={() => onDismiss(pick.item)}
        onOpenPreferences={onOpenPreferences}
      />
    </li>
  );
}
