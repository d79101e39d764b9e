import { List, Text } from '@mantine/core';
import type { VersionChange } from './version-changes';

/** Changes in words: "Description: from “A” to “B”", a collection's items one by one. */
export function VersionChangeList({ changes, label }: { changes: readonly VersionChange[]; label: string }) {
  return (
    <List size="sm" spacing={6} aria-label={label}>
      {changes.map((change) => (
        <List.Item key={change.field}>
          <Text span size="sm" fw={600}>
            {change.label}
          </Text>
          {change.items ? (
            <List size="sm" withPadding spacing={2} listStyleType="disc">
              {change.items.map((item, i) => (
                <List.Item key={`${i}:${item}`}>{item}</List.Item>
              ))}
            </List>
          ) : (
            <Text span size="sm">
              {`: from ${change.before ?? ''} to ${change.after ?? ''}`}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}
