import { useEffect, useState } from 'react';
import { apiJson } from '../../api/client.ts';

// Queues are named `q-<skill group id>` by the call-control core; the desktop shows the group's name.
let cache: Promise<Map<string, string>> | null = null;

function queueNames(): Promise<Map<string, string>> {
  cache ??= apiJson<{ items: { id: number; name: string }[] }>('/api/skill-groups?pageSize=200').then(
    (r) => new Map(r.items.map((g) => [`q-${g.id}`, g.name])),
    () => {
      cache = null;
      return new Map<string, string>();
    },
  );
  return cache;
}

export function useQueueName(queueId: string | null): string | null {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    if (!queueId) return;
    void queueNames().then((names) => setName(names.get(queueId) ?? null));
  }, [queueId]);
  return queueId ? (name ?? queueId) : null;
}
