import { KB_EXTENSIONS, KB_MAX_BYTES } from '../../../agent/constants';

export type RejectionReason = 'type' | 'size' | 'empty' | 'duplicate';

export interface RejectedFile {
  name: string;
  reason: RejectionReason;
  message: string;
}

/** The file picker's filter: the extensions the API takes. */
export const KB_ACCEPT_ATTRIBUTE = KB_EXTENSIONS.map((ext) => `.${ext}`).join(',');

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function rejection(file: File, takenNames: ReadonlySet<string>): RejectedFile | null {
  const ext = extensionOf(file.name);
  if (!(KB_EXTENSIONS as readonly string[]).includes(ext)) {
    return {
      name: file.name,
      reason: 'type',
      message: `${ext === '' ? 'Files without an extension' : `.${ext} files`} are not accepted; use ${KB_EXTENSIONS.join(', ')}`,
    };
  }
  if (file.size > KB_MAX_BYTES) return { name: file.name, reason: 'size', message: 'Larger than 50 MB' };
  if (file.size === 0) return { name: file.name, reason: 'empty', message: 'The file is empty' };
  if (takenNames.has(file.name)) return { name: file.name, reason: 'duplicate', message: 'A file with this name is already attached' };
  return null;
}

/**
 * Splits a drop into the files to upload and those refused, each with its reason. A name
 * already attached (or earlier in the same drop) is a duplicate; the rest of the drop is kept.
 *
 * @example classifyDroppedFiles([new File(['x'], 'a.md'), new File(['x'], 'b.exe')], new Set())
 *   // → { accepted: [a.md], rejected: [{ name: 'b.exe', reason: 'type', … }] }
 */
export function classifyDroppedFiles(
  files: readonly File[],
  attachedNames: Iterable<string>,
): { accepted: File[]; rejected: RejectedFile[] } {
  const taken = new Set(attachedNames);
  const accepted: File[] = [];
  const rejected: RejectedFile[] = [];
  for (const file of files) {
    const refused = rejection(file, taken);
    if (refused) rejected.push(refused);
    else {
      accepted.push(file);
      taken.add(file.name);
    }
  }
  return { accepted, rejected };
}
