// A stand-in for the attacker's own CPU use in `npm run bench -- --attack` (bench/attack.ts): spins
// for `duty` of every 10 ms until told to stop. On the bench machine the attacker shares the cores
// with the server – on a real network it would not – so a control phase runs this instead of the
// attacker, using as much CPU, to tell the cost of sharing the machine from the cost of the attack.
export type ParentToBurner = { type: 'start'; duty: number } | { type: 'stop' };

let timer: NodeJS.Timeout | undefined;
process.on('message', (m: ParentToBurner) => {
  if (m.type === 'start') {
    const spin = Math.max(0, Math.min(1, m.duty)) * 10;
    timer = setInterval(() => {
      const until = performance.now() + spin;
      while (performance.now() < until) {
        /* burn */
      }
    }, 10);
  }
  if (m.type === 'stop') {
    clearInterval(timer);
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
process.send?.({ type: 'ready' });
