/**
 * The recorder-only script-tag build of Curio (`curio.recorder.js`, one IIFE), for pages that show
 * no picks (checkout, account, content pages):
 * `<script async src="/curio.recorder.js" data-catalog="/catalog.json" data-consent="pending"></script>`.
 * The same attributes, `window.curio` command queue, auto-capture and consent handling as
 * curio.js, writing the same visitor record, without the catalog, the ranking or the widgets: it
 * loads no catalog. A page that turns out to need picks hands over to curio.js (recorder-page.ts).
 * Nothing it does can throw into the page.
 */
import { guard } from './guard.js';
import { ownScript } from './ownScript.js';
import { startRecorderPage } from './recorder-page.js';

// Read synchronously: the current script is only known while this script first runs.
const script = ownScript();

// Starting up is a task of its own, after the one that evaluated this script (as curio.js does).
setTimeout(guard(() => void startRecorderPage(script, window as never)));
