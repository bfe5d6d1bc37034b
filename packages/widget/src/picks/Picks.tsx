/** A list of picks (grid or carousel) with reasons, "Why this?" panels, a live status and the preference dialog. */
import { h } from 'preact';
import { formatPrice, type Pick } from '@curio/core';
import { stringsFor } from '../i18n.js';
import { safeUrl } from '../safe-url.js';
import { Live, type CurioProps } from '../util.js';
import { PreferencesDialog } from '../views.js';
import { picksLimit, type PicksOptions } from './options.js';
import { pageSlot, type PageSlot } from './pageShown.js';

/** Props of {@link Picks}. */
export interface PicksProps extends CurioProps {
  options: PicksOptions;
}

interface PicksState {
  /** Live status text. */
  status?: string;
  /** Items dismissed here, hidden at once. */
  dismissed?: string[];
  /** Item whose "Why this?" panel is open. */
  openWhy?: string;
  /** The preference dialog is shown. */
  preferencesShown?: boolean;
}

/**
 * Skeletons with the exact box sizes of a card until the first picks arrive, then the cards;
 * nothing when there is nothing to pick. Shop text is rendered as text; unsafe URLs are dropped.
 */
export class Picks extends Live<PicksProps, Pick[], PicksState> {
  /** A dismissal is pending: the pick that replaces it is not announced as news. */
  dismissalPending?: boolean;
  /** This list's place among the page's lists (one page, no repeats). */
  slot?: PageSlot;

  /** This list's picks, excluding what the lists mounted before it on the page show. */
  load() {
    const { curio, options } = this.props;
    const slot = (this.slot ??= pageSlot(curio));
    return slot.load((exclude) => curio.recommend({ placement: options.placement, item: options.item, category: options.category, collection: options.collection, limit: picksLimit(options), exclude }));
  }

  override componentDidMount() {
    super.componentDidMount();
    const stop = this.componentWillUnmount;
    // Leaving the page frees this list's picks for the lists mounted after it.
    this.componentWillUnmount = () => {
      stop?.call(this);
      this.slot?.release();
    };
  }

  override got(picks: Pick[]) {
    const before = this.state.data;
    // Announce new picks after the first load; a re-rank with the same picks is not news.
    const news = before && picks.some((pick) => !before.some((old) => old.item == pick.item));
    // The pick that replaces a dismissed one (announced as "Removed") is not news either.
    this.setState({ data: picks, status: news && !this.dismissalPending ? stringsFor(this.props.curio.locale).updated : this.state.status });
    if (news) this.dismissalPending = false;
  }

  /** Opens or closes a "Why this?" panel; focus moves into the panel, or back to its button. */
  open(item?: string, index?: number) {
    this.setState({ openWhy: item }, () => this.focus(item ? `#why${index}` : `[aria-controls=why${index}]`));
  }

  render({ curio, options }: PicksProps, { data, status, dismissed = [], openWhy, preferencesShown }: PicksState & { data?: Pick[] }) {
    const strings = stringsFor(curio.locale);
    const picks = data && data.filter((pick) => !dismissed.includes(pick.item));
    if (picks && !picks.length) return null;
    return (
      <section ref={(element) => void (this.root = element)} part="picks" aria-labelledby="h" aria-busy={!picks}>
        <h2 id="h" part="heading" tabIndex={-1}>
          {options.title || strings.picks}
        </h2>
        {options.subtitle && (
          <p class="muted" part="subtitle">
            {options.subtitle}
          </p>
        )}
        <p class="visually-hidden" aria-live="polite">
          {status}
        </p>
        <ul class={options.layout == 'carousel' ? 'list carousel' : 'list'} part="list">
          {picks
            ? picks.map((pick, index) => {
                const { item, product, reasons } = pick;
                const image = safeUrl(product.image);
                const url = safeUrl(product.url);
                const why = `why${index}`;
                const close = () => this.open(undefined, index);
                return (
                  <li key={item} class="card" part="card">
                    {image ? <img class="img" part="image" src={image} alt="" loading="lazy" width={300} height={300} /> : <div class="img" part="image" />}
                    <a
                      class="title"
                      part="title"
                      href={url}
                      onClick={(event) => {
                        curio.track({ type: 'pick_click', item });
                        // A plain left click is the app's to route; new tabs and windows stay the browser's.
                        const { onNavigate } = options;
                        if (onNavigate && url && !event.defaultPrevented && event.button == 0 && !(event.metaKey || event.ctrlKey || event.shiftKey || event.altKey))
                          if (onNavigate(url, pick, event) !== false) event.preventDefault();
                      }}
                    >
                      {product.title}
                    </a>
                    <p class="price" part="price">
                      {formatPrice(product.price, product.currency, curio.locale)}
                    </p>
                    <p class="reason" part="reason">
                      {reasons[0]?.text}
                    </p>
                    <div class="actions">
                      <button part="why-button" aria-expanded={openWhy == item} aria-controls={why} onClick={() => (openWhy == item ? close() : this.open(item, index))}>
                        {strings.why}
                      </button>
                    </div>
                    <div
                      id={why}
                      class="why"
                      part="why"
                      role="group"
                      aria-label={`${strings.why} ${product.title}`}
                      tabIndex={-1}
                      hidden={openWhy != item}
                      onKeyDown={(event) => event.key == 'Escape' && close()}
                    >
                      {/* The panel's content is rendered when it opens: half the elements of a list fewer to build first. */}
                      {openWhy == item && [
                        <ul key="reasons">
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
                        <div key="actions" class="row">
                          <button
                            class="primary"
                            part="dismiss"
                            onClick={() => {
                              curio.track({ type: 'pick_dismiss', item });
                              this.dismissalPending = true;
                              this.setState({ dismissed: [...dismissed, item], status: strings.removed }, () => this.focus('h2'));
                            }}
                          >
                            {strings.dismiss}
                          </button>
                          <button part="open-preferences" onClick={() => this.setState({ preferencesShown: true })}>
                            {strings.pc}
                          </button>
                          <button part="close" onClick={close}>
                            {strings.close}
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
        {preferencesShown && <PreferencesDialog curio={curio} onClose={() => this.setState({ preferencesShown: false })} />}
      </section>
    );
  }
}
