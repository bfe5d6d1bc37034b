/** "Download my data": everything Curio stores, as a JSON file saved by the browser. */
import type { Curio } from '@curio/core';

/** Exports the visitor's data and hands it to the browser as `curio-data.json` through an `<a download>`. */
export async function downloadData(curio: Curio): Promise<void> {
  const json = JSON.stringify(await curio.exportData(), null, 2);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  link.download = 'curio-data.json';
  link.click();
  // Revoke after the click has started the download.
  setTimeout(() => URL.revokeObjectURL(link.href), 1e4);
}
