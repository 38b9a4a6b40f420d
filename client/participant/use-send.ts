import { useState } from 'react';
import type { Command } from '../../shared/protocol.ts';
import { send } from '../net/connection.ts';
import { useErrorText } from '../i18n/errors.ts';
import type { SendState } from './AnswerStatus.tsx';

/** Sends a command and tracks its state for the answer status line. */
export function useSend() {
  const errorText = useErrorText();
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
    setError(errorText(ack.error));
    return false;
  }
  return { state, error, run };
}
