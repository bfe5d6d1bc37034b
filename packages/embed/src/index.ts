/**
 * The script-tag build of Curio (`curio.js`, one IIFE):
 * `<script async src="/curio.js" data-catalog="/catalog.json" data-locale="fr" data-consent="pending"></script>`.
 * It creates the Curio instance, takes over the `window.curio` command queue, captures events
 * from the page (data attributes, JSON-LD, optionally dataLayer) and mounts the widgets.
 * Nothing it does can throw into the page.
 */
import { createCurio, type Curio } from '@curio/core';
import { openPreferences } from '@curio/widget';
import { readConfig } from './config.js';
import { takeOverQueue } from './commands.js';
import { guard, warnOnce } from './guard.js';
import { mirrorDataLayer } from './data-layer.js';
import { onDocumentChange, onNavigation } from './navigation.js';
import { createPageCapture } from './page-capture.js';
import type { IdKind } from './product-ids.js';
import { autoMount } from './mounts.js';
import { captureClicks } from './clicks.js';
import { ownScript } from './ownScript.js';
import { preloadFiles } from './preload.js';

// Read synchronously: the current script is only known while this script first runs.
const script = ownScript();
// Loaded by curio.recorder.js, which recorded this page's products and dataLayer entries so far (hand-over.ts).
const handedOver = script?.dataset.curioHandedOver !== undefined;

// Starting up is a task of its own, after the one that evaluated this script: neither blocks the
// page for long on a slow phone. Commands pushed meanwhile wait in the queue. Each step is
// guarded on its own: a hostile page (a frozen `window.curio`, a non-writable `history.pushState`,
// a frozen `dataLayer`) costs that step only.
setTimeout(guard(() => {
  const config = readConfig(script);
  guard(preloadFiles)(config.preload, script?.src ?? '');
  const curio = createCurio(config.options);
  curio.ready.catch(warnOnce);
  const page = window as unknown as { curio?: unknown; dataLayer?: unknown[] };
  guard(() => (page.curio = takeOverQueue(curio, page.curio)))();
  setTimeout(guard(() => listen(curio, page, config.dataLayer, config.idPreference)));
}));

/** Auto-capture and auto-mount, in the task after start-up's: each is a few milliseconds on a slow phone. */
function listen(curio: Curio, page: { dataLayer?: unknown[] }, dataLayer: boolean, idPreference: IdKind[]): void {
  const track = guard((event: Parameters<typeof curio.track>[0]) => curio.track(event));
  const capture = createPageCapture(curio, idPreference);
  if (handedOver) guard(capture.adoptPage)();
  const scanMounts = autoMount(curio);
  const scan = guard(() => {
    capture.scan();
    scanMounts();
  });

  guard(captureClicks)(track, guard(() => openPreferences(curio)));
  if (dataLayer) guard(mirrorDataLayer)(page, capture.record, handedOver);
  guard(onNavigation)(scan);
  guard(onDocumentChange)(guard(capture.scan));
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
}
