// Next.js (App Router). Nothing is downloaded at build time: no next/font/google, telemetry off
// (NEXT_TELEMETRY_DISABLED=1 in the scripts), no lint step (the repository has no ESLint set-up).
import { fileURLToPath } from 'node:url';

/** @type {import('next').NextConfig} */
export default {
  eslint: { ignoreDuringBuilds: true },
  // The stylesheet shared with the other examples lives outside this app's directory.
  experimental: { externalDir: true },
  // The pnpm workspace's root: where the @curio packages are linked from.
  outputFileTracingRoot: fileURLToPath(new URL('../../', import.meta.url)),
};
