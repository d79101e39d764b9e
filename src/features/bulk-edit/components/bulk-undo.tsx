import { Alert, Button, List, Stack } from '@mantine/core';
import { useMemo } from 'react';
import { bulkUndoCaveats, buildBulkUndoPatch } from '../../../agent/bulk-undo';
import type { SavedByBulkEdit } from '../../../agent/bulk-undo';
import { useStore } from '../../../utils/create-store';
import type { BulkRun } from '../bulk-run';
import { useStartBulkRun } from '../use-start-bulk-run';
import { BulkRunPanel } from './bulk-run-panel';

interface BulkUndoProps {
  applied: BulkRun;
  undoRun: BulkRun | null;
  onUndo: (run: BulkRun) => void;
  names: ReadonlyMap<number, string>;
}

/**
 * **Undo batch**: puts each saved agent back with the inverse minimal PATCH (read first; merged
 * onto a colleague's newer save, refused where they changed the same field), saying first what
 * it cannot put back.
 */
export function BulkUndo({ applied, undoRun, onUndo, names }: BulkUndoProps) {
  const state = useStore(applied.store);
  const startRun = useStartBulkRun();
  const saved = useMemo(
    () =>
      new Map(
        state.results.flatMap((r): [number, SavedByBulkEdit][] =>
          r.status === 'saved' && r.before && r.sent && r.after ? [[r.id, { before: r.before, sent: r.sent, after: r.after }]] : [],
        ),
      ),
    [state.results],
  );
  const caveats = useMemo(() => [...new Set([...saved.values()].flatMap(bulkUndoCaveats))], [saved]);

  if (undoRun) return <BulkRunPanel run={undoRun} title="Undo" names={names} savedWord="Put back" canRetry />;
  if (state.running || saved.size === 0) return null;
  const undo = () => {
    const records = new Map(saved);
    onUndo(
      startRun([...records.keys()], (latest) => {
        const record = records.get(latest.id);
        return record ? buildBulkUndoPatch(record, latest) : null;
      }),
    );
  };
  return (
    <Stack gap="xs" align="flex-start">
      {caveats.length > 0 && (
        <Alert color="yellow" title="What undo cannot put back">
          <List size="sm">
            {caveats.map((text) => (
              <List.Item key={text}>{text}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Button variant="default" onClick={undo}>
        Undo batch
      </Button>
    </Stack>
  );
}
