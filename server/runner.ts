// What a socket's node needs from the node that runs its workshop: who a handshake's token is, the
// first view, and a command's ack. On one node, and for the workshops a node runs itself, these
// are answered here from memory; in the clustered mode a node asks the owner the same questions
// over Redis (cluster/forwarding.ts), and the owner answers them with this same code – so a
// socket behaves alike whichever node it reached.
import type { Ack, Audience, Command, JoinResult } from '../shared/protocol.ts';
import type { Actor } from '../shared/session/actor.ts';
import type { Broadcaster, Greeting } from './broadcast.ts';
import type { SessionManager } from './sessions.ts';

/** `table`: the participant's table (its room). */
export type Identified = { participantId?: string; table?: number; banned: boolean };

/** A command as the socket's node passes it on. `newParticipant`: a join from a socket that is not a participant yet. */
export type CommandCall = {
  code: string;
  clientId: string;
  command: Command;
  actor: Actor;
  device?: string;
  newParticipant: boolean;
};

/** The ack (with the phone's `me` when it is a participant's), and for a join the participant's table (its room). */
export type CommandDone = { ack: Ack; table?: number };

export interface Runner {
  /** Makes the workshop answerable from this node (its log read, or its owner found); false: no such workshop. */
  reach(code: string): Promise<boolean>;
  /** undefined: no such workshop (deleted meanwhile). */
  identify(code: string, token: string | undefined, device: string | undefined): Promise<Identified | undefined>;
  greet(code: string, audience: Audience, participantId: string | undefined): Promise<Greeting | undefined>;
  command(call: CommandCall): Promise<CommandDone>;
}

const full = (max: number): Ack => ({ ok: false, error: { code: 'session_full', message: `the workshop has its maximum of ${max} participants` } });

/** The runner of the workshops this node holds in memory. */
export function localRunner(sessions: SessionManager, fanout: Pick<Broadcaster, 'greeting' | 'meFor' | 'holdMe' | 'releaseMe'>, maxParticipants: number): Runner {
  return {
    reach: async (code) => (await sessions.open(code)) !== undefined,
    identify: async (code, token, device) => {
      if (!sessions.get(code)) return undefined;
      const participantId = sessions.participantFor(code, token);
      const table = participantId ? sessions.get(code)?.state.participants[participantId]?.table : undefined;
      return { ...(participantId ? { participantId } : {}), ...(table !== undefined ? { table } : {}), banned: !participantId && sessions.isBanned(code, device) };
    },
    greet: async (code, audience, participantId) => fanout.greeting(code, audience, participantId),
    command: async (call) => {
      const { code, actor } = call;
      const state = sessions.get(code)?.state;
      if (call.newParticipant && state && state.participantCount >= maxParticipants) return { ack: full(maxParticipants) };
      // Their `me` comes with this ack: no flush sends it meanwhile (see Broadcaster.holdMe).
      const held = actor.kind === 'participant' ? actor.participantId : undefined;
      if (held) fanout.holdMe(code, held);
      try {
        // A retried join (its ack was slow or lost) is answered like any retry – keyed by
        // (session, client id), owned by the device – whether its socket is still a guest or
        // already the participant it made.
        const ack = await sessions.execute(code, call.clientId, call.command, actor, call.device);
        if (!ack.ok) return { ack };
        const id = held ?? (call.command.type === 'join' ? (ack.data as JoinResult).participantId : undefined);
        if (!id || (actor.kind !== 'participant' && actor.kind !== 'guest')) return { ack };
        // The phone's own view after its command (a resend's and a join's too) rides with the ack (docs/protocol.md).
        const me = fanout.meFor(code, id);
        const table = sessions.get(code)?.state.participants[id]?.table;
        return { ack: me === undefined ? ack : { ...ack, me }, ...(table !== undefined ? { table } : {}) };
      } finally {
        if (held) fanout.releaseMe(code, held);
      }
    },
  };
}
