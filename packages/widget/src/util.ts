/** Small helpers shared by the widgets: console warnings, price bands, the live-data base class. */
import { Component } from 'preact';
import { formatPrice, type Curio, type Locale } from '@curio/core';

/** Runtime problems of the widget are reported on the console, never thrown into the page. */
export const warn = (error: unknown): void => console.warn('[curio] widget:', error);

/** A price band such as "€25 – €40", in whole units. */
export const formatRange = ([min, max]: number[], currency: string, locale: Locale): string =>
  `${formatPrice(min!, currency, locale, true)} – ${formatPrice(max!, currency, locale, true)}`;

/** Props every widget component gets. */
export interface CurioProps {
  curio: Curio;
}

/**
 * A component whose state `data` follows the visitor's data: `load()` runs once Curio is ready
 * and again whenever `curio.subscribe` reports a change. A slower, older load never
 * overwrites a newer one; a failed load keeps the previous value.
 */
export abstract class Live<P extends CurioProps, Data, S = {}> extends Component<P, S & { data?: Data }> {
  /** Loads the data to render (after `curio.ready`, and again on every change Curio reports). */
  abstract load(): Promise<Data>;
  /** The rendered root element (set through `ref={(element) => void (this.root = element)}` callbacks). */
  root?: HTMLElement | null;
  /** Focuses the first element matching `selector` under the root element. */
  focus(selector: string): void {
    this.root!.querySelector<HTMLElement>(selector)!.focus();
  }
  /** Stores a loaded value (components may also derive other state here). */
  got(data: Data): void {
    this.setState({ data } as S & { data: Data });
  }
  override componentDidMount(): void {
    const { curio } = this.props;
    let latest = 0;
    const refresh = () => {
      const run = ++latest;
      // Rendering runs in the task after loading (ranking): on a slow phone neither blocks for long.
      curio.ready
        .then(() => this.load())
        .then((data) => new Promise<Data>((resolve) => setTimeout(resolve, 0, data)))
        .then((data) => run == latest && this.got(data), warn);
    };
    const unsubscribe = curio.subscribe(refresh);
    refresh();
    this.componentWillUnmount = () => {
      latest = -1;
      unsubscribe();
    };
  }
}
