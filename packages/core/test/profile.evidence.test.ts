/**
 * A profile that says only what is true: attribute values become interests only from evidence
 * about the value, and every interest the profile lists carries the evidence behind it.
 */
import { describe, expect, test } from 'vitest';
import { replay, testCurio } from './helpers.js';

describe('the profile claims only what behaviour shows', () => {
  test('looking at products that come in several sizes says nothing about size; the variant put in the cart does', async () => {
    const { curio, clock } = testCurio({ consent: 'denied' });
    await curio.ready;
    // Both come in sizes M and L.
    await replay(curio, clock, [
      { type: 'view_item', item: 'rain-shell', minutesAgo: 3 },
      { type: 'view_item', item: 'linen-overshirt', minutesAgo: 2 },
    ]);
    let view = await curio.profile();
    expect(view.interests.attributes.filter((a) => a.name === 'size')).toEqual([]);
    // One product made of linen is not yet a taste for linen; a second one is.
    expect(view.interests.attributes.find((a) => a.value === 'linen')).toBeUndefined();
    await replay(curio, clock, [{ type: 'view_item', item: 'linen-shirt', minutesAgo: 1 }]);
    view = await curio.profile();
    expect(view.interests.attributes.find((a) => a.value === 'linen')).toMatchObject({ name: 'material', evidence: { viewed: 2, carted: 0, bought: 0 } });
    // Choosing a variant (size L of the fleece) is evidence about size L.
    await replay(curio, clock, [{ type: 'add_to_cart', item: 'fleece-navy-l', minutesAgo: 0 }]);
    view = await curio.profile();
    expect(view.interests.attributes.find((a) => a.name === 'size')).toMatchObject({ value: 'L', evidence: { viewed: 0, carted: 1, bought: 0 } });
    expect(view.interests.attributes.find((a) => a.name === 'size' && a.value === 'M')).toBeUndefined();
  });

  test('every interest is listed with its evidence, counting a product’s variants once', async () => {
    const { curio, clock } = testCurio({ consent: 'denied' });
    await curio.ready;
    await replay(curio, clock, [
      { type: 'view_item', item: 'fleece-navy-m', minutesAgo: 4 },
      { type: 'view_item', item: 'fleece-navy-l', minutesAgo: 3 },
      { type: 'view_item', item: 'rain-shell', minutesAgo: 2 },
      { type: 'add_to_cart', item: 'rain-shell', minutesAgo: 1 },
    ]);
    const { interests } = await curio.profile();
    expect(interests.categories.find((c) => c.value === 'Clothing > Fleece')?.evidence).toEqual({ viewed: 1, carted: 0, bought: 0 });
    expect(interests.categories.find((c) => c.value === 'Clothing > Jackets')?.evidence).toEqual({ viewed: 1, carted: 1, bought: 0 });
    for (const i of [...interests.categories, ...interests.brands, ...interests.attributes]) expect(i.evidence.viewed + i.evidence.carted + i.evidence.bought).toBeGreaterThan(0);
  });
});
