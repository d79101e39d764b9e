import fs from 'node:fs';
import path from 'node:path';
import type { StoredAgent } from '../agent/apply-agent-patch';
import { BlobStore } from './blobs';
import { buildSeed } from './seed';
import { isEmulatorState } from './state';
import type { EmulatorState, IdKind } from './state';

/**
 * The emulator's database: one JSON document (`state.json`, written atomically) plus file bytes
 * under `files/`. Loaded on start, seeded when absent, reloaded when another process rewrote it.
 */
export class EmulatorStore {
  state: EmulatorState;
  readonly blobs: BlobStore;
  readonly statePath: string;
  /** Identity of the state.json this process last read or wrote. */
  private diskStamp: string | null = null;

  constructor(readonly dataPath: string) {
    fs.mkdirSync(dataPath, { recursive: true });
    this.statePath = path.join(dataPath, 'state.json');
    this.blobs = new BlobStore(path.join(dataPath, 'files'));
    this.state = this.loadFromDisk() ?? this.reset();
  }

  /** Throws away everything and starts again from the seed. */
  reset(): EmulatorState {
    this.blobs.clear();
    const { state, files } = buildSeed();
    for (const file of files) this.blobs.write(file.blobId, file.fileName, file.content);
    this.state = state;
    this.save();
    return state;
  }

  /** Writes state.json atomically: a temp file renamed over the old one. */
  save(): void {
    fs.mkdirSync(this.dataPath, { recursive: true });
    const temp = `${this.statePath}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(this.state));
    fs.renameSync(temp, this.statePath);
    this.diskStamp = this.stamp();
  }

  /** Picks up a state.json written by someone else (another server on the same folder), or reseeds when it was deleted. */
  refresh(): void {
    const stamp = this.stamp();
    if (stamp === this.diskStamp) return;
    const loaded = stamp === null ? null : this.loadFromDisk();
    if (loaded) this.state = loaded;
    else this.reset();
  }

  nextId(kind: IdKind): number {
    this.state.counters[kind] += 1;
    return this.state.counters[kind];
  }

  /** An ISO timestamp later than every one handed out before, even within one millisecond. */
  now(): string {
    const ms = Math.max(Date.now(), this.state.lastNowMs + 1);
    this.state.lastNowMs = ms;
    return new Date(ms).toISOString();
  }

  findAgent(id: number): StoredAgent | undefined {
    return this.state.agents.find((a) => a.id === id);
  }

  putAgent(agent: StoredAgent): void {
    const index = this.state.agents.findIndex((a) => a.id === agent.id);
    if (index === -1) this.state.agents.push(agent);
    else this.state.agents[index] = agent;
  }

  private stamp(): string | null {
    try {
      const s = fs.statSync(this.statePath);
      return `${s.ino}:${s.mtimeMs}:${s.size}`;
    } catch {
      return null;
    }
  }

  private loadFromDisk(): EmulatorState | null {
    let text: string;
    try {
      text = fs.readFileSync(this.statePath, 'utf8');
    } catch {
      return null;
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (isEmulatorState(parsed)) {
        this.diskStamp = this.stamp();
        return parsed;
      }
    } catch {
      // handled below
    }
    const aside = path.join(this.dataPath, `state.invalid-${Date.now()}.json`);
    fs.renameSync(this.statePath, aside);
    console.warn(`[cekura-emulator] state.json was unreadable; moved it to ${path.basename(aside)} and reseeded.`);
    return null;
  }
}
