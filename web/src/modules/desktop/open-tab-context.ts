import { createContext, type ReactNode, useContext } from 'react';

/** A tab a page asks the desktop to open (e.g. a search hit's customer record): key, title, content. */
export type PageTab = { key: string; title: string; element: ReactNode };

/** Given by DesktopPage: opens (or shows, when its key is open) a tab in the main area. */
export const OpenTabContext = createContext<((tab: PageTab) => void) | null>(null);

/** The desktop's `openTab`, or null outside the desktop (the page then shows the item in place). */
export const useOpenTab = () => useContext(OpenTabContext);
