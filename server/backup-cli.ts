// A consistent copy of the database while the server runs, and a check that a copy restores:
//   npm run backup -- --out backup.db [--data-dir ./data]
//   npm run backup -- --check backup.db
// Copying the folder (database, then WAL) while the server writes gives a torn copy that SQLite
// refuses, or one without the newest acknowledged events. SQLite's online backup API copies one
// snapshot: everything committed (acknowledged) when the copy's read transaction began.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';

const USAGE = 'usage: npm run backup -- --out FILE [--data-dir DIR]   |   npm run backup -- --check FILE';

export class BackupError extends Error {}

export type BackupCheck = { integrity: string; sessions: number; events: number };

/** Copies DATA_DIR's database into `out` (a new file) with the online backup API, then checks the copy. */
export async function backup(dataDir: string, out: string): Promise<BackupCheck> {
  const source = path.join(dataDir, 'raadslag.db');
  if (!fs.existsSync(source)) throw new BackupError(`no Rådslag database in ${dataDir} (looked for ${source})`);
  if (fs.existsSync(out)) throw new BackupError(`${out} exists already; choose a new file`);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    // All pages in one step: the copy is made inside one read transaction, so it is one
    // snapshot even while the server commits (a step-by-step copy would restart on each write).
    await db.backup(out, { progress: () => 1 << 30 });
  } finally {
    db.close();
  }
  return check(out);
}

/** Opens a copy as the server would and checks it: integrity, and what it holds. */
export function check(file: string): BackupCheck {
  if (!fs.existsSync(file)) throw new BackupError(`no file ${file}`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? 'unknown';
    const sessions = (db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n;
    const events = (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    if (integrity !== 'ok') throw new BackupError(`${file} fails SQLite's integrity check: ${integrity}`);
    return { integrity, sessions, events };
  } finally {
    db.close();
  }
}

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { out: { type: 'string', short: 'o' }, check: { type: 'string' }, 'data-dir': { type: 'string', short: 'd' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (e) {
    return console.error(`${(e as Error).message}\n${USAGE}`), 2;
  }
  if (values.help) return console.log(USAGE), 0;
  try {
    if (values.check) {
      const c = check(path.resolve(values.check));
      console.log(`${values.check}: integrity ok; ${c.sessions} workshops, ${c.events} events. To restore: stop the server, put it in DATA_DIR as raadslag.db (remove raadslag.db-wal and -shm), start.`);
      return 0;
    }
    if (!values.out) return console.error(`--out is required\n${USAGE}`), 2;
    const out = path.resolve(values.out);
    const c = await backup(path.resolve(values['data-dir'] ?? process.env.DATA_DIR ?? 'data'), out);
    console.log(`wrote ${out}: integrity ok; ${c.sessions} workshops, ${c.events} events`);
    return 0;
  } catch (e) {
    if (e instanceof BackupError) return console.error(e.message), 1;
    throw e;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
