/**
 * The widget's stylesheet, scoped to its shadow roots. Theming goes through the `--curio-*`
 * custom properties and `::part()` names documented in docs/theming.md.
 */
const css = `:host{display:block;font-family:var(--curio-font,inherit);color:var(--curio-text,#1a1a1a);--a:var(--curio-accent,#0b57d0);--r:var(--curio-radius,8px);--m:var(--curio-muted,#555);--b:var(--curio-border,#ccc);--s:var(--curio-surface,#fff);--w:var(--curio-card-width,11rem)}*{box-sizing:border-box}h2{font-size:1.25em;margin:0 0 .5em}h3{font-size:1em;margin:1em 0 .25em}p,ul{margin:0;padding:0;list-style:none}button{font:inherit;cursor:pointer;border:1px solid var(--a);border-radius:var(--r);background:var(--s);color:var(--a);padding:.3em .7em}.p{background:var(--a);color:var(--curio-accent-text,#fff)}:focus-visible{outline:2px solid var(--a);outline-offset:2px}.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}.list{display:grid;gap:var(--curio-gap,1rem);grid-template-columns:repeat(auto-fill,minmax(var(--w),1fr))}.carousel{grid:auto/auto-flow var(--w);overflow-x:auto;scroll-snap-type:x mandatory}.card{position:relative;scroll-snap-align:start;display:flex;flex-direction:column;gap:.3em;padding:.5em;background:var(--s);border:1px solid var(--b);border-radius:var(--r);line-height:1.3}.img{width:100%;height:auto;aspect-ratio:1;object-fit:cover;background:var(--b)}.t,.reason{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden;height:2.6em}.t{color:inherit;font-weight:600}.price{height:1.3em;font-weight:600}.reason,.m{color:var(--m)}.reason,.why{font-size:.875em}.acts{height:2.2em}.sk div{background:var(--b)}.why{position:absolute;inset:0;overflow:auto;padding:.5em;background:var(--s);border:2px solid var(--a);border-radius:var(--r)}.why li{margin:.3em 0 .3em 1em;list-style:disc}.row{display:flex;flex-wrap:wrap;align-items:center;gap:.5em;margin-top:.75em}dialog{border:0;border-radius:var(--r);max-width:36rem;background:var(--s);color:inherit}dialog::backdrop{background:#0009}.pc li{display:flex;align-items:center;gap:.5em;padding:.2em 0;border-bottom:1px solid var(--b)}.pc li>span:first-child{flex:1}.bar{width:4em;height:.5em;background:var(--b)}.bar i{display:block;height:100%;background:var(--a)}fieldset{border:0;padding:0}legend{font-weight:600;margin-bottom:.5em}.row label{border:1px solid var(--b);border-radius:2em;padding:.2em .7em}article>img{width:100%;height:auto;border-radius:var(--r)}`;

let shared: CSSStyleSheet | undefined;

/**
 * Builds the widgets' stylesheet ahead of the first mount (parsing it takes a few milliseconds,
 * ~10 on a slow phone), for instance in a task of its own before mounting: the first mount then
 * only adopts it. Optional: a mount builds it when missing. Does nothing outside a browser.
 */
export function preloadStyles(): void {
  try {
    if (!shared) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      shared = sheet;
    }
  } catch {
    // no constructable stylesheets: mounts add a <style> element
  }
}

/**
 * Adds the stylesheet to a shadow root: a constructable stylesheet where supported (allowed
 * under a strict `style-src` CSP), else a `<style>` element.
 */
export function addStyles(root: ShadowRoot): void {
  preloadStyles();
  if (shared && root.adoptedStyleSheets) {
    if (!root.adoptedStyleSheets.includes(shared)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, shared];
  } else {
    const style = document.createElement('style');
    style.textContent = css;
    root.prepend(style);
  }
}
