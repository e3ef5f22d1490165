// Remembers, per browser tab, that this tab had a signed-in session. If the first "who am I"
// check after a reload answers 401 while the marker is set, the session expired (idle timeout)
// rather than never existing, and the sign-in page says so.
const MARKER_KEY = 'switchboard.hadSession';

export function markSessionActive(): void {
  try {
    window.sessionStorage.setItem(MARKER_KEY, '1');
  } catch {
    // Without storage we only lose the "expired" notice after a reload.
  }
}

export function clearSessionMarker(): void {
  try {
    window.sessionStorage.removeItem(MARKER_KEY);
  } catch {
    // See above.
  }
}

export function hadSession(): boolean {
  try {
    return window.sessionStorage.getItem(MARKER_KEY) === '1';
  } catch {
    return false;
  }
}
