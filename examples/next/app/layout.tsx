/**
 * The root layout, rendered on the server. <CurioProvider> is a client component: its options
 * are plain data, so a server component can render it; the instance is created in the browser.
 */
import type { ReactNode } from 'react';
import Link from 'next/link';
import { CurioProvider } from '@curio/react';
import '../../spa/app.css';
import './app.css';

export const metadata = { title: 'Curio Next.js example', icons: { icon: 'data:,' } };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <CurioProvider options={{ catalog: '/catalog.json', locale: 'en' }}>
          <header>
            <strong>Curio Next.js example</strong>
            <nav>
              <Link href="/">Home</Link>
            </nav>
          </header>
          <main>{children}</main>
        </CurioProvider>
      </body>
    </html>
  );
}
