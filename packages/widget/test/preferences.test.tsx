import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountPicks, mountPreferences } from '../src/index.js';
import { testCurio, until } from './fixtures.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.splice(0).forEach((unmount) => unmount());
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

function host(): HTMLDivElement {
  const element = document.createElement('div');
  document.body.append(element);
  return element;
}

const text = (element: Element) => element.shadowRoot!.textContent ?? '';
const button = (element: Element, label: RegExp) =>
  [...element.shadowRoot!.querySelectorAll('button')].find((b) => label.test(b.getAttribute('aria-label') ?? b.textContent ?? ''))!;

describe('mountPreferences', () => {
  it('shows what Curio knows in plain words and removes entries', async () => {
    const curio = await testCurio();
    curio.track({ type: 'view_item', item: 'p1' });
    curio.track({ type: 'view_item', item: 'p2' });
    await curio.setPreference({ kind: 'brand', value: 'Cove', like: true });
    const element = host();
    cleanups.push(mountPreferences(element, curio));
    await until(() => text(element).includes('Product 1'));
    expect(text(element)).toContain('You like: Cove');
    expect(text(element)).toMatch(/strong|medium|light/);

    button(element, /Remove: You like: Cove/).click();
    await until(() => !text(element).includes('You like: Cove'));
    expect((await curio.profile()).preferences).toHaveLength(0);

    button(element, /Remove: Product 1/).click();
    await until(() => !text(element).includes('Product 1'));
    expect((await curio.profile()).recentItems.map((r) => r.item)).not.toContain('p1');
  });

  it('pauses (erasing what was stored) and resumes', async () => {
    const curio = await testCurio();
    const element = host();
    cleanups.push(mountPreferences(element, curio));
    await until(() => button(element, /^Pause and erase what Curio stored on this device$/));
    button(element, /^Pause and erase/).click();
    await until(async () => (await curio.profile()).consent === 'denied');
    await until(() => text(element).includes('Not saved'));
    button(element, /^Resume/).click();
    await until(async () => (await curio.profile()).consent === 'granted');
    await until(() => button(element, /^Pause and erase/));
  });

  it('shows price preferences as a price band', async () => {
    const curio = await testCurio();
    const price = { kind: 'price', value: [25, 40], like: true } as const;
    const profile = curio.profile.bind(curio);
    vi.spyOn(curio, 'profile').mockImplementation(async () => ({ ...(await profile()), preferences: [{ ...price, value: [25, 40] }] }));
    const setPreference = vi.spyOn(curio, 'setPreference');
    const element = host();
    cleanups.push(mountPreferences(element, curio));
    await until(() => text(element).includes('You like: €25 – €40'));
    button(element, /Remove: You like: €25/).click();
    expect(setPreference).toHaveBeenCalledWith({ ...price, remove: true });
  });

  it('downloads the export as a JSON file', async () => {
    const curio = await testCurio();
    const element = host();
    cleanups.push(mountPreferences(element, curio));
    await until(() => text(element).includes('Download'));
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    button(element, /Download my data/).click();
    await until(() => clicked.length === 1);
    expect(clicked[0]!.download).toBe('curio-data.json');
    expect(clicked[0]!.href).toMatch(/^blob:/);
  });

  it('forgets everything after a confirmation, and mounted picks follow at once', async () => {
    const curio = await testCurio();
    curio.track({ type: 'view_item', item: 'p7' });
    const element = host();
    const picks = host();
    cleanups.push(mountPreferences(element, curio), mountPicks(picks, curio, { placement: 'home', limit: 4 }));
    await until(() => text(element).includes('Product 7'));
    await until(() => picks.shadowRoot!.querySelectorAll('li.card:not(.skeleton)').length === 4);
    const reasonsBefore = [...picks.shadowRoot!.querySelectorAll('.reason')].map((r) => r.textContent).join();

    button(element, /Forget everything/).click();
    await until(() => text(element).includes('Erase everything'));
    expect(element.shadowRoot!.activeElement?.textContent).toBe('Cancel');
    button(element, /Forget everything/).click();
    await until(() => !text(element).includes('Product 7'));
    expect((await curio.profile()).recentItems).toHaveLength(0);
    await until(() => [...picks.shadowRoot!.querySelectorAll('.reason')].map((r) => r.textContent).join() !== reasonsBefore);
  });
});
