// Local wall-clock time for a summary: a municipality reads "10:00", not "09:00Z". The offset
// is looked up once per hour of time (it only changes at DST), so 30,000 answers cost 30 lookups.
const HOUR = 3_600_000;

export type LocalClock = { iso: (ms: number) => string };

export function localClock(timeZone: string): LocalClock {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const offsets = new Map<number, number>();
  const offsetOf = (ms: number): number => {
    const hour = Math.floor(ms / HOUR);
    let off = offsets.get(hour);
    if (off === undefined) {
      const p = Object.fromEntries(format.formatToParts(hour * HOUR).map((x) => [x.type, x.value]));
      const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
      off = Math.round((asUtc - hour * HOUR) / 60_000);
      offsets.set(hour, off);
    }
    return off;
  };
  // "2025-03-14T10:00:" and "+01:00" per minute: 30,000 answers need a few hundred Dates, not 30,000.
  const minutes = new Map<number, [string, string]>();
  return {
    /** "2025-03-14T10:00:05+01:00" (seconds precision). */
    iso(ms) {
      const minute = Math.floor(ms / 60_000);
      let parts = minutes.get(minute);
      if (!parts) {
        const off = offsetOf(ms);
        const abs = Math.abs(off);
        const zone = `${off < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        parts = [new Date(minute * 60_000 + off * 60_000).toISOString().slice(0, 17), zone];
        minutes.set(minute, parts);
      }
      const second = Math.floor(ms / 1000) - minute * 60;
      return `${parts[0]}${second < 10 ? '0' : ''}${second}${parts[1]}`;
    },
  };
}
