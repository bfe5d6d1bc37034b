/** A list of picks (grid or carousel) with reasons, "Why this?" panels, a live status and the preference dialog. */
import { h } from 'preact';
import { formatPrice, type Pick } from '@curio/core';
import { stringsFor } from '../i18n.js';
import { safeUrl } from '../safe-url.js';
import { Live, type CurioProps } from '../util.js';
import { PreferencesDialog } from '../views.js';
import { picksLimit, type PicksOptions } from './options.js';

/** Props of {@link Picks}. */
export interface PicksProps extends CurioProps {
  options: PicksOptions;
}

interface PicksState {
  /** Live status text. */
  s?: string;
  /** Items dismissed here, hidden at once. */
  d?: string[];
  /** Item whose "Why this?" panel is open. */
  o?: string;
  /** The preference dialog is shown. */
  p?: boolean;
}

/**
 * Skeletons with the exact box sizes of a card until the first picks arrive, then the cards;
 * nothing when there is nothing to pick. Shop text is rendered as text; unsafe URLs are dropped.
 */
export class Picks extends Live<PicksProps, Pick[], PicksState> {
  /** A dismissal is pending: the pick that replaces it is not announced as news. */
  r?: boolean;

  load() {
    const { curio, options } = this.props;
    return curio.recommend({ placement: options.placement, item: options.item, category: options.category, collection: options.collection, limit: picksLimit(options) });
  }

  override got(v: Pick[]) {
    const before = this.state.v;
    // Announce new picks after the first load; a re-rank with the same picks is not news.
    const news = before && v.some((pick) => !before.some((old) => old.item == pick.item));
    // The pick that replaces a dismissed one (announced as "Removed") is not news either.
    this.setState({ v, s: news && !this.r ? stringsFor(this.props.curio.locale).updated : this.state.s });
    if (news) this.r = false;
  }

  /** Opens or closes a "Why this?" panel; focus moves into the panel, or back to its button. */
  open(o?: string, index?: number) {
    this.setState({ o }, () => this.focus(o ? `#why${index}` : `[aria-controls=why${index}]`));
  }

  render({ curio, options }: PicksProps, { v, s, d = [], o, p }: PicksState & { v?: Pick[] }) {
    const t = stringsFor(curio.locale);
    const picks = v && v.filter((pick) => !d.includes(pick.item));
    if (picks && !picks.length) return null;
    return (
      <section ref={(e) => void (this.b = e)} part="picks" aria-labelledby="h" aria-busy={!picks}>
        <h2 id="h" part="heading" tabIndex={-1}>
          {options.title || t.picks}
        </h2>
        {options.subtitle && (
          <p class="muted" part="subtitle">
            {options.subtitle}
          </p>
        )}
        <p class="visually-hidden" aria-live="polite">
          {s}
        </p>
        <ul class={options.layout == 'carousel' ? 'list carousel' : 'list'} part="list">
          {picks
            ? picks.map(({ item, product, reasons }, index) => {
                const image = safeUrl(product.image);
                const why = `why${index}`;
                const close = () => this.open(undefined, index);
                return (
                  <li key={item} class="card" part="card">
                    {image ? <img class="img" part="image" src={image} alt="" loading="lazy" width={300} height={300} /> : <div class="img" part="image" />}
                    <a class="title" part="title" href={safeUrl(product.url)} onClick={() => curio.track({ type: 'pick_click', item })}>
                      {product.title}
                    </a>
                    <p class="price" part="price">
                      {formatPrice(product.price, product.currency, curio.locale)}
                    </p>
                    <p class="reason" part="reason">
                      {reasons[0]?.text}
                    </p>
                    <div class="actions">
                      <button part="why-button" aria-expanded={o == item} aria-controls={why} onClick={() => (o == item ? close() : this.open(item, index))}>
                        {t.why}
                      </button>
                    </div>
                    <div
                      id={why}
                      class="why"
                      part="why"
                      role="group"
                      aria-label={`${t.why} ${product.title}`}
                      tabIndex={-1}
                      hidden={o != item}
                      onKeyDown={(event) => event.key == 'Escape' && close()}
                    >
                      {/* The panel's content is rendered when it opens: half the elements of a list fewer to build first. */}
                      {o == item && [
                        <ul key="r">
                          {reasons.map(({ code, text, evidence }) => {
                            // Evidence the text does not already name: further products, the review quote.
                            const named = (evidence.items || []).map((id) => curio.product(id)?.title || id).filter((title) => !text.includes(title));
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
                        </ul>,
                        <div key="a" class="row">
                          <button
                            class="primary"
                            part="dismiss"
                            onClick={() => {
                              curio.track({ type: 'pick_dismiss', item });
                              this.r = true;
                              this.setState({ d: [...d, item], s: t.removed }, () => this.focus('h2'));
                            }}
                          >
                            {t.dismiss}
                          </button>
                          <button part="open-preferences" onClick={() => this.setState({ p: true })}>
                            {t.pc}
                          </button>
                          <button part="close" onClick={close}>
                            {t.close}
                          </button>
                        </div>
                      ]}
                    </div>
                  </li>
                );
              })
            : Array.from({ length: picksLimit(options) }, (_, index) => (
                <li key={index} class="card skeleton" part="card skeleton" aria-hidden="true">
                  <div class="img" />
                  <div class="title" />
                  <div class="price" />
                  <div class="reason" />
                  <div class="actions" />
                </li>
              ))}
        </ul>
        {p && <PreferencesDialog curio={curio} onClose={() => this.setState({ p: false })} />}
      </section>
    );
  }
}
