// The SVG chart of docs/performance.md, drawn from one bench run: bytes of Curio's script tag vs
// the alternatives' SDKs, and time from DOMContentLoaded to picks painted per catalog.

export const escape = (s) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** One horizontal bar panel at `top`: rows of [label, value, highlighted]; returns [svg, height]. */
export function panel(title, unit, rows, top) {
  const max = Math.max(...rows.map(([, v]) => v));
  const parts = [`<text x="10" y="${top + 16}" font-weight="bold">${escape(title)}</text>`];
  rows.forEach(([label, value, mine], k) => {
    const y = top + 28 + k * 22;
    const w = Math.max(1, (value / max) * 330);
    parts.push(`<text x="300" y="${y + 13}" text-anchor="end">${escape(label)}</text>`);
    parts.push(`<rect x="310" y="${y}" width="${w.toFixed(1)}" height="16" fill="${mine ? '#1d5c4d' : '#9aa5b1'}"/>`);
    parts.push(`<text x="${(316 + w).toFixed(1)}" y="${y + 13}">${escape(value.toFixed(value < 10 ? 1 : 0))} ${unit}</text>`);
  });
  return [parts.join('\n'), 40 + rows.length * 22];
}

/**
 * @param {Array<[string, number, boolean]>} bytes label, KB min+gzip, is Curio
 * @param {Array<[string, number, boolean]>} picks label, ms from DOMContentLoaded to picks painted
 */
export function chartSvg(bytes, picks, caption) {
  const [a, ha] = panel('Script bytes a page loads (KB, min+gzip)', 'KB', bytes, 10);
  const [b, hb] = panel('DOMContentLoaded → Curio picks painted (ms, demo shop, Chromium)', 'ms', picks, 10 + ha + 10);
  const height = ha + hb + 50;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="760" height="${height}" viewBox="0 0 760 ${height}" font-family="sans-serif" font-size="12" fill="#222">
<rect width="760" height="${height}" fill="#fff"/>
${a}
${b}
<text x="10" y="${height - 12}" fill="#555">${escape(caption)}</text>
</svg>
`;
}
