/**
 * A single-page app using Curio from npm: the core for tracking and data, the widgets for the
 * UI, Preact for the app's own pages. Navigation is client-side (history.pushState) and every
 * link is a real link: product pages live at the catalog's own `url`s, so a pick's link, a
 * reload, a new tab or a crawler all reach the same page.
 */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { createCurio, type Curio, type Product } from '@curio/core';
import { mountPicks, mountPreferences, mountQuiz } from '@curio/widget';

const curio = createCurio({ catalog: '/catalog.json', locale: 'en' });

/** The app's router: the current path, and `go(url)` to change it without a page load. */
let go: (url: string) => void = (url) => location.assign(url);

/** A real link, followed client-side on a plain left click (new tabs and windows stay the browser's). */
function Link({ href, children }: { href: string; children: preact.ComponentChildren }) {
  const onClick = (event: MouseEvent) => {
    if (event.button != 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    go(href);
  };
  return (
    <a href={href} onClick={onClick}>
      {children}
    </a>
  );
}

/** Mounts a widget into a div while on screen; a new `id` mounts it afresh (e.g. another product). */
function Widget({ id, mount }: { id: string; mount: (element: HTMLElement) => () => void }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => mount(host.current!), [id]);
  return <div ref={host} />;
}

function ProductPage({ product }: { product: Product }) {
  // The npm path tracks page changes itself: one view per product page shown.
  useEffect(() => curio.track({ type: 'view_item', item: product.id }), [product.id]);
  return (
    <article>
      <h1>{product.title}</h1>
      <p>
        {product.brand} · {product.categories.join(' › ')} · {product.price.toFixed(2)} {product.currency}
      </p>
      <button onClick={() => curio.track({ type: 'add_to_cart', item: product.id })}>Add to cart</button>
      <Widget
        id={product.id}
        mount={(element) =>
          mountPicks(element, curio, { placement: 'product', item: product.id, limit: 4, layout: 'carousel', title: 'You may also like', onNavigate: (url) => go(url) })
        }
      />
    </article>
  );
}

function App({ curio, products }: { curio: Curio; products: readonly Product[] }) {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    go = (url) => {
      const next = new URL(url, location.href);
      if (next.origin != location.origin) return location.assign(next.href);
      history.pushState(null, '', next.href);
      setPath(next.pathname);
      scrollTo(0, 0);
    };
    const onPop = () => setPath(location.pathname);
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  // A product page is wherever the catalog says the product lives.
  const product = products.find((p) => p.url && new URL(p.url, location.href).pathname == path);
  if (product) return <ProductPage product={product} />;
  if (path == '/data') return <Widget id="data" mount={(element) => mountPreferences(element, curio)} />;
  if (path != '/') return <h1>Not found</h1>;
  return (
    <>
      <Widget id="home" mount={(element) => mountPicks(element, curio, { placement: 'home', limit: 8, onNavigate: (url) => go(url) })} />
      <h2>Products</h2>
      <ul class="products">
        {products.slice(0, 24).map((p) => (
          <li key={p.id}>{p.url && <Link href={p.url}>{p.title}</Link>}</li>
        ))}
      </ul>
      <Widget id="quiz" mount={(element) => mountQuiz(element, curio)} />
    </>
  );
}

// The header's links are the app's too.
document.querySelector('header')!.addEventListener('click', (event) => {
  const link = (event.target as Element).closest('a');
  if (!link || event.button != 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  go(link.getAttribute('href')!);
});

// The app's own pages list the catalog Curio has loaded (the quiz reads it the same way).
await curio.ready;
render(<App curio={curio} products={curio.products()} />, document.getElementById('app')!);
