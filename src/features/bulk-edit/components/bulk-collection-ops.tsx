import { Button, CloseButton, Fieldset, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { BulkMockTool, BulkRemoval, BulkVariable } from '../../../agent/bulk-patch';
import { fieldAt } from '../../../agent/field-catalogue';
import type { BulkDraft } from '../bulk-draft';

type Ops = Pick<BulkDraft, 'variables' | 'tools' | 'removals'>;

const label = (path: string) => fieldAt(path)?.label ?? path;
/** An item's field named with its kind, so two rows' inputs read apart: "Variable name", "Mock tool description". */
const itemLabel = (kind: string, path: string) => `${kind} ${label(path).toLowerCase()}`;

function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}

interface BulkCollectionOpsProps {
  ops: Ops;
  onChange: (ops: Ops) => void;
  problems: Readonly<Record<string, string>>;
  locked: boolean;
}

/**
 * Collection operations, matched by name on each agent: add or update a variable, add or update
 * a mock tool, remove a variable or tool. Every other item of each agent is kept.
 */
export function BulkCollectionOps({ ops, onChange, problems, locked }: BulkCollectionOpsProps) {
  const setVariable = (i: number, v: BulkVariable) => onChange({ ...ops, variables: replaceAt(ops.variables, i, v) });
  const setTool = (i: number, t: BulkMockTool) => onChange({ ...ops, tools: replaceAt(ops.tools, i, t) });
  const setRemoval = (i: number, r: BulkRemoval) => onChange({ ...ops, removals: replaceAt(ops.removals, i, r) });
  const variablesLabel = label('dynamic_variables');
  const toolsLabel = label('mock_tools');

  return (
    <Fieldset legend={`${variablesLabel} and ${toolsLabel}`} disabled={locked}>
      <Stack gap="md">
        <Text size="sm" c="gray.7">
          Matched by name on each agent. Every other variable and tool of each agent is kept.
        </Text>
        {ops.variables.map((v, i) => (
          <Fieldset key={`v${i}`} legend={`Variable ${i + 1} to add or update`} variant="filled">
            <Group align="flex-start" wrap="wrap" gap="sm">
              <TextInput label={itemLabel('Variable', 'dynamic_variables.*.name')} value={v.name} error={problems[`variables.${i}.name`]} onChange={(e) => setVariable(i, { ...v, name: e.currentTarget.value })} />
              <TextInput
                label={itemLabel('Variable', 'dynamic_variables.*.description')}
                style={{ flex: 1 }}
                value={v.description}
                error={problems[`variables.${i}.description`]}
                onChange={(e) => setVariable(i, { ...v, description: e.currentTarget.value })}
              />
              <CloseButton mt={28} aria-label={`Drop variable ${i + 1}`} onClick={() => onChange({ ...ops, variables: ops.variables.filter((_, j) => j !== i) })} />
            </Group>
          </Fieldset>
        ))}
        {ops.tools.map((t, i) => (
          <Fieldset key={`t${i}`} legend={`Mock tool ${i + 1} to add or update`} variant="filled">
            <Stack gap="xs">
              <Group align="flex-start" wrap="wrap" gap="sm">
                <TextInput label={itemLabel('Mock tool', 'mock_tools.*.name')} value={t.name} error={problems[`tools.${i}.name`]} onChange={(e) => setTool(i, { ...t, name: e.currentTarget.value })} />
                <TextInput label={itemLabel('Mock tool', 'mock_tools.*.description')} style={{ flex: 1 }} value={t.description} onChange={(e) => setTool(i, { ...t, description: e.currentTarget.value })} />
                <CloseButton mt={28} aria-label={`Drop mock tool ${i + 1}`} onClick={() => onChange({ ...ops, tools: ops.tools.filter((_, j) => j !== i) })} />
              </Group>
              <Textarea
                label={label('mock_tools.*.mock_data')}
                description='A JSON list of {"input": …, "output": …} pairs'
                autosize
                minRows={2}
                ff="monospace"
                value={t.mock_data}
                error={problems[`tools.${i}.mock_data`]}
                onChange={(e) => setTool(i, { ...t, mock_data: e.currentTarget.value })}
              />
            </Stack>
          </Fieldset>
        ))}
        {ops.removals.map((r, i) => (
          <Fieldset key={`r${i}`} legend={`Removal ${i + 1}`} variant="filled">
            <Group align="flex-start" wrap="wrap" gap="sm">
              <NativeSelect
                label="Remove"
                value={r.kind}
                onChange={(e) => setRemoval(i, { ...r, kind: e.currentTarget.value === 'tool' ? 'tool' : 'variable' })}
                data={[
                  { value: 'variable', label: 'A variable' },
                  { value: 'tool', label: 'A mock tool' },
                ]}
              />
              <TextInput label="Name to remove" value={r.name} error={problems[`removals.${i}.name`]} onChange={(e) => setRemoval(i, { ...r, name: e.currentTarget.value })} />
              <CloseButton mt={28} aria-label={`Drop removal ${i + 1}`} onClick={() => onChange({ ...ops, removals: ops.removals.filter((_, j) => j !== i) })} />
            </Group>
          </Fieldset>
        ))}
        {!locked && (
          <Group gap="sm" wrap="wrap">
            <Button variant="default" size="xs" onClick={() => onChange({ ...ops, variables: [...ops.variables, { name: '', description: '' }] })}>
              Add or update a variable
            </Button>
            <Button variant="default" size="xs" onClick={() => onChange({ ...ops, tools: [...ops.tools, { name: '', description: '', mock_data: '[]' }] })}>
              Add or update a mock tool
            </Button>
            <Button variant="default" size="xs" onClick={() => onChange({ ...ops, removals: [...ops.removals, { kind: 'variable', name: '' }] })}>
              Remove a variable or tool by name
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
