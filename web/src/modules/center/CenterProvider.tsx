import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { fetchCenter } from '../../api/center-api.ts';
import { CenterContext } from './center-context.ts';

const FALLBACK_TITLE = 'Switchboard';

/** Loads the public center info once and keeps the window title equal to the center name (UI-1). */
export function CenterProvider({ children }: { children: ReactNode }) {
  const [name, setName] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetchCenter(controller.signal)
      .then((center) => setName(center.name))
      .catch(() => {
        // The heading then falls back to the product name; the app stays usable.
      });
    return () => controller.abort();
  }, []);

  useEffect(() => {
    document.title = name ?? FALLBACK_TITLE;
  }, [name]);

  const value = useMemo(() => ({ name }), [name]);
  return <CenterContext value={value}>{children}</CenterContext>;
}
