// What the bench's processes say to each other over IPC (child_process.fork), and the stats
// reply both servers (Rådslag and the floor) give. Everything here is plain JSON.
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** The clock every process shares: wall-clock milliseconds with sub-millisecond resolution. */
export const now = (): number => performance.timeOrigin + performance.now();

export type ServerStats = {
  /** CPU seconds (user + system) since the process started. */
  cpuS: number;
  /** Resident set size now, and the peak since the process started (getrusage maxRSS, = VmHWM). */
  rssKb: number;
  peakRssKb: number;
  /** Views the server broadcast, by audience (Broadcaster.sent, or the floor's equivalent). */
  sent: Record<string, number>;
  /** Event-loop delay since the previous stats request: how long work waited for the loop. */
  loopP99Ms: number;
  loopMaxMs: number;
  /** Server-specific counters (Rådslag: SQLite commits), cumulative. */
  extra: Record<string, number>;
};

export type ServerToParent = { type: 'ready'; url: string } | { type: 'stats'; stats: ServerStats } | { type: 'stopped' };
export type ParentToServer = { type: 'stats' } | { type: 'stop' };

/** Answers {type:'stats'} and {type:'stop'} from the parent; `sent` reads the fan-out counters. */
export function serveStats(sent: () => Record<string, number>, stop: () => Promise<void>, extra: () => Record<string, number> = () => ({})): void {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  process.on('message', (m: ParentToServer) => {
    if (m.type === 'stats') {
      const stats = { ...readStats(sent()), loopP99Ms: loop.percentile(99) / 1e6, loopMaxMs: loop.max / 1e6, extra: extra() };
      loop.reset();
      process.send?.({ type: 'stats', stats } satisfies ServerToParent);
    }
    if (m.type === 'stop') {
      void stop().finally(() => {
        process.send?.({ type: 'stopped' } satisfies ServerToParent, () => process.exit(0));
      });
    }
  });
  // The parent going away (crash, ^C) must not leave a server behind.
  process.on('disconnect', () => process.exit(0));
}

function readStats(sent: Record<string, number>): Omit<ServerStats, 'loopP99Ms' | 'loopMaxMs' | 'extra'> {
  const ru = process.resourceUsage();
  return {
    cpuS: (ru.userCPUTime + ru.systemCPUTime) / 1e6,
    rssKb: Math.round(process.memoryUsage.rss() / 1024),
    peakRssKb: ru.maxRSS,
    sent: { ...sent },
  };
}

// Parent ↔ client workers.
export const MAX_SOCKETS_PER_WORKER = 1000;
export type ClientSpec = { code: string; session: number };
export type AnswerSpec = { questionId: string; kind: 'scale' | 'text'; t0: number; windowMs: number; timeoutMs: number };
export type ParentToWorker =
  /** `urls`: phones connect to these in turn instead of `url` (--spread). */
  | { type: 'join'; url: string; urls?: string[]; clients: ClientSpec[]; concurrency: number; timeoutMs: number }
  | ({ type: 'answer' } & AnswerSpec)
  | { type: 'awaitVoting'; questionId: string; timeoutMs: number }
  | { type: 'vote'; questionId: string; votes: number; t0: number; windowMs: number; timeoutMs: number }
  | { type: 'counts' }
  | { type: 'close' };

/** One answer as a client saw it: send and ack times on the shared clock; ack 0 when none came. */
export type AnswerSample = { session: number; send: number; ack: number; ok: boolean };
/** byEvent: events received by name; bytesByEvent: bytes on the wire by event name, acks as "ack". */
export type Counts = { clients: number; frames: number; bytes: number; byEvent: Record<string, number>; bytesByEvent: Record<string, number> };
export type WorkerToParent =
  | { type: 'ready' }
  | { type: 'joined'; latencies: number[]; failed: number; firstError?: string; done: number }
  | { type: 'answered'; samples: AnswerSample[]; firstError?: string }
  /** When each phone got the `me` that opened its voting window; `missing` never got one. */
  | { type: 'votingReady'; meAt: number[]; missing: number }
  | { type: 'voted'; samples: AnswerSample[]; firstError?: string }
  | { type: 'counts'; counts: Counts }
  | { type: 'closed' };
