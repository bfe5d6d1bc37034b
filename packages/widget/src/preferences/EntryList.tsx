/** A titled list of removable entries of the preference center. */
import type { Strings } from '../i18n.js';
import { strengthWord } from '../format.js';
import { warn } from '../warn.js';
import type { ProfileSection } from './profile-sections.js';

/** Props of {@link EntryList}. */
export interface EntryListProps {
  section: ProfileSection;
  t: Strings;
}

/** Each entry in words (strength as a word and a bar) with its own "Remove" button. */
export function EntryList({ section, t }: EntryListProps) {
  return (
    <>
      <h3>{section.title}</h3>
      {section.entries.length ? (
        <ul>
          {section.entries.map((entry) => (
            <li key={entry.key} part="entry">
              <span>{entry.label}</span>
              {entry.strength !== undefined && (
                <>
                  <span class="m">{strengthWord(entry.strength, t)}</span>
                  <span class="bar" aria-hidden="true">
                    <i style={{ width: `${Math.round(entry.strength * 100)}%` }} />
                  </span>
                </>
              )}
              <button aria-label={`${t.remove}: ${entry.label}`} onClick={() => entry.remove().catch(warn)}>
                {t.remove}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="m">{t.none}</p>
      )}
    </>
  );
}
