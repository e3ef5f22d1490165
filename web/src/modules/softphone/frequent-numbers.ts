// 常用号码 (CTI-8): kept per browser until the server stores them per agent.
const KEY = 'switchboard.frequentNumbers';
const MAX = 12;

export function loadFrequentNumbers(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((n): n is string => typeof n === 'string').slice(0, MAX)
      : [];
  } catch {
    return [];
  }
}

export function saveFrequentNumbers(numbers: readonly string[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(numbers.slice(0, MAX)));
  } catch {
    // Storage full or disabled: the list just is not remembered.
  }
}
