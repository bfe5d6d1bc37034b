/** Progress output on stderr for long runs: a bar on terminals, sparse lines otherwise. */

/** Receives progress of a long-running step. */
export interface Progress {
  /** A one-off message. */
  note(message: string): void;
  /** Work `done` of `total` in the current step. */
  tick(done: number, total: number, label: string): void;
  /** Ends the current step's bar. */
  done(): void;
}

/**
 * Progress written to a stream (stderr by default). Redraws at most every 200 ms.
 * @param stream where to write
 */
export function streamProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  let last = 0;
  let open = false;
  return {
    note(message) {
      if (open) stream.write('\n');
      open = false;
      stream.write(`${message}\n`);
    },
    tick(done, total, label) {
      const now = Date.now();
      if (now - last < (stream.isTTY ? 200 : 5000) && done < total) return;
      last = now;
      const share = total > 0 ? Math.min(1, done / total) : 1;
      const width = 30;
      const filled = Math.round(share * width);
      const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0)}%`;
      if (stream.isTTY) {
        stream.write(`\r${line}\x1b[K`);
        open = true;
      } else {
        stream.write(`${line}\n`);
      }
    },
    done() {
      if (open) stream.write('\n');
      open = false;
    },
  };
}

/** Progress that prints nothing (library use, tests). */
export const silentProgress: Progress = { note() {}, tick() {}, done() {} };
