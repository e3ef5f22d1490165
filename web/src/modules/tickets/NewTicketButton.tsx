import { Button } from 'antd';
import { useState } from 'react';
import { TicketFormDrawer } from './TicketFormDrawer.tsx';
import { useTicketMessages } from './ticket-messages.ts';

/** What the screen pop knows when the agent opens a complaint or service request from a call. */
export type NewTicketContext = { callId?: string; customerId?: number; phone?: string };

/** Opens the complaint / service-request form pre-filled from the call (CPL-1, BIZ-1). */
export function NewTicketButton(props: NewTicketContext) {
  const t = useTicketMessages();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="new-ticket-button">
        {t('tk.newComplaint')}
      </Button>
      <TicketFormDrawer open={open} prefill={props} onClose={() => setOpen(false)} />
    </>
  );
}
