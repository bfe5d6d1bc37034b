/**
 * A product page at the catalog's URL (`/p/<id>.html`), rendered on the server for each request
 * (title, price: in the HTML for crawlers and the first paint); its picks come from the browser.
 */
import { notFound } from 'next/navigation';
import { formatPrice } from '@curio/core';
import { productAt } from '../../catalog';
import { RoutedPicks, TrackView } from '../../picks';

export default async function ProductPage({ params }: { params: Promise<{ slug: string }> }) {
  const product = await productAt(`/p/${(await params).slug}`);
  if (!product) notFound();
  return (
    <article>
      {product.image && <img src={product.image} alt="" width={300} height={300} />}
      <h1>{product.title}</h1>
      <p>
        <span className="price">{formatPrice(product.price, product.currency ?? 'EUR', 'en')}</span> — {product.brand}, {product.categories?.at(-1)}
      </p>
      <TrackView item={product.id} />
      <RoutedPicks placement="product" item={product.id} limit={4} layout="carousel" title="You may also like" />
    </article>
  );
}
