/** The preference center: see, edit, pause, download and erase everything Curio knows; also as a modal dialog. */
import { Component, h } from 'preact';
import type { ProfileView } from '@curio/core';
import { stringsFor, type PreferencesKey } from '../i18n.js';
import { formatRange, Live, warn, type CurioProps } from '../util.js';

/** One line: label, what its button does, strength (0..1, interests) and the button's text (default "Remove"). */
type Entry = [label: string, remove: () => Promise<void>, strength?: number, button?: string];

/** The preference center's English strings (French and German: texts-fr.ts, texts-de.ts). */
const EN: Record<PreferencesKey, string> = {
  intro: 'Stored only on this device. Remove anything you like.',
  memory: 'Not saved: forgotten when you leave.',
  pause: 'Pause and erase what Curio stored on this device',
  resume: 'Resume: remember my visits on this device',
  interests: 'Your interests',
  priceRange: 'Usual prices',
  recent: 'Recently viewed',
  prefs: 'What you told us',
  likes: 'You like',
  hides: 'Hidden',
  dismissed: 'Not interested in',
  none: 'Nothing yet.',
  remove: 'Remove',
  download: 'Download my data',
  forget: 'Forget everything',
  forgetAsk: 'Erase everything stored on this device?',
  cancel: 'Cancel',
  strong: 'strong',
  medium: 'medium',
  light: 'light',
  cols: 'Our edits for you',
  hide: 'Hide',
};

/** Focuses an element when it is rendered (a stable callback ref, so only once). */
const focus = (element: HTMLElement | null) => element?.focus();

/** Follows `curio.profile()`; every change is reflected at once here and in mounted picks. */
export class PreferenceCenter extends Live<CurioProps, ProfileView, { c?: boolean }> {
  load() {
    return this.props.curio.profile();
  }

  render({ curio }: CurioProps, { v: profile, c: confirming }: { v?: ProfileView; c?: boolean }) {
    if (!profile) return null;
    const { locale } = curio;
    const t = stringsFor(locale, EN);
    const { categories, brands, attributes, priceRange: price } = profile.interests;
    const paused = profile.consent == 'denied';
    const item = (id: string, title = curio.product(id)?.title || id): Entry => [title, () => curio.removeInterest({ kind: 'item', value: id })];
    const interest = (kind: 'category' | 'brand' | 'attribute') => ({ value, strength, name }: { value: string; strength: number; name?: string }): Entry => [
      name ? `${name}${t.colon}${value}` : value,
      () => curio.removeInterest({ kind, value: name ? [name, value] : value }),
      strength,
    ];
    const collectionName = (id: unknown) => profile.collections.find((c) => c.id == id)?.name || String(id);
    const sections: Array<[string, Entry[]]> = [
      [t.cols, profile.collections.filter((c) => !c.hidden).map((c): Entry => [c.name, () => curio.setPreference({ kind: 'collection', value: c.id, like: false }), c.strength, t.hide])],
      [t.interests, [...categories.map(interest('category')), ...brands.map(interest('brand')), ...attributes.map(interest('attribute'))]],
      [t.recent, profile.recentItems.map((recent) => item(recent.item, recent.title))],
      [
        t.prefs,
        profile.preferences.map((preference) => {
          const { value } = preference;
          return [
            `${preference.like ? t.likes : t.hides}${t.colon}${
              preference.kind == 'price'
                ? formatRange(value as number[], curio.products()[0]?.currency || '', locale)
                : preference.kind == 'collection'
                  ? collectionName(value)
                  : Array.isArray(value)
                    ? value.join(t.colon)
                    : value
            }`,
            () => curio.setPreference({ ...preference, remove: true }),
          ];
        }),
      ],
      [t.dismissed, profile.dismissed.map((id) => item(id))],
    ];
    // A shop without collections (or a visitor matching none) gets no empty collections section.
    if (!sections[0]![1].length) sections.shift();
    const confirm = (c?: boolean) => this.setState({ c });
    return (
      <section class="preferences" part="preferences" aria-labelledby="pc">
        <h2 id="pc">{t.pc}</h2>
        <p class="muted">{profile.storage == 'memory' ? t.memory : t.intro}</p>
        <div class="row">
          {/* Pausing is `setConsent('denied')`: it erases what was stored; resuming stores the session from then on. */}
          <button part="pause" onClick={() => curio.setConsent(paused ? 'granted' : 'denied')}>
            {paused ? t.resume : t.pause}
          </button>
        </div>
        {sections.map(([title, entries]) => [
          <h3>{title}</h3>,
          entries.length ? (
            <ul>
              {entries.map(([label, remove, strength, button = t.remove]) => (
                <li key={label} part="entry">
                  <span>{label}</span>
                  {strength != null && [
                    // Strength in words too, so it is not conveyed by the bar alone.
                    <span class="muted">{strength >= 0.66 ? t.strong : strength >= 0.33 ? t.medium : t.light}</span>,
                    <span class="bar" aria-hidden="true">
                      <i style={{ width: `${Math.round(strength * 100)}%` }} />
                    </span>,
                  ]}
                  <button aria-label={`${button}: ${label}`} onClick={() => remove().catch(warn)}>
                    {button}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t.none}</p>
          ),
        ])}
        {price && (
          <p>
            {t.priceRange}
            {t.colon}
            {formatRange([price.min, price.max], price.currency, locale)}
          </p>
        )}
        <div class="row">
          <button onClick={() => downloadData(this.props.curio).catch(warn)}>{t.download}</button>
          {!confirming && <button onClick={() => confirm(true)}>{t.forget}</button>}
        </div>
        {confirming && (
          <div class="row" role="group" aria-label={t.forget}>
            <p>{t.forgetAsk}</p>
            <button
              class="primary"
              onClick={() => {
                confirm();
                curio.forget().catch(warn);
              }}
            >
              {t.forget}
            </button>
            <button ref={focus} onClick={() => confirm()}>
              {t.cancel}
            </button>
          </div>
        )}
      </section>
    );
  }
}

/** "Download my data": everything Curio stores, as `curio-data.json` saved by the browser through an `<a download>`. */
async function downloadData(curio: CurioProps['curio']): Promise<void> {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([JSON.stringify(await curio.exportData(), null, 2)], { type: 'application/json' }));
  link.download = 'curio-data.json';
  link.click();
  // Revoke after the click has started the download.
  setTimeout(() => URL.revokeObjectURL(link.href), 1e4);
}

/** Props of {@link PreferencesDialog}. */
export interface PreferencesDialogProps extends CurioProps {
  onClose: () => void;
}

/** The preference center in a native modal `<dialog>`: opens when rendered, traps focus, closes on Escape and returns focus to the opener. */
export class PreferencesDialog extends Component<PreferencesDialogProps> {
  d?: HTMLDialogElement | null;
  override componentDidMount() {
    this.d!.showModal();
  }

  render({ curio, onClose }: PreferencesDialogProps) {
    return (
      <dialog ref={(e) => void (this.d = e)} part="dialog" aria-labelledby="pc" onClose={onClose}>
        <PreferenceCenter curio={curio} />
        <button class="primary" onClick={() => this.d!.close()}>
          {stringsFor(curio.locale).close}
        </button>
      </dialog>
    );
  }
}
