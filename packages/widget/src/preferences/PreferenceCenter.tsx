/** The preference center: see, edit, pause, download and erase everything Curio knows; also as a modal dialog. */
import { Component, h } from 'preact';
import type { Interest, ProfileView } from '@curio/core';
import { stringsFor, type PreferencesKey } from '../i18n.js';
import { formatRange, Live, warn, type CurioProps } from '../util.js';

/** One line: label, what its button does, strength (0..1, interests), the button's text (default "Remove") and the evidence in words. */
type Entry = [label: string, remove: () => Promise<void>, strength?: number, button?: string, evidence?: string];

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
  lCategory: 'Category',
  lBrand: 'Brand',
  eViewed: 'from {n} you looked at',
  eCarted: '{n} in your cart',
  eBought: '{n} you bought',
  armCurio: 'You see personal picks; the shop compares them with a small group that sees its usual picks.',
  armControl: "You are in a comparison group: you see the shop's usual picks, so it can measure what personal picks change.",
};

/** Focuses an element when it is rendered (a stable callback ref, so only once). */
const focus = (element: HTMLElement | null) => element?.focus();

interface PreferenceCenterState {
  /** "Forget everything" was pressed: its confirmation is shown. */
  confirming?: boolean;
}

/** Follows `curio.profile()`; every change is reflected at once here and in mounted picks. */
export class PreferenceCenter extends Live<CurioProps, ProfileView, PreferenceCenterState> {
  load() {
    return this.props.curio.profile();
  }

  render({ curio }: CurioProps, { data: profile, confirming }: PreferenceCenterState & { data?: ProfileView }) {
    if (!profile) return null;
    const { locale } = curio;
    const strings = stringsFor(locale, EN);
    const { categories, brands, attributes, priceRange: price } = profile.interests;
    const paused = profile.consent == 'denied';
    const item = (id: string, title = curio.product(id)?.title || id): Entry => [title, () => curio.removeInterest({ kind: 'item', value: id })];
    // Every row says what it is (category, brand, or the attribute's own name) and why it is there.
    const interest = (kind: 'category' | 'brand' | 'attribute') => ({ value, strength, name, evidence }: Interest & { name?: string }): Entry => [
      `${name ?? (kind == 'brand' ? strings.lBrand : strings.lCategory)}${strings.colon}${value}`,
      () => curio.removeInterest({ kind, value: name ? [name, value] : value }),
      strength,
      undefined,
      ([[evidence.viewed, strings.eViewed], [evidence.carted, strings.eCarted], [evidence.bought, strings.eBought]] as const)
        .filter(([count]) => count > 0)
        .map(([count, text]) => text.replace('{n}', String(count)))
        .join(' · '),
    ];
    const collectionName = (id: unknown) => profile.collections.find((collection) => collection.id == id)?.name || String(id);
    const sections: Array<[string, Entry[]]> = [
      [
        strings.cols,
        profile.collections
          .filter((collection) => !collection.hidden)
          .map((collection): Entry => [collection.name, () => curio.setPreference({ kind: 'collection', value: collection.id, like: false }), collection.strength, strings.hide]),
      ],
      [strings.interests, [...categories.map(interest('category')), ...brands.map(interest('brand')), ...attributes.map(interest('attribute'))]],
      [strings.recent, profile.recentItems.map((recent) => item(recent.item, recent.title))],
      [
        strings.prefs,
        profile.preferences.map((preference) => {
          const { value } = preference;
          return [
            `${preference.like ? strings.likes : strings.hides}${strings.colon}${
              preference.kind == 'price'
                ? formatRange(value as number[], curio.products()[0]?.currency || '', locale)
                : preference.kind == 'collection'
                  ? collectionName(value)
                  : Array.isArray(value)
                    ? value.join(strings.colon)
                    : value
            }`,
            () => curio.setPreference({ ...preference, remove: true }),
          ];
        }),
      ],
      [strings.dismissed, profile.dismissed.map((id) => item(id))],
    ];
    // A shop without collections (or a visitor matching none) gets no empty collections section.
    if (!sections[0]![1].length) sections.shift();
    const confirm = (confirming?: boolean) => this.setState({ confirming });
    return (
      <section class="preferences" part="preferences" aria-labelledby="pc">
        <h2 id="pc">{strings.pc}</h2>
        <p class="muted">{profile.storage == 'memory' ? strings.memory : strings.intro}</p>
        {/* The holdout arm (stored with the profile, erased by "Forget everything"). */}
        {profile.experiment && <p class="muted" part="experiment">{profile.experiment.arm == 'control' ? strings.armControl : strings.armCurio}</p>}
        <div class="row">
          {/* Pausing is `setConsent('denied')`: it erases what was stored; resuming stores the session from then on. */}
          <button part="pause" onClick={() => curio.setConsent(paused ? 'granted' : 'denied')}>
            {paused ? strings.resume : strings.pause}
          </button>
        </div>
        {sections.map(([title, entries]) => [
          <h3>{title}</h3>,
          entries.length ? (
            <ul>
              {entries.map(([label, remove, strength, button = strings.remove, evidence]) => (
                <li key={label} part="entry">
                  <span>{label}</span>
                  {evidence && <span class="muted">{evidence}</span>}
                  {strength != null && [
                    // Strength in words too, so it is not conveyed by the bar alone.
                    <span class="muted">{strength >= 0.66 ? strings.strong : strength >= 0.33 ? strings.medium : strings.light}</span>,
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
            <p class="muted">{strings.none}</p>
          ),
        ])}
        {price && (
          <p>
            {strings.priceRange}
            {strings.colon}
            {formatRange([price.min, price.max], price.currency, locale)}
          </p>
        )}
        <div class="row">
          <button onClick={() => downloadData(this.props.curio).catch(warn)}>{strings.download}</button>
          {!confirming && <button onClick={() => confirm(true)}>{strings.forget}</button>}
        </div>
        {confirming && (
          <div class="row" role="group" aria-label={strings.forget}>
            <p>{strings.forgetAsk}</p>
            <button
              class="primary"
              onClick={() => {
                confirm();
                curio.forget().catch(warn);
              }}
            >
              {strings.forget}
            </button>
            <button ref={focus} onClick={() => confirm()}>
              {strings.cancel}
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
  /** The rendered `<dialog>`. */
  dialog?: HTMLDialogElement | null;
  override componentDidMount() {
    this.dialog!.showModal();
  }

  render({ curio, onClose }: PreferencesDialogProps) {
    return (
      <dialog ref={(element) => void (this.dialog = element)} part="dialog" aria-labelledby="pc" onClose={onClose}>
        <PreferenceCenter curio={curio} />
        <button class="primary" onClick={() => this.dialog!.close()}>
          {stringsFor(curio.locale).close}
        </button>
      </dialog>
    );
  }
}
