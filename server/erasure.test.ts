// Erasure for good (issue 12): one participant, one answer, and a purge of withdrawn, hidden and
// deleted content – checked on the raw bytes of every file in DATA_DIR (database, WAL, shm),
// with results recounted and the summary saying how much was erased, also after a restart.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JoinResult, SubmitResult } from '../shared/protocol.ts';
import type { HostView } from '../shared/session/views.ts';
import { Harness, stepIndex, type Created } from './testing/harness.ts';
import { storedText } from './testing/stored.ts';

const harnesses: Harness[] = [];
afterAll(async () => {
  for (const h of harnesses) await h.close();
});

/**
 * Every byte of every file in DATA_DIR and its folders (uploaded sets…), as latin1 and as UTF-8
 * text, and what the store holds (the same files for SQLite; PostgreSQL's tables).
 */
async function rawFiles(dataDir: string): Promise<string> {
  const files = fs
    .readdirSync(dataDir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => fs.readFileSync(path.join(d.parentPath, d.name)))
    .map((b) => b.toString('latin1') + b.toString('utf8'))
    .join('\n');
  return `${files}\n${await storedText(dataDir)}`;
}

const erase = (h: Harness, s: Created, body: object) =>
  fetch(`${h.url}/api/sessions/${s.code}/erase`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${s.hostToken}` }, body: JSON.stringify(body) });
const summary = async (h: Harness, s: Created, format: 'json' | 'md') => {
  const res = await fetch(`${h.url}/api/sessions/${s.code}/summary?format=${format}`, { headers: { authorization: `Bearer ${s.hostToken}` } });
  return res.text();
};
const texts = (v: HostView) => JSON.stringify(v);

async function workshop(h: Harness) {
  const s = await h.createSession();
  const host = await h.host(s);
  await host.must({ type: 'goTo', index: stepIndex(host.view!, 'q1-4') });
  await host.must({ type: 'openAnswering', questionId: 'q1-4' });
  const phones = [];
  for (const name of ['Zyxwvut-Navn-Ærø', 'Beholdt-Navn-Bo']) {
    const phone = await h.participant(s);
    const { participantId } = await phone.must<JoinResult>({ type: 'join', role: 'citizen', name });
    phones.push({ phone, participantId });
  }
  return { s, host, phones };
}

describe('erasure for good', () => {
  it('erases one participant: name and texts in no file, results recounted, the summary says so, also after a restart', async () => {
    const h = await Harness.start();
    harnesses.push(h);
    const { s, host, phones } = await workshop(h);
    const [gone, kept] = phones;
    await gone!.phone.must({ type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: 'SLET-MIG-hemmelig-Ølstykke-4711' } });
    await gone!.phone.must({ type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: 'SLET-MIG-også-denne-4712' } });
    await kept!.phone.must({ type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: 'BEHOLD-dette-svar-4713' } });
    await host.waitForView((v) => texts(v).includes('BEHOLD-dette') && texts(v).includes('4712'));
    expect(await rawFiles(h.dataDir)).toContain('SLET-MIG-hemmelig');

    const res = await erase(h, s, { participantId: gone!.participantId });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ erased: { participants: 1, answers: 2, notes: 0 }, walTruncated: true });

    const raw = await rawFiles(h.dataDir);
    for (const secret of ['SLET-MIG', 'Zyxwvut-Navn', gone!.participantId]) expect(raw, secret).not.toContain(secret);
    expect(raw).toContain('BEHOLD-dette-svar-4713');
    const view = await host.waitForView((v) => !texts(v).includes('SLET-MIG'));
    expect(view.participants).toBe(1);
    expect(texts(view)).toContain('BEHOLD-dette');
    const json = JSON.parse(await summary(h, s, 'json')) as { erased: object; participants: { total: number } };
    expect(json.erased).toEqual({ participants: 1, answers: 2, notes: 0 });
    expect(json.participants.total).toBe(1);
    expect(await summary(h, s, 'md')).toMatch(/slettet endeligt 1 deltager\(e\), 2 svar og 0 note\(r\)/);
    // The erased phone was let go; its token opens nothing.
    await gone!.phone.until(() => !gone!.phone.socket.connected, 'the erased phone let go');

    // After a restart the log replays without them.
    await h.close();
    harnesses.pop();
    const again = await Harness.start(h.dataDir);
    harnesses.push(again);
    const host2 = await again.host(s);
    expect(host2.view!.participants).toBe(1);
    expect(texts(host2.view!)).not.toContain('SLET-MIG');
    expect(JSON.parse(await summary(again, s, 'json'))).toMatchObject({ erased: { participants: 1, answers: 2 } });
  });

  it('erases one answer, and purges withdrawn and hidden answers, removed participants and deleted notes', async () => {
    const h = await Harness.start();
    harnesses.push(h);
    const { s, host, phones } = await workshop(h);
    const [a, b] = phones;
    const one = await a!.phone.must<SubmitResult>({ type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: 'ENKELT-svar-slettes-5001' } });
    const withdrawn = await a!.phone.must<SubmitResult>({ type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: 'TRUKKET-tilbage-5002' } });
    await a!.phone.must({ type: 'withdrawAnswer', questionId: 'q1-4', answerId: withdrawn.answerId });
    const hidden = await b!.phone.must<SubmitResult>({ type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: 'SKJULT-svar-5003' } });
    await host.must({ type: 'moderateAnswer', questionId: 'q1-4', answerId: hidden.answerId, action: 'hide' });
    await b!.phone.must({ type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: 'SYNLIGT-svar-5004' } });
    await host.must({ type: 'addNote', scope: { kind: 'session' }, kind: 'note', text: 'SLETTET-note-5005' });
    const noteId = (await host.waitForView((v) => v.notes.length === 1)).notes[0]!.id;
    await host.must({ type: 'deleteNote', noteId });

    const single = await erase(h, s, { answerId: one.answerId });
    expect(await single.json()).toMatchObject({ erased: { participants: 0, answers: 1, notes: 0 } });
    expect(await rawFiles(h.dataDir)).not.toContain('ENKELT-svar');

    const purge = await erase(h, s, { purge: true });
    expect(await purge.json()).toMatchObject({ erased: { participants: 0, answers: 2, notes: 1 } });
    const raw = await rawFiles(h.dataDir);
    for (const secret of ['TRUKKET-tilbage', 'SKJULT-svar', 'SLETTET-note']) expect(raw, secret).not.toContain(secret);
    expect(raw).toContain('SYNLIGT-svar-5004');
    expect(JSON.parse(await summary(h, s, 'json'))).toMatchObject({ erased: { participants: 0, answers: 3, notes: 1 } });

    // Only the console may erase.
    const forbidden = await fetch(`${h.url}/api/sessions/${s.code}/erase`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer nope-nope-nope' }, body: '{"purge":true}' });
    expect(forbidden.status).toBe(403);
  });
});
