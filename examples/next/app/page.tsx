/** The home page: server-rendered product list, picks from the browser. */
import Link from 'next/link';
import { allProducts } from './catalog';
import { RoutedPicks } from './picks';

export default async function Home() {
  const products = (await allProducts()).slice(0, 24);
  return (
    <>
      <RoutedPicks placement="home" limit={8} />
      <h2>Products</h2>
      <ul className="products">
        {products.map((p) => (
          <li key={p.id}>
            <Link href={p.url!}>{p.title}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
