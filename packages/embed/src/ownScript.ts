/**
 * The `<script>` element of curio.js itself. `document.currentScript` can be shadowed by markup
 * the page does not control (DOM clobbering: `<img name="currentScript" data-catalog="//evil/…">`
 * makes `document.currentScript` that image), so it is read through the getter of
 * `Document.prototype`, which named elements cannot replace, and only a real script counts.
 * Read synchronously while curio.js first runs: the only time it is set.
 */
export function ownScript(): HTMLScriptElement | null {
  try {
    const script: unknown = Object.getOwnPropertyDescriptor(Document.prototype, 'currentScript')!.get!.call(document);
    return script instanceof HTMLScriptElement ? script : null;
  } catch {
    return null;
  }
}
