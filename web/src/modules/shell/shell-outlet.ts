/** What the shell hands to the page in its outlet (`useOutletContext`). */
export type ShellOutletContext = { openPasswordDialog: () => void };
