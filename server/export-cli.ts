// Export a session's summary from the command line, reading the same store as the server: the
// SQLite data folder (safe while it runs: WAL lets a reader in beside the writer), or PostgreSQL
// when DATABASE_URL is set (and DATABASE_SCHEMA, if the server has one):
//   npm run export -- --session CODE --format docx --out summary.docx [--data-dir ./data]
// --format: json | md | csv | html | docx | xlsx (default json). --out - writes to stdout;
// without --out the file is raadslag-<code>.<format> in the current folder. --delimiter ";" | ","
// | tab sets the CSV's separator (default: ";" for a Danish session, "," for English);
// --exact-roles keeps roles of groups under the minimum in the raw answers (the file says so).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { replay } from '../shared/session/evolve.ts';
import { FORMATS, isFormat, renderSession, type Rendered } from './export/render.ts';
import { isCsvDelimiter } from './export/csv.ts';
import { openStore, testsUsePostgres } from './store/open-store.ts';

export type ExportOptions = { session: string; format: string; dataDir: string; out?: string; delimiter?: string; exactRoles?: boolean };

export class ExportError extends Error {}

const USAGE = `usage: npm run export -- --session CODE [--format ${FORMATS.join('|')}] [--out FILE|-] [--data-dir DIR] [--delimiter ';'|','|tab] [--exact-roles]`;

/** Reads the session's event log, replays it through the core and renders one format. */
export async function exportSession(options: ExportOptions): Promise<Rendered & { path: string | null }> {
  if (!isFormat(options.format)) throw new ExportError(`unknown format "${options.format}"; use one of ${FORMATS.join(', ')}`);
  const delimiter = options.delimiter === 'tab' ? '\t' : options.delimiter;
  if (delimiter !== undefined && !isCsvDelimiter(delimiter)) throw new ExportError(`unknown delimiter "${options.delimiter}"; use ";", "," or tab`);
  const db = path.join(options.dataDir, 'raadslag.db');
  const databaseUrl = process.env.DATABASE_URL;
  // The SQLite store would create an empty database; a typo in --data-dir should say so instead.
  if (!databaseUrl && !fs.existsSync(db)) throw new ExportError(`no Rådslag database in ${options.dataDir} (looked for ${db})`);
  const code = options.session.trim().toUpperCase();
  const store = await openStore({
    dataDir: options.dataDir,
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(process.env.DATABASE_SCHEMA ? { databaseSchema: process.env.DATABASE_SCHEMA } : {}),
  });
  let events;
  try {
    events = (await store.loadSessions()).find((s) => s.meta.code === code)?.events.map((row) => row.event);
  } finally {
    await store.close();
  }
  if (!events) throw new ExportError(`no session with the code ${code} in ${databaseUrl && !testsUsePostgres() ? 'the database' : options.dataDir}`);
  const rendered = await renderSession(replay(events), options.format, { exactRoles: options.exactRoles === true, ...(delimiter ? { delimiter } : {}) });
  if (options.out === '-') {
    process.stdout.write(rendered.body);
    return { ...rendered, path: null };
  }
  const file = path.resolve(options.out ?? rendered.fileName);
  fs.writeFileSync(file, rendered.body);
  return { ...rendered, path: file };
}

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        session: { type: 'string', short: 's' },
        format: { type: 'string', short: 'f', default: 'json' },
        out: { type: 'string', short: 'o' },
        'data-dir': { type: 'string', short: 'd' },
        delimiter: { type: 'string' },
        'exact-roles': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) return console.log(USAGE), 0;
  if (!values.session) return console.error(`--session is required\n${USAGE}`), 2;
  try {
    const result = await exportSession({
      session: values.session,
      format: values.format ?? 'json',
      dataDir: path.resolve(values['data-dir'] ?? process.env.DATA_DIR ?? 'data'),
      ...(values.out !== undefined ? { out: values.out } : {}),
      ...(values.delimiter !== undefined ? { delimiter: values.delimiter } : {}),
      ...(values['exact-roles'] ? { exactRoles: true } : {}),
    });
    if (result.path) console.error(`wrote ${result.path} (${result.body.length} bytes)`);
    return 0;
  } catch (e) {
    if (e instanceof ExportError) return console.error(e.message), 1;
    throw e;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
