/** schema.org `Product` JSON-LD on the page → the id of the product being viewed. */

/** Product ids (`sku`, else `productID`) in the page's JSON-LD, including `@graph` and arrays. */
export function jsonLdProducts(document: Document): string[] {
  const ids: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const type = record['@type'];
    if (type === 'Product' || (Array.isArray(type) && type.includes('Product'))) {
      const id = record.sku ?? record.productID;
      if (typeof id === 'string' || typeof id === 'number') ids.push(String(id));
    }
    visit(record['@graph']);
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken JSON-LD block of the shop is not ours to report.
    }
  }
  return ids;
}
