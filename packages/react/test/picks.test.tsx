/** <Picks>: the widget in a React tree, with client-side routing through onNavigate. */
import { afterEach, describe, expect, it } from 'vitest';
import { version } from 'react';
import type { Curio, Pick } from '@curio/core';
import { CurioProvider, Picks, useCurio } from '../src/index.js';
import { render, testOptions, until } from './fixtures.js';

afterEach(() => void (document.body.innerHTML = ''));

let instance: Curio | null = null;
function Probe() {
  instance = useCurio();
  return null;
}

const links = (container: Element) => [...(container.querySelector('[data-curio-picks]')?.shadowRoot?.querySelectorAll<HTMLAnchorElement>('[part~="card"]:not([part~="skeleton"]) a[part="title"]') ?? [])];

describe('<Picks>', () => {
  it(`runs on React ${process.env.REACT_MAJOR}`, () => expect(version.split('.')[0]).toBe(process.env.REACT_MAJOR));

  it('mounts the widget once (StrictMode), routes a plain click through onNavigate and records pick_click', async () => {
    const routed: Array<[string, Pick]> = [];
    const app = await render(
      <CurioProvider options={testOptions()}>
        <Probe />
        <Picks placement="product" item="p0" limit={3} className="picks" onNavigate={(url, pick) => void routed.push([url, pick])} />
      </CurioProvider>,
    );
    await until(() => links(app.container).length === 3);
    const host = app.container.querySelector('.picks')!;
    // StrictMode mounted, unmounted and re-mounted the widget: one list remains.
    expect(host.shadowRoot!.querySelectorAll('section')).toHaveLength(1);
    const link = links(app.container)[0]!;
    const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, button: 0 });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(routed).toHaveLength(1);
    expect(routed[0]![0]).toBe(link.getAttribute('href'));
    expect(routed[0]![1].product.url).toBe(routed[0]![0]);
    await until(async () => (await instance!.profile()).eventCounts.pick_click === 1);
    await app.unmount();
  });

  it('follows its options: a new item re-mounts the list', async () => {
    const { act } = await import('react');
    let show: (item: string) => void = () => {};
    const { useState } = await import('react');
    function Page() {
      const [item, setItem] = useState('p0');
      show = setItem;
      return <Picks placement="product" item={item} limit={2} />;
    }
    const app = await render(
      <CurioProvider options={testOptions()}>
        <Page />
      </CurioProvider>,
    );
    await until(() => links(app.container).length === 2);
    const first = links(app.container).map((a) => a.getAttribute('href'));
    expect(first).not.toContain('/product/p0');
    await act(async () => show('p1'));
    await until(() => links(app.container).length === 2 && !links(app.container).some((a) => a.getAttribute('href') === '/product/p1') && links(app.container).join() !== first.join());
    expect(app.container.querySelector('[data-curio-picks]')!.shadowRoot!.querySelectorAll('section')).toHaveLength(1);
    await app.unmount();
  });
});
