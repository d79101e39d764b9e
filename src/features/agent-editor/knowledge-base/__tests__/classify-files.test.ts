import { describe, expect, it } from 'vitest';
import { classifyDroppedFiles, KB_ACCEPT_ATTRIBUTE } from '../classify-files';

function fileOf(name: string, size = 10): File {
  const file = new File(['x'.repeat(Math.min(size, 10))], name);
  if (size > 10) Object.defineProperty(file, 'size', { value: size });
  return file;
}

describe('classifyDroppedFiles', () => {
  it('keeps the acceptable files of a drop and names each refused one with its reason', () => {
    const { accepted, rejected } = classifyDroppedFiles(
      [
        fileOf('guide.pdf'),
        fileOf('virus.exe'),
        fileOf('notes.MD'),
        fileOf('huge.csv', 50 * 1024 * 1024 + 1),
        fileOf('empty.txt', 0),
        fileOf('faq.md'),
        fileOf('README'),
        fileOf('data.json'),
        fileOf('data.json'),
      ],
      ['faq.md'],
    );
    expect(accepted.map((f) => f.name)).toEqual(['guide.pdf', 'notes.MD', 'data.json']);
    expect(rejected.map((r) => [r.name, r.reason])).toEqual([
      ['virus.exe', 'type'],
      ['huge.csv', 'size'],
      ['empty.txt', 'empty'],
      ['faq.md', 'duplicate'],
      ['README', 'type'],
      ['data.json', 'duplicate'],
    ]);
    expect(rejected[0]?.message).toMatch(/\.exe files are not accepted/);
    expect(rejected[1]?.message).toBe('Larger than 50 MB');
  });

  it('accepts a file of exactly 50 MB', () => {
    expect(classifyDroppedFiles([fileOf('max.txt', 50 * 1024 * 1024)], []).accepted).toHaveLength(1);
  });

  it('filters the file picker by the accepted extensions', () => {
    expect(KB_ACCEPT_ATTRIBUTE).toBe('.pdf,.txt,.json,.csv,.xml,.md');
  });
});
