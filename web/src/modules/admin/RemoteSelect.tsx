import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { fetchPage } from './admin-api.ts';

type Option = { value: number; label: string };

type Props<T> = {
  /** A list endpoint (`/api/areas`); with `searchable`, typing asks it with `?q=`. */
  path: string;
  toOption: (item: T) => Option;
  searchable?: boolean;
  multiple?: boolean;
  value?: number | number[] | null;
  onChange?: (value: number | number[] | null) => void;
  /** Labels for values the current page of options may not contain (e.g. a chosen person). */
  knownOptions?: Option[];
  placeholder?: string;
  testId?: string;
};

/** A select whose options come from a list endpoint (areas, skill groups, staff …). */
export function RemoteSelect<T>({
  path,
  toOption,
  searchable,
  multiple,
  value,
  onChange,
  knownOptions,
  placeholder,
  testId,
}: Props<T>) {
  const [options, setOptions] = useState<Option[]>([]);
  const [term, setTerm] = useState('');
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: toOption is a mapping, not a trigger
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(
      () => {
        setLoading(true);
        fetchPage<T>(path, { q: term || undefined, pageSize: 200 }, controller.signal)
          .then((page) => {
            setOptions(page.items.map(toOption));
            setFailed(null);
          })
          .catch((caught: unknown) => {
            if (!controller.signal.aborted)
              setFailed(caught instanceof Error ? caught.message : String(caught));
          })
          .finally(() => setLoading(false));
      },
      term ? 250 : 0,
    );
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [path, term]);

  const merged = [...options];
  for (const known of knownOptions ?? []) {
    if (!merged.some((o) => o.value === known.value)) merged.push(known);
  }

  return (
    <Select<number | number[] | null>
      mode={multiple ? 'multiple' : undefined}
      allowClear
      showSearch={searchable ? { filterOption: false, onSearch: setTerm } : { optionFilterProp: 'label' }}
      loading={loading}
      options={merged}
      value={value ?? (multiple ? [] : null)}
      onChange={(v) => onChange?.(v ?? null)}
      placeholder={failed ?? placeholder}
      status={failed ? 'error' : undefined}
      data-testid={testId}
    />
  );
}
