'use client';
/** The client side of the pages: picks routed by Next's router, and the product page's view. */
import { useRouter } from 'next/navigation';
import { Picks, useTrack, type PicksProps } from '@curio/react';

/** Curio's picks; a plain click on a pick is a client-side `router.push`. */
export function RoutedPicks(props: Omit<PicksProps, 'onNavigate'>) {
  const router = useRouter();
  return <Picks {...props} className="picks" onNavigate={(url) => router.push(url)} />;
}

/** Records one view of the product on screen (once, StrictMode or not). */
export function TrackView({ item }: { item: string }) {
  useTrack({ type: 'view_item', item });
  return null;
}
