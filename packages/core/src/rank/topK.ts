/** Partial top-k over a candidate list: a bounded min-heap, O(n log k), no full sort. */

/**
 * Returns up to `k` candidates with the highest `score`, best first. Ties go to the more
 * popular item, then the lower index, so results are deterministic.
 */
export function topK(candidates: ArrayLike<number>, count: number, score: Float64Array, popularity: Float32Array, k: number): number[] {
  const heap: number[] = [];
  // `better(a, b)`: a ranks above b.
  const better = (a: number, b: number): boolean =>
    score[a]! > score[b]! || (score[a] === score[b] && (popularity[a]! > popularity[b]! || (popularity[a] === popularity[b] && a < b)));
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && better(heap[m]!, heap[l]!)) m = l;
      if (r < heap.length && better(heap[m]!, heap[r]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (let n = 0; n < count; n++) {
    const c = candidates[n]!;
    if (score[c] === -Infinity) continue;
    if (heap.length < k) {
      heap.push(c);
      for (let i = heap.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (!better(heap[p]!, heap[i]!)) break;
        [heap[i], heap[p]] = [heap[p]!, heap[i]!];
        i = p;
      }
    } else if (better(c, heap[0]!)) {
      heap[0] = c;
      down(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : 1));
}
