import { useState } from 'react';
import type { HostCommand } from '../../shared/protocol.ts';
import { send } from '../net/connection.ts';
import { useT } from '../i18n/i18n.ts';

/** Sends a facilitator command and keeps the last refusal to show. */
export function useHostCommand() {
  const { t } = useT();
  const [error, setError] = useState<string | null>(null);
  const run = async (command: HostCommand) => {
    const ack = await send(command);
    setError(ack.ok ? null : t('commandFailed', { message: ack.error.message }));
    return ack.ok;
  };
  return { run, error };
}
