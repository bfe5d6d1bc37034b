/** <CurioProvider> and the hooks, in StrictMode (effects run twice, as in development). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { CurioError, type Curio, type CurioOptions } from '@curio/core';
import { CurioProvider, useCurio, useCurioProfile, usePicks, useTrack } from '../src/index.js';
import { render, testOptions, until } from './fixtures.js';

// The instances the provider creates, to count them and see them destroyed (createCurio itself is real).
const created: Array<Curio & { destroyed?: boolean }> = [];
vi.mock('@curio/core', async (load) => {
  const core = await load<typeof import('@curio/core')>();
  return {
    ...core,
    createCurio: (options: CurioOptions) => {
      const curio: Curio & { destroyed?: boolean } = core.createCurio(options);
      const destroy = curio.destroy;
      curio.destroy = () => ((curio.destroyed = true), destroy());
      created.push(curio);
      return curio;
    },
  };
});

afterEach(() => {
  created.length = 0;
  document.body.innerHTML = '';
});

let instance: Curio | null = null;
function Probe() {
  instance = useCurio();
  return null;
}

function ProductPage({ item }: { item: string }) {
  useTrack({ type: 'view_item', item });
  const { picks, status } = usePicks({ placement: 'product', item, limit: 3 });
  return <p data-status={status}>{picks.map((p) => p.item).join(',')}</p>;
}

describe('CurioProvider', () => {
  it('creates one instance in StrictMode, after mount, and destroys it when unmounted', async () => {
    const app = await render(
      <CurioProvider options={testOptions()}>
        <Probe />
      </CurioProvider>,
    );
    expect(created).toHaveLength(1);
    expect(instance).toBe(created[0]);
    await instance!.ready;
    expect(created[0]!.destroyed).toBeUndefined();
    await app.unmount();
    await until(() => created[0]!.destroyed);
    expect(created).toHaveLength(1);
  });

  it('records a view once in StrictMode, even sent before the instance exists; again when the item changes', async () => {
    let show: (item: string) => void = () => {};
    function App() {
      const [item, setItem] = useState('p1');
      show = setItem;
      return (
        <CurioProvider options={testOptions()}>
          <ProductPage item={item} />
        </CurioProvider>
      );
    }
    const app = await render(<App />);
    const curio = created[0]!;
    await until(async () => (await curio.profile()).eventCounts.view_item === 1);
    await until(() => app.container.querySelector('[data-status=ready]'));
    const { act } = await import('react');
    await act(async () => show('p7'));
    await until(async () => (await curio.profile()).eventCounts.view_item === 2);
    await act(async () => new Promise((resolve) => setTimeout(resolve, 100)));
    expect((await curio.profile()).eventCounts.view_item).toBe(2);
    expect(created).toHaveLength(1);
    await app.unmount();
  });

  it('usePicks re-ranks when the visitor\'s data changes (subscribe)', async () => {
    let track: ReturnType<typeof useTrack> = () => {};
    function Home() {
      track = useTrack();
      const { picks } = usePicks({ placement: 'home', limit: 4 });
      return <p>{picks.map((p) => p.item).join(',')}</p>;
    }
    const app = await render(
      <CurioProvider options={testOptions()}>
        <Home />
      </CurioProvider>,
    );
    const shown = () => app.container.textContent!.split(',').filter(Boolean);
    await until(() => shown().length === 4);
    const lamps = () => shown().filter((id) => Number(id.slice(1)) >= 6).length;
    // Cold start: mostly the most popular (shirts). Lamps viewed: the list follows, without a re-render from the app.
    const before = lamps();
    expect(before).toBeLessThan(3);
    for (const item of ['p6', 'p8', 'p10']) track({ type: 'view_item', item });
    await until(() => lamps() >= 3);
    await app.unmount();
  });

  it('usePicks reports an invalid request as a CurioError; useCurioProfile follows the data', async () => {
    let seen: ReturnType<typeof usePicks> | undefined;
    function Broken() {
      seen = usePicks({ placement: 'home', limit: 0 });
      return null;
    }
    function Counts() {
      const { profile, status } = useCurioProfile();
      useTrack({ type: 'add_to_cart', item: 'p2' });
      return <output data-status={status}>{profile?.eventCounts.add_to_cart ?? 0}</output>;
    }
    const app = await render(
      <CurioProvider options={testOptions()}>
        <Broken />
        <Counts />
      </CurioProvider>,
    );
    await until(() => seen?.status === 'error');
    expect(seen!.error).toBeInstanceOf(CurioError);
    expect(seen!.picks).toEqual([]);
    await until(() => app.container.querySelector('output')!.textContent === '1');
    await app.unmount();
  });

  it('a hook outside <CurioProvider> is a setup error', async () => {
    function Lost() {
      usePicks({ placement: 'home' });
      return null;
    }
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(render(<Lost />)).rejects.toThrow(/usePicks\(\) must be called inside <CurioProvider>/);
    errors.mockRestore();
  });
});
