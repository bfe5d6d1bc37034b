// Vite + React. The catalog and its images are written into public/ by `pnpm build` (package.json)
// from the demo shop's generated data; @curio/* come from the workspace's built packages.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({ plugins: [react()] });
