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
 * A component whose state `v` follows the visitor's data: `load()` runs once Curio is ready
 * and again whenever `curio.subscribe` reports a change. A slower, older load never
 * overwrites a newer one; a failed load keeps the previous value.
 */
export abstract class Live<P extends CurioProps, V, S = {}> extends Component<P, S & { v?: V }> {
  abstract load(): Promise<V>;
  /** The rendered root element (set through `ref={this.ref}` style callbacks). */
  b?: HTMLElement | null;
  /** Focuses the first element matching `selector` under the root element. */
  focus(selector: string): void {
    this.b!.querySelector<HTMLElement>(selector)!.focus();
  }
  /** Stores a loaded value (components may also derive other state here). */
  got(v: V): void {
    this.setState({ v } as S & { v: V });
  }
  override componentDidMount(): void {
    const { curio } = this.props;
    let latest = 0;
    const refresh = () => {
      const run = ++latest;
      // Rendering runs in the task after loading (ranking): on a slow phone neither blocks for long.
      curio.ready
        .then(() => this.load())
        .then((v) => new Promise<V>((resolve) => setTimeout(resolve, 0, v)))
        .then((v) => run == latest && this.got(v), warn);
    };
    const unsubscribe = curio.subscribe(refresh);
    refresh();
    this.componentWillUnmount = () => {
      latest = -1;
      unsubscribe();
    };
  }
}
