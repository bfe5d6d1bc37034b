/** `import text from './file.css?raw'`: the file's text (vite in tests; the root rollup.config.mjs in builds, minified). */
declare module '*?raw' {
  const text: string;
  export default text;
}
