import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANTINE_PALETTES, USED_PALETTES } from '../palettes';

const SRC = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' || entry.name === 'emulator' ? [] : sourceFiles(full);
    // palettes.ts lists every palette by name, the used and the dropped.
    return /\.(ts|tsx)$/.test(entry.name) && entry.name !== 'palettes.ts' ? [full] : [];
  });
}

/** Palette names the app's code writes as a string: 'teal', "red.8", `blue.7`. */
function palettesNamedIn(text: string): string[] {
  const names = new RegExp(`['"\`](${MANTINE_PALETTES.join('|')})(\\.\\d)?['"\`]`, 'g');
  return [...text.matchAll(names)].map((match) => match[1] ?? '');
}

describe('the palettes the build keeps', () => {
  it('include every palette the code names, so dropping the others removes nothing in use', () => {
    const named = new Set(sourceFiles(SRC).flatMap((file) => palettesNamedIn(fs.readFileSync(file, 'utf8'))));
    expect(named.size).toBeGreaterThan(3);
    const missing = [...named].filter((name) => !(USED_PALETTES as readonly string[]).includes(name));
    expect(missing).toEqual([]);
  });

  it('finds a palette however it is written', () => {
    expect(palettesNamedIn(`color={ok ? 'teal' : "red.8"} c=\`grape\` title="Cyan"`)).toEqual(['teal', 'red', 'grape']);
  });
});
