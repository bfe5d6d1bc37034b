/** The `window.curio` command queue: `curio.push([name, argument])`, before and after load. */
import type { Consent, ContextValue, Curio, PreferenceUpdate, TrackEvent } from '@curio/core';
import { guard, warnOnce } from './guard.js';

/** A command the page may push. */
export type Command = ['track', TrackEvent] | ['consent', Consent] | ['preference', PreferenceUpdate] | ['context', Record<string, ContextValue | null>] | ['forget'];

/** What runs the commands: the Curio instance, or curio.recorder.js's recorder. */
export type QueueTarget = Pick<Curio, 'track' | 'setConsent' | 'setPreference' | 'setContext' | 'forget'>;

/** What `window.curio` becomes once the script has loaded. */
export interface CurioQueue<Instance extends QueueTarget = Curio> {
  push: (...commands: Command[]) => void;
  /** The Curio instance, for advanced use (`window.curio.instance.recommend(…)`). */
  instance: Instance;
}

/** Runs one command; an unknown command or a failing one is reported once. */
const run = guard((curio: QueueTarget, command: Command) => {
  switch (command[0]) {
    case 'track':
      return curio.track(command[1]);
    case 'consent':
      return curio.setConsent(command[1]);
    case 'preference':
      return void curio.setPreference(command[1]).catch(warnOnce);
    case 'context':
      return curio.setContext(command[1]);
    case 'forget':
      return void curio.forget().catch(warnOnce);
    default:
      throw new Error(`unknown command ${JSON.stringify(command)}; use track, consent, preference, context or forget`);
  }
});

/**
 * Runs the commands queued before load, then replaces the queue with an object whose `push` runs
 * at once. Scripts that kept a reference to the old array (`var q = window.curio = window.curio || []`)
 * keep working: its `push` is redirected too, so no command is left in a dead queue.
 */
export function takeOverQueue<Instance extends QueueTarget>(curio: Instance, queued: unknown): CurioQueue<Instance> {
  const queue: CurioQueue<Instance> = { push: (...commands) => commands.forEach((command) => run(curio, command)), instance: curio };
  if (Array.isArray(queued)) {
    let commands: unknown[];
    try {
      commands = queued.splice(0);
    } catch {
      commands = Array.prototype.slice.call(queued); // frozen: read, though it cannot be emptied
    }
    queue.push(...(commands as Command[]));
    try {
      queued.push = (...later: unknown[]) => (queue.push(...(later as Command[])), 0);
    } catch {
      // Frozen: later pushes go to `window.curio`, which is this queue.
    }
  }
  return queue;
}
