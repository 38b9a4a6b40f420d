// Question sets uploaded on the start page. They are user data, not the operator's
// configuration: kept apart from questions/ in DATA_DIR/uploaded-sets/, one record per set
// (<id>.json: the file's text and who uploaded it when), never the default agenda, capped in
// number (MAX_UPLOADED_SETS) and size (MAX_QUESTION_SET_BYTES each), replaceable and removable.
// A record is written whole or not at all (temporary file, fsync, rename), so a crash never
// leaves half a set.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { QuestionSet } from '../shared/question-set.ts';
import { parseQuestionSetFile } from '../shared/question-set-md.ts';

/** What the start page shows of an upload besides the set itself. */
export type UploadInfo = { uploadedAt: number; withPassword: boolean; fileName: string };
export type Upload = UploadInfo & { set: QuestionSet };

const Record = z.strictObject({
  uploadedAt: z.number().int(),
  withPassword: z.boolean(),
  fileName: z.string().max(255),
  content: z.string(),
});

export class UploadedSets {
  private readonly uploads = new Map<string, Upload>();

  private constructor(private readonly dir: string) {}

  /**
   * Reads every record. A record that no longer parses (a hand edit, a schema that moved on) is
   * left on disk and skipped with a warning: an upload must never stop the server from starting.
   */
  static open(dataDir: string, warn: (message: string) => void = console.warn): UploadedSets {
    const dir = path.join(dataDir, 'uploaded-sets');
    fs.mkdirSync(dir, { recursive: true });
    const store = new UploadedSets(dir);
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort()) {
      try {
        const record = Record.parse(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')));
        const set = parseQuestionSetFile(record.content, record.fileName);
        if (`${set.id}.json` !== name) throw new Error(`holds the set "${set.id}"`);
        store.uploads.set(set.id, { set, uploadedAt: record.uploadedAt, withPassword: record.withPassword, fileName: record.fileName });
      } catch (e) {
        warn(`uploaded question set ${name} skipped: ${(e as Error).message.split('\n')[0]}`);
      }
    }
    return store;
  }

  get size(): number {
    return this.uploads.size;
  }
  get(id: string): Upload | undefined {
    return this.uploads.get(id);
  }
  /** Newest first. */
  list(): Upload[] {
    return [...this.uploads.values()].sort((a, b) => b.uploadedAt - a.uploadedAt || a.set.id.localeCompare(b.set.id));
  }

  /**
   * Saves (or, for an id already uploaded, replaces) a validated set. Synchronous on purpose:
   * between the caller's checks and the write nothing else runs, so two uploads cannot both win.
   */
  save(set: QuestionSet, content: string, info: UploadInfo): Upload {
    const target = path.join(this.dir, `${set.id}.json`); // the id is a slug: it cannot leave the folder
    const temp = path.join(this.dir, `.${set.id}.${process.pid}.${Date.now()}.tmp`);
    const fd = fs.openSync(temp, 'wx');
    try {
      fs.writeFileSync(fd, JSON.stringify({ ...info, content }));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    try {
      fs.renameSync(temp, target);
    } catch (e) {
      fs.rmSync(temp, { force: true });
      throw e;
    }
    syncDir(this.dir);
    const upload = { ...info, set };
    this.uploads.set(set.id, upload);
    return upload;
  }

  remove(id: string): boolean {
    if (!this.uploads.has(id)) return false;
    fs.rmSync(path.join(this.dir, `${id}.json`), { force: true });
    syncDir(this.dir);
    this.uploads.delete(id);
    return true;
  }
}

/** A rename or unlink is durable once its folder is synced (where the platform allows it). */
function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for syncing; the rename itself is still atomic there.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
