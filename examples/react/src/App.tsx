/**
 * The shop's routes. Product pages live at the catalog's own URLs (`/p/<id>.html`), so every pick
 * is a real link; `onNavigate` hands a plain click on a pick to React Router.
 */
import { Link, Route, Routes, useLocation, useNavigate } from 'react-router';
import { Picks, useCurio, useCurioProfile, useTrack } from '@curio/react';
import { openPreferences } from '@curio/widget';
import { formatPrice, type Product } from '@curio/core';
import { useProducts } from './useProducts';

export function App() {
  return (
    <>
      <Header />
      <main>
        <Routes>
          <Route path="/" element={<Home />} />
          <Route path="*" element={<ProductRoute />} />
        </Routes>
      </main>
    </>
  );
}

function Header() {
  const curio = useCurio();
  const { profile } = useCurioProfile();
  const viewed = profile?.eventCounts.view_item ?? 0;
  return (
    <header>
      <strong>Curio React example</strong>
      <nav>
        <Link to="/">Home</Link>
        <button disabled={!curio} onClick={() => curio && openPreferences(curio)}>
          Your data{viewed ? ` (${viewed} viewed)` : ''}
        </button>
      </nav>
    </header>
  );
}

function Home() {
  const navigate = useNavigate();
  const products = useProducts();
  return (
    <>
      <Picks placement="home" limit={8} className="picks" onNavigate={(url) => navigate(url)} />
      <h2>Products</h2>
      <ul className="products">
        {products.slice(0, 24).map((p) => (
          <li key={p.id}>{p.url && <Link to={p.url}>{p.title}</Link>}</li>
        ))}
      </ul>
    </>
  );
}

/** Any other path: the product whose catalog URL it is, if any. */
function ProductRoute() {
  const { pathname } = useLocation();
  const products = useProducts();
  const product = products.find((p) => p.url && new URL(p.url, location.href).pathname == pathname);
  if (product) return <ProductPage key={product.id} product={product} />;
  return products.length ? <h1>Not found</h1> : <p>Loading…</p>;
}

function ProductPage({ product }: { product: Product }) {
  const navigate = useNavigate();
  // One view per product page: recorded once even though StrictMode runs effects twice.
  const track = useTrack({ type: 'view_item', item: product.id });
  return (
    <article>
      <h1>{product.title}</h1>
      <p className="price">{formatPrice(product.price, product.currency, 'en')}</p>
      <button onClick={() => track({ type: 'add_to_cart', item: product.id })}>Add to cart</button>
      <Picks placement="product" item={product.id} limit={4} layout="carousel" title="You may also like" className="picks" onNavigate={(url) => navigate(url)} />
    </article>
  );
}
