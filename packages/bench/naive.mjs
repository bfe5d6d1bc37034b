// The naive way to rank, for comparison: one object per product, score everything, sort all.
// Same signals as Curio's ranking (neighbours of the session's items with recency, category
// affinity, popularity), without typed arrays, candidate generation or partial top-k.

/** Ranks `catalog` for a list of viewed item ids (most recent last); returns the top `limit` ids. */
export function naiveRecommend(catalog, viewed, limit = 8) {
  const rows = catalog.neighbors[0].rows;
  const maxPop = Math.max(...Object.values(catalog.popularity));
  const categoryAffinity = {};
  viewed.forEach((id, n) => {
    const p = catalog.products.find((q) => q.id === id);
    const key = p.categories.join('>');
    categoryAffinity[key] = (categoryAffinity[key] ?? 0) + 1 / (viewed.length - n);
  });
  const scored = catalog.products.map((p) => {
    let score = 0.02 * Math.log1p(catalog.popularity[p.id] ?? 0) / Math.log1p(maxPop);
    score += 0.15 * (categoryAffinity[p.categories.join('>')] ?? 0);
    viewed.forEach((id, n) => {
      const hit = (rows[id] ?? []).find(([j]) => j === p.id);
      if (hit) score += hit[1] / (1 + viewed.length - 1 - n) ** 1.5;
    });
    return { product: p, score };
  });
  return scored.filter((s) => !viewed.includes(s.product.id)).sort((a, b) => b.score - a.score).slice(0, limit).map((s) => s.product.id);
}
