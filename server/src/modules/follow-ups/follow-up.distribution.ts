// FUP-3: new tasks go one by one to the member with the fewest open tasks (ties: lowest staff
// id), so a group's loads stay within one task of each other whatever they were before.

/** The assignee of each of `count` new tasks, given each member's current open load. */
export function distributeEvenly(openLoad: ReadonlyMap<number, number>, count: number): number[] {
  const load = new Map(openLoad);
  const members = [...load.keys()].sort((a, b) => a - b);
  if (members.length === 0) return [];
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    let best = members[0] as number;
    for (const id of members) if ((load.get(id) ?? 0) < (load.get(best) ?? 0)) best = id;
    out.push(best);
    load.set(best, (load.get(best) ?? 0) + 1);
  }
  return out;
}
