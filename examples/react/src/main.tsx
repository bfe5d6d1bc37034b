/** The app's entry: StrictMode, the router, and one Curio instance for the whole app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { CurioProvider } from '@curio/react';
import { App } from './App';
import '../../spa/app.css';
import './app.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CurioProvider options={{ catalog: '/catalog.json', locale: 'en' }}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </CurioProvider>
  </StrictMode>,
);
