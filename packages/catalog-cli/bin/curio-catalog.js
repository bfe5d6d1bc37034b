#!/usr/bin/env node
// The command `npx @curio/catalog-cli …` runs. A file of its own, in the package from the start,
// so that installing the workspace links the command before `pnpm build` has written dist/.
import '../dist/cli.js';
