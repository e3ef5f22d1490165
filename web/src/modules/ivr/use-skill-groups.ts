import { useEffect, useState } from 'react';
import { apiJson } from '../../api/client.ts';

export type SkillGroupChoice = { code: string; name: string };

// A `queue` transfer target names a skill group by its code (GENERAL, FAULT …), whose queue the
// call joins; the editor offers the configured groups.
let cache: Promise<SkillGroupChoice[]> | null = null;

function loadSkillGroups(): Promise<SkillGroupChoice[]> {
  cache ??= apiJson<{ items: SkillGroupChoice[] }>('/api/skill-groups?pageSize=200').then(
    (r) => r.items.map(({ code, name }) => ({ code, name })),
    (error: unknown) => {
      cache = null;
      throw error;
    },
  );
  return cache;
}

export function useSkillGroups(): SkillGroupChoice[] {
  const [groups, setGroups] = useState<SkillGroupChoice[]>([]);
  useEffect(() => {
    let live = true;
    loadSkillGroups().then(
      (g) => live && setGroups(g),
      () => live && setGroups([]),
    );
    return () => {
      live = false;
    };
  }, []);
  return groups;
}
