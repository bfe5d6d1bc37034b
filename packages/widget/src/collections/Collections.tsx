/** The visitor's best-matching curated collections, each with why it matches and a few of its picks. */
import { Component, h } from 'preact';
import type { CollectionMatch } from '@curio/core';
import { stringsFor, type CollectionsKey } from '../i18n.js';
import { mountInShadow, type Unmount } from '../mount.js';
import type { PicksOptions } from '../picks/options.js';
import { Picks } from '../picks/Picks.js';
import { safeUrl } from '../safe-url.js';
import { Live, type CurioProps } from '../util.js';

/** The collections view's English strings (French and German: texts-fr.ts, texts-de.ts). */
const EN: Record<CollectionsKey, string> = { cols: 'Our edits for you', seen: 'You looked at' };

/** Options of {@link mountCollections} and `<curio-collections>`. */
export interface CollectionsOptions {
  /** Number of collections shown, best match first. Default 2. */
  limit?: number;
  /** Picks per collection. Default 4. */
  picks?: number;
}

/** Props of {@link Collections}. */
export interface CollectionsProps extends CurioProps {
  options: CollectionsOptions;
}

/**
 * Each matched collection as a section: its name, description, the visitor's products that made
 * the match, and its picks for this visitor (a carousel in a shadow root of its own, so ids and
 * live regions stay separate). Nothing is shown when no collection matches.
 */
export class Collections extends Live<CollectionsProps, CollectionMatch[]> {
  load() {
    return this.props.curio.collections();
  }

  render({ curio, options }: CollectionsProps, { data }: { data?: CollectionMatch[] }) {
    const shown = data?.slice(0, options.limit || 2);
    if (!shown?.length) return null;
    const strings = stringsFor(curio.locale, EN);
    return (
      <section part="collections" aria-labelledby="cols">
        <h2 id="cols">{strings.cols}</h2>
        {shown.map((match) => {
          // Under the collection's name: its description, then the visitor's products that made the match.
          const seen = match.because.length ? `${strings.seen}: ${match.because.slice(0, 2).map((id) => curio.product(id)?.title || id).join(', ')}` : '';
          const subtitle = [match.description, seen].filter(Boolean).join(' · ');
          return (
            <article key={match.id} part="collection">
              {safeUrl(match.image) && <img part="collection-image" src={safeUrl(match.image)} alt="" loading="lazy" width={600} height={200} />}
              <NestedPicks curio={curio} options={{ placement: 'home', collection: match.id, limit: options.picks || 4, layout: 'carousel', title: match.name, subtitle }} />
            </article>
          );
        })}
      </section>
    );
  }
}

/** Picks in a shadow root of their own inside this widget, unmounted with it. */
class NestedPicks extends Component<CurioProps & { options: PicksOptions }> {
  /** Removes the nested picks. */
  unmount?: Unmount;
  /** The element whose shadow root holds the nested picks. */
  host?: HTMLElement | null;
  override componentDidMount() {
    this.unmount = mountInShadow(this.host!, <Picks curio={this.props.curio} options={this.props.options} />, this.props.curio.locale);
  }
  override componentWillUnmount() {
    this.unmount?.();
  }
  render() {
    return <div ref={(element) => void (this.host = element)} part="collection-picks" />;
  }
}
