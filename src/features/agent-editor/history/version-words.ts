import type { ApiHistoryVersion } from '../../../agent/history-schema';
import { historyUserName } from '../../../agent/history-schema';

const TYPES: Record<string, string> = { '+': 'Created', '~': 'Changed', '-': 'Deleted' };

/** A version's type in words: `+` Created, `~` Changed, `-` Deleted. */
export function historyTypeInWords(type: string | null | undefined): string {
  return (type !== null && type !== undefined ? TYPES[type] : undefined) ?? 'Unknown';
}

/** Who made a version, or "Unknown". */
export function versionAuthor(version: ApiHistoryVersion): string {
  return historyUserName(version.history_user) ?? 'Unknown';
}

/** What a version is called: its name, else its number. */
export function versionTitle(version: ApiHistoryVersion): string {
  const name = version.version_name?.trim();
  return name !== undefined && name !== '' ? name : `Version #${version.history_id}`;
}
