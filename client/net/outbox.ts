// Commands not yet acknowledged, kept in localStorage so that a reload or a dropped
// connection loses nothing: they are resent, with the same ids, when the socket is back.
import type { Command } from '../../shared/protocol.ts';

export type Envelope = { id: string; command: Command };

export class Outbox {
  private items: Envelope[];

  constructor(private readonly storageKey: string | null) {
    this.items = storageKey ? load(storageKey) : [];
  }

  add(e: Envelope): void {
    this.items.push(e);
    this.save();
  }

  remove(id: string): void {
    this.items = this.items.filter((e) => e.id !== id);
    this.save();
  }

  all(): readonly Envelope[] {
    return this.items;
  }

  get size(): number {
    return this.items.length;
  }

  private save(): void {
    if (this.storageKey) localStorage.setItem(this.storageKey, JSON.stringify(this.items));
  }
}

function load(key: string): Envelope[] {
  try {
    const v = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown;
    return Array.isArray(v) ? (v as Envelope[]) : [];
  } catch {
    return [];
  }
}
