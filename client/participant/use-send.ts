import { useState } from 'react';
import type { Command } from '../../shared/protocol.ts';
import { send } from '../net/connection.ts';
import { useT } from '../i18n/i18n.ts';
import type { SendState } from './AnswerStatus.tsx';

/** Sends a command and tracks its state for the answer status line. */
export function useSend() {
  const { t } = useT();
  const [state, setState] = useState<SendState>('idle');
  const [error, setError] = useState<string | null>(null);
  async function run(command: Command): Promise<boolean> {
    setState('sending');
    setError(null);
    const ack = await send(command);
    if (ack.ok) {
      setState('saved');
      return true;
    }
    setState('error');
    setError(t('commandFailed', { message: ack.error.message }));
    return false;
  }
  return { state, error, run };
}
