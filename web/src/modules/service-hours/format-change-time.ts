/** When a group opens or closes next, e.g. 11/23周一 08:00; in `timeZone` when given, else local. */
export function formatChangeTime(locale: string, iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    ...(timeZone ? { timeZone } : {}),
    month: 'numeric',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}
