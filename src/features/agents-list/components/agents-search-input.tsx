import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';

/** The search box: reports what was typed after a 300 ms pause; follows `value` when the URL changes. */
export function AgentsSearchInput({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    setLastValue(value);
    if (value !== text.trim()) setText(value);
  }
  const search = useDebouncedCallback((q: string) => onSearch(q.trim()), 300);

  return (
    <TextInput
      label="Search agents"
      placeholder="Name or id"
      type="search"
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        search(e.currentTarget.value);
      }}
      rightSection={
        text !== '' ? (
          <CloseButton
            aria-label="Clear search"
            onClick={() => {
              setText('');
              onSearch('');
            }}
          />
        ) : null
      }
      w={{ base: '100%', sm: 360 }}
    />
  );
}
