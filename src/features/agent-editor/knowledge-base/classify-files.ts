import { KNOWLEDGE_BASE_FILE_RULE } from '../../../agent/rules';

export type RejectionReason = 'type' | 'size' | 'empty' | 'duplicate';

export interface RejectedFile {
  name: string;
  reason: RejectionReason;
  message: string;
}

/** The file picker's filter: the extensions the API takes. */
export const KB_ACCEPT_ATTRIBUTE = KNOWLEDGE_BASE_FILE_RULE.extensions.map((ext) => `.${ext}`).join(',');

function rejection(file: File, takenNames: ReadonlySet<string>): RejectedFile | null {
  if (!KNOWLEDGE_BASE_FILE_RULE.hasAllowedType(file.name)) {
    const message = KNOWLEDGE_BASE_FILE_RULE.messages.droppedType(KNOWLEDGE_BASE_FILE_RULE.extensionOf(file.name));
    return { name: file.name, reason: 'type', message };
  }
  if (file.size > KNOWLEDGE_BASE_FILE_RULE.maxBytes) return { name: file.name, reason: 'size', message: KNOWLEDGE_BASE_FILE_RULE.messages.droppedSize };
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
