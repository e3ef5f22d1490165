import type { CallTag } from '@switchboard/shared';
import { useEffect, useState } from 'react';
import { fetchCallTags } from './call-tags-api.ts';

/**
 * The tags of the calls on a page of the call history, by call id (fetched in one request);
 * fetched again when the ids or `refreshKey` (e.g. the page data object) change.
 */
export function useCallTags(callIds: readonly string[], refreshKey?: unknown): ReadonlyMap<string, CallTag> {
  const [tags, setTags] = useState<ReadonlyMap<string, CallTag>>(new Map());
  const key = callIds.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey only triggers a refetch
  useEffect(() => {
    const ids = key ? key.split(',').slice(0, 200) : [];
    if (ids.length === 0) {
      setTags(new Map());
      return;
    }
    let live = true;
    fetchCallTags(ids).then(
      (r) => {
        if (live) setTags(new Map(r.items.map((t) => [t.callId, t])));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [key, refreshKey]);
  return tags;
}
