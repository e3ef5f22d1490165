import { useEffect } from 'react';
import type { AgentCommand } from './softphone-api.ts';
import type { SoftphoneAction } from './softphone-rules.ts';

// Alt+A answer, Alt+H hang up, Alt+S hold / retrieve, Alt+M mute / unmute (matched on the key's
// position, so they work with any keyboard layout and input method).
export const SHORTCUTS = { answer: 'Alt+A', hangup: 'Alt+H', hold: 'Alt+S', mute: 'Alt+M' } as const;

export function useSoftphoneShortcuts(
  allowed: ReadonlySet<SoftphoneAction>,
  muted: boolean,
  run: (command: AgentCommand) => Promise<boolean>,
): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
      let command: AgentCommand | null = null;
      if (event.code === 'KeyA' && allowed.has('answer')) command = { path: 'answer' };
      else if (event.code === 'KeyH' && allowed.has('hangup')) command = { path: 'hangup' };
      else if (event.code === 'KeyS' && allowed.has('hold')) command = { path: 'hold' };
      else if (event.code === 'KeyS' && allowed.has('retrieve')) command = { path: 'retrieve' };
      else if (event.code === 'KeyM' && allowed.has('mute'))
        command = { path: 'mute', body: { muted: !muted } };
      if (!command) return;
      event.preventDefault();
      void run(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [allowed, muted, run]);
}
