/** The app's product data: here, the catalog Curio loads (a shop would have its own API). */
import { useEffect, useState } from 'react';
import type { Product } from '@curio/core';
import { useCurio } from '@curio/react';

/** The catalog's products once Curio has loaded it (empty before). */
export function useProducts(): readonly Product[] {
  const curio = useCurio();
  const [products, setProducts] = useState<readonly Product[]>([]);
  useEffect(() => {
    let live = true;
    curio?.ready.then(() => live && setProducts(curio.products()), () => undefined);
    return () => void (live = false);
  }, [curio]);
  return products;
}
