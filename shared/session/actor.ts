/** Who sent a command: decided by the gateway from the socket's handshake, never from the payload. */
export type Actor =
  | { kind: 'host' }
  | { kind: 'screen' }
  | { kind: 'guest' }
  | { kind: 'participant'; participantId: string };

/** Time, ids and secrets come in from outside so that the core stays deterministic. */
export type Context = {
  actor: Actor;
  now: number;
  newId: (prefix: string) => string;
  newToken: () => string;
};
