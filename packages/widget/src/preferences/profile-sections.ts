/** Turns a ProfileView into plain-language sections of removable entries. */
import type { Curio, Preference, ProfileView } from '@curio/core';
import type { Strings } from '../i18n.js';

/** One removable line of the preference center. */
export interface ProfileEntry {
  key: string;
  label: string;
  /** 0..1, for interests. */
  strength?: number;
  remove: () => Promise<void>;
}

/** A titled group of entries. */
export interface ProfileSection {
  title: string;
  entries: ProfileEntry[];
}

const preferenceLabel = ({ value }: Preference): string => (Array.isArray(value) ? value.join(': ') : value);

/** The sections shown for `profile`: interests, recently viewed, stated preferences, dismissed items. */
export function profileSections(profile: ProfileView, curio: Curio, t: Strings): ProfileSection[] {
  const { categories, brands, attributes } = profile.interests;
  const item = (id: string, label: string): ProfileEntry => ({
    key: id,
    label,
    remove: () => curio.removeInterest({ kind: 'item', value: id }),
  });
  const interest = (kind: 'category' | 'brand' | 'attribute', value: string | [string, string], label: string, strength: number): ProfileEntry => ({
    key: `${kind}:${label}`,
    label,
    strength,
    remove: () => curio.removeInterest({ kind, value }),
  });
  return [
    {
      title: t.interests,
      entries: [
        ...categories.map((i) => interest('category', i.value, i.value, i.strength)),
        ...brands.map((i) => interest('brand', i.value, i.value, i.strength)),
        ...attributes.map((i) => interest('attribute', [i.name, i.value], `${i.name}: ${i.value}`, i.strength)),
      ],
    },
    { title: t.recent, entries: profile.recentItems.map((recent) => item(recent.item, recent.title)) },
    {
      title: t.prefs,
      entries: profile.preferences.map((preference) => ({
        key: `${preference.kind}:${preference.value}`,
        label: `${preference.like ? t.likes : t.hides}: ${preferenceLabel(preference)}`,
        remove: () => curio.setPreference({ ...preference, remove: true }),
      })),
    },
    { title: t.dismissed, entries: profile.dismissed.map((id) => item(id, curio.product(id)?.title ?? id)) },
  ];
}
