import { useCallback, useEffect, useState } from 'react';
import { fetchPage, type Page, type QueryParams } from './admin-api.ts';

/** One page of a list endpoint; a change of filters goes back to page 1. */
export function usePagedList<T>(path: string, filters: QueryParams) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [data, setData] = useState<Page<T> | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const filterKey = JSON.stringify(filters);

  // biome-ignore lint/correctness/useExhaustiveDependencies: filterKey stands for filters
  useEffect(() => setPage(1), [filterKey]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: filterKey stands for filters; version reloads
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    fetchPage<T>(path, { ...filters, page, pageSize }, controller.signal)
      .then((result) => {
        setData(result);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (controller.signal.aborted) return;
        setError(caught instanceof Error ? caught.message : String(caught));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [path, filterKey, page, pageSize, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return {
    items: data?.items ?? [],
    loading,
    error,
    reload,
    pagination: {
      current: page,
      pageSize,
      total: data?.total ?? 0,
      showSizeChanger: true,
      onChange: (p: number, size: number) => {
        setPage(size === pageSize ? p : 1);
        setPageSize(size);
      },
    },
  };
}
