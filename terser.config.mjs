// The terser options of everything shipped (rollup.config.mjs) and of the size measurements
// (packages/bench/size.mjs, alternatives.mjs): measured bytes are shipped bytes, and the
// alternatives are minified exactly like Curio. ES outputs also get `module: true` from
// @rollup/plugin-terser. Also measured on curio.js, and left out: ecma 2020, unsafe_arrows,
// unsafe_methods, pure_getters and unsafe (each under 0.2 % smaller gzipped, for an assumption
// about the code), passes 3 (0.6 % larger).
/**
 * hoist_funs: function declarations first in their scope, which gzip compresses better in curio.js
 * (−0.4 %; the library entries measure +0.05 % core, +0.6 % widget).
 */
export const TERSER_OPTIONS = { compress: { passes: 2, hoist_funs: true }, mangle: true };
