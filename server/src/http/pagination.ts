import type { PageQuery } from '@switchboard/shared';

export function offsetOf(q: PageQuery): number {
  return (q.page - 1) * q.pageSize;
}
