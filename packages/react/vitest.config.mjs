// React 19 (this package's dev dependency) and React 18 (the react18/ workspace package): the
// same tests run against both, the adapter's source and the core's and widget's sources.
import { defineConfig } from 'vitest/config';
import { realpathSync } from 'node:fs';

const src = (pkg) => new URL(`../${pkg}/src/index.ts`, import.meta.url).pathname;
const curio = { '@curio/core': src('core'), '@curio/widget': src('widget') };
const react18 = (name) => realpathSync(new URL(`./react18/node_modules/${name}`, import.meta.url));
const test = { environment: 'happy-dom', setupFiles: ['fake-indexeddb/auto', './test/setup.ts'], include: ['test/**/*.test.ts', 'test/**/*.test.tsx'], testTimeout: 20000 };

export default defineConfig({
  test: {
    projects: [
      { resolve: { alias: curio }, test: { ...test, name: 'react 19', env: { REACT_MAJOR: '19' } } },
      { resolve: { alias: { ...curio, react: react18('react'), 'react-dom': react18('react-dom') } }, test: { ...test, name: 'react 18', env: { REACT_MAJOR: '18' } } },
    ],
  },
});
