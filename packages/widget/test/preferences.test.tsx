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

  it('pauses and resumes personalization', async () => {
    const curio = await testCurio();
    const element = host();
    cleanups.push(mountPreferences(element, curio));
    await until(() => element.shadowRoot!.querySelector('[role="switch"]'));
    const toggle = element.shadowRoot!.querySelector<HTMLInputElement>('[role="switch"]')!;
    expect(toggle.checked).toBe(true);
    toggle.click();
    await until(async () => (await curio.profile()).consent === 'denied');
    await until(() => !element.shadowRoot!.querySelector<HTMLInputElement>('[role="switch"]')!.checked);
    element.shadowRoot!.querySelector<HTMLInputElement>('[role="switch"]')!.click();
    await until(() => element.shadowRoot!.querySelector<HTMLInputElement>('[role="switch"]')!.checked);
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
    await until(() => picks.shadowRoot!.querySelectorAll('li.card:not(.sk)').length === 4);
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
