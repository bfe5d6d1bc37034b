/** The preference center: see, edit, pause, download and erase everything Curio knows. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Curio } from '@curio/core';
import { stringsFor } from '../i18n.js';
import { formatPrice } from '../format.js';
import { useCurioValue } from '../use-curio-value.js';
import { profileSections } from './profile-sections.js';
import { downloadData } from './download-data.js';
import { EntryList } from './EntryList.js';
import { warn } from '../warn.js';

/** Props of {@link PreferenceCenter}. */
export interface PreferenceCenterProps {
  curio: Curio;
}

/** Follows `curio.profile()`; every change is reflected at once here and in mounted picks. */
export function PreferenceCenter({ curio }: PreferenceCenterProps) {
  const t = stringsFor(curio.locale);
  const profile = useCurioValue(curio, () => curio.profile(), []);
  const [confirming, setConfirming] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) cancel.current?.focus();
  }, [confirming]);
  if (!profile) return null;
  const paused = profile.consent === 'denied';
  const price = profile.interests.priceRange;
  const forget = () => {
    setConfirming(false);
    curio.forget().catch(warn);
  };
  return (
    <section class="pc" part="preferences" aria-labelledby="pc">
      <h2 id="pc">{t.pc}</h2>
      <p class="m">{profile.storage === 'memory' ? t.memory : t.intro}</p>
      <label class="row">
        <input type="checkbox" role="switch" checked={!paused} onChange={() => curio.setConsent(paused ? 'granted' : 'denied')} />
        {t.personalize}
      </label>
      {profileSections(profile, curio, t).map((section) => (
        <EntryList key={section.title} section={section} t={t} />
      ))}
      {price && (
        <p>
          {t.priceRange}: {formatPrice(price.min, price.currency, curio.locale)} – {formatPrice(price.max, price.currency, curio.locale)}
        </p>
      )}
      <div class="row">
        <button onClick={() => downloadData(curio).catch(warn)}>{t.download}</button>
        {!confirming && <button onClick={() => setConfirming(true)}>{t.forget}</button>}
      </div>
      {confirming && (
        <div class="row" role="group" aria-label={t.forget}>
          <p>{t.forgetAsk}</p>
          <button class="p" onClick={forget}>
            {t.forget}
          </button>
          <button ref={cancel} onClick={() => setConfirming(false)}>
            {t.cancel}
          </button>
        </div>
      )}
    </section>
  );
}
