/** Progress output on stderr for long runs: a bar on terminals, a sparse plain line otherwise (logs, CI, piped runs). */

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
 * Progress written to a stream (stderr by default). On a terminal, a bar redrawn in place at most
 * every 200 ms (and when a step completes); elsewhere no bar, only a `label: 45%` line at most
 * every 5 s, so a log holds a few lines per long step, not one per tick.
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
      const share = total > 0 ? Math.min(1, done / total) : 1;
      const percent = `${(share * 100).toFixed(0)}%`;
      if (!stream.isTTY) {
        // A step that runs past its estimate (tuning) would otherwise log every tick at 100 %.
        if (now - last < 5000) return;
        last = now;
        stream.write(`${label}: ${percent}\n`);
        return;
      }
      if (now - last < 200 && done < total) return;
      last = now;
      const width = 30;
      const filled = Math.round(share * width);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}\x1b[K`);
      open = true;
    },
    done() {
      if (open) stream.write('\n');
      open = false;
    },
  };
}

/** Progress that prints nothing (library use, tests). */
export const silentProgress: Progress = { note() {}, tick() {}, done() {} };
