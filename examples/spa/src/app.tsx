/**
 * A single-page app using Curio from npm: the core for tracking and data, the widgets for the
 * UI, Preact for the app's own pages. Navigation uses history.pushState.
 */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { createCurio, type Curio, type Product } from '@curio/core';
import { mountPicks, mountPreferences, mountQuiz } from '@curio/widget';

const curio = createCurio({ catalog: '/catalog.json', locale: 'en' });

/** Mounts a widget into a div while on screen; a new `id` mounts it afresh (e.g. another product). */
function Widget({ id, mount }: { id: string; mount: (element: HTMLElement) => () => void }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => mount(host.current!), [id]);
  return <div ref={host} />;
}

function ProductPage({ product }: { product: Product }) {
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
        mount={(element) => mountPicks(element, curio, { placement: 'product', item: product.id, limit: 4, layout: 'carousel', title: 'You may also like' })}
      />
    </article>
  );
}

function App({ curio, products }: { curio: Curio; products: readonly Product[] }) {
  const [path, setPath] = useState(location.pathname + location.search);
  useEffect(() => {
    const onPop = () => setPath(location.pathname + location.search);
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const go = (to: string) => {
    history.pushState(null, '', to);
    setPath(to);
  };
  const id = new URLSearchParams(path.split('?')[1]).get('id');
  const product = id ? curio.product(id) : undefined;
  if (product) return <ProductPage product={product} />;
  if (path.startsWith('/data')) return <Widget id="data" mount={(element) => mountPreferences(element, curio)} />;
  return (
    <>
      <Widget id="home" mount={(element) => mountPicks(element, curio, { placement: 'home', limit: 8 })} />
      <h2>Products</h2>
      <ul class="products">
        {products.slice(0, 24).map((p) => (
          <li key={p.id}>
            <button onClick={() => go(`/product?id=${encodeURIComponent(p.id)}`)}>{p.title}</button>
          </li>
        ))}
      </ul>
      <Widget id="quiz" mount={(element) => mountQuiz(element, curio)} />
    </>
  );
}

// The app's own pages list the catalog Curio has loaded (the quiz reads it the same way).
await curio.ready;
render(<App curio={curio} products={curio.products()} />, document.getElementById('app')!);
