/**
 * The visitor's other open tabs, told on the BroadcastChannel `curio:<store name>`. One channel
 * per Curio instance, in every consent mode: a tab keeping data only in memory must still hear
 * that the visitor erased everything or withdrew consent elsewhere.
 */

/** What one tab tells the others. */
export const TabMessage = {
  /** The stored record changed: read it again. */
  changed: 0,
  /** The visitor erased everything: drop what is held in memory. */
  forgotten: 1,
  /** The visitor withdrew consent: drop what is held, keep nothing from now on. */
  denied: 2,
} as const;
export type TabMessage = (typeof TabMessage)[keyof typeof TabMessage];

/** A channel to the other tabs of store `name`. */
export interface TabChannel {
  /** Tells every other tab; a no-op once closed or without BroadcastChannel. */
  post(message: TabMessage): void;
  close(): void;
}

/** Opens the channel of store `name`; `onMessage` gets the other tabs' messages (never this tab's own). */
export function openTabChannel(name: string, onMessage: (message: TabMessage) => void): TabChannel {
  let channel: BroadcastChannel | undefined;
  try {
    channel = new BroadcastChannel('curio:' + name);
    channel.onmessage = (m) => {
      if (m.data === 0 || m.data === 1 || m.data === 2) onMessage(m.data);
    };
  } catch {
    // No BroadcastChannel (an old browser, a sandbox): each tab on its own.
  }
  return {
    post(message) {
      try {
        channel?.postMessage(message);
      } catch {
        // Closed meanwhile: nobody left to tell from here.
      }
    },
    close() {
      channel?.close();
      channel = undefined;
    },
  };
}
