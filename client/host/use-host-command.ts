import { useState } from 'react';
import type { HostCommand } from '../../shared/protocol.ts';
import { send } from '../net/connection.ts';
import { useErrorText } from '../i18n/errors.ts';

/** Sends a facilitator command and keeps the last refusal to show. */
export function useHostCommand() {
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const run = async (command: HostCommand) => {
    const ack = await send(command);
    setError(ack.ok ? null : errorText(ack.error));
    return ack.ok;
  };
  return { run, error };
}
