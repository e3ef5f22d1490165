import { useEffect, useState } from 'react';
import { fetchFieldDefs } from './customers-api.ts';

// Custom field labels (自定义字段) by key, fetched once per page load.
let cache: Promise<Map<string, string>> | null = null;

export function useFieldLabels(): Map<string, string> {
  const [labels, setLabels] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    cache ??= fetchFieldDefs().then(
      (r) => new Map(r.items.map((d) => [d.key, d.label])),
      () => {
        cache = null;
        return new Map<string, string>();
      },
    );
    void cache.then(setLabels);
  }, []);
  return labels;
}
