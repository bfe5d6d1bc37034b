/**
 * One page, no repeats: the lists of picks on one page view (several placements, collections)
 * never show the same product or group twice. The first-mounted list keeps its picks; each later
 * one waits for the lists mounted before it and asks the core to exclude what they show (the core
 * excludes whole groups, so another variant of a shown product is not shown either).
 */
import type { Curio } from '@curio/core';

/** One mounted list: its place in mount order, its latest load and the items it shows. */
interface Shown {
  loading: Promise<unknown>;
  items: string[];
}

const pages = new WeakMap<Curio, Shown[]>();

/** A mounted list's handle on the page's shown items. */
export interface PageSlot {
  /** Loads this list's picks with `load(exclude)`, after the lists mounted before it, excluding what they show. */
  load<T extends Array<{ item: string }>>(load: (exclude: string[]) => Promise<T>): Promise<T>;
  /** Leaves the page (unmount): later lists may show these items again. */
  release(): void;
}

/** Takes the next place on the page of `curio` (mount order). */
export function pageSlot(curio: Curio): PageSlot {
  const page = pages.get(curio) ?? pages.set(curio, []).get(curio)!;
  const own: Shown = { loading: Promise.resolve(), items: [] };
  page.push(own);
  return {
    load(load) {
      const before = page.slice(0, page.indexOf(own));
      const loading = Promise.all(before.map((list) => list.loading.catch(() => undefined)))
        .then(() => load(before.flatMap((list) => list.items)))
        .then((picks) => ((own.items = picks.map((pick) => pick.item)), picks));
      own.loading = loading;
      return loading;
    },
    release() {
      page.splice(page.indexOf(own), 1);
    },
  };
}
