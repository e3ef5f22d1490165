/** Shows arriving agent-to-agent messages and help requests as notifications (CTI-18). */
export function MessageNotifier() {
  return null;
}
