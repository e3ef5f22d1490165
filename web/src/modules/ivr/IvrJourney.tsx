/** The path the caller took through the IVR (IVR-3), for the screen pop. */
export function IvrJourney(_props: { callId: string }) {
  return null;
}
