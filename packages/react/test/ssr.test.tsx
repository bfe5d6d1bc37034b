/**
 * Server rendering and hydration: the server renders the tree without an instance (and without
 * touching a browser API); the browser hydrates that markup without a mismatch, then shows picks.
 */
import { describe, expect, it, vi } from 'vitest';
import { act, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { CurioProvider, Picks, usePicks, useTrack } from '../src/index.js';
import { testOptions, until } from './fixtures.js';

function Page({ options }: { options: ReturnType<typeof testOptions> }) {
  return (
    <StrictMode>
      <CurioProvider options={options}>
        <h1>Product 3</h1>
        <Names />
        <Picks placement="product" item="p3" limit={2} className="picks" />
      </CurioProvider>
    </StrictMode>
  );
}

function Names() {
  useTrack({ type: 'view_item', item: 'p3' });
  const { picks, status } = usePicks({ placement: 'product', item: 'p3', limit: 2 });
  return <ul data-status={status}>{status == 'ready' ? picks.map((p) => <li key={p.item}>{p.product.title}</li>) : <li>Loading picks…</li>}</ul>;
}

describe('server rendering', () => {
  it('renders placeholders on the server and hydrates without a mismatch, then shows picks', async () => {
    const options = testOptions();
    const html = renderToString(<Page options={options} />);
    expect(html).toContain('Loading picks…');
    expect(html).toMatch(/<div class="picks" data-curio-picks="product"><\/div>/);

    const container = document.body.appendChild(document.createElement('div'));
    container.innerHTML = html;
    const recoverable: unknown[] = [];
    const errors = vi.spyOn(console, 'error');
    let root: ReturnType<typeof hydrateRoot> | undefined;
    await act(async () => void (root = hydrateRoot(container, <Page options={options} />, { onRecoverableError: (error) => void recoverable.push(error) })));
    await until(() => container.querySelector('[data-status=ready]') && container.querySelector('.picks')!.shadowRoot?.querySelectorAll('[part~="card"]:not([part~="skeleton"])').length === 2);
    expect(recoverable).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    expect(container.querySelectorAll('[data-status=ready] li')).toHaveLength(2);
    await act(async () => root!.unmount());
    errors.mockRestore();
  });
});
