import type { Ticket } from '@switchboard/shared';
import { Button, Modal } from 'antd';
import { createPortal } from 'react-dom';
import { type TicketMessageKey, useTicketMessages } from './ticket-messages.ts';
import './tickets.css';

const fmt = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '');

/** The printable per-complaint feedback form (反馈单, CPL-9). Print CSS shows only this sheet. */
export function FeedbackFormModal(props: { ticket: Ticket; open: boolean; onClose: () => void }) {
  const t = useTicketMessages();
  const x = props.ticket;
  const label = (k: string) => t(k as TicketMessageKey);
  const rows: [string, string][] = [
    [t('tk.number'), x.number],
    [t('tk.occurredAt'), fmt(x.occurredAt)],
    [t('tk.name'), x.customerName ?? ''],
    [t('tk.gender'), label(`tk.gender.${x.gender}`)],
    [t('tk.phone'), x.phone],
    [t('tk.cardNo'), x.cardNo ?? ''],
    [t('tk.category'), `${label(`tk.kind.${x.kind}`)} / ${label(`tk.cat.${x.category}`)}`],
    [t('tk.aspects'), x.aspects.map((a) => label(`tk.aspect.${a}`)).join('、')],
    [t('tk.reason'), x.reason],
    [t('tk.department'), x.departmentName ?? ''],
    [t('tk.responsible'), x.responsibleName ?? ''],
    [t('tk.deadline'), fmt(x.deadlineAt)],
    [t('tk.validity'), x.validity ? label(`tk.validity.${x.validity}`) : ''],
    [t('tk.answer'), x.answer ?? x.invalidReason ?? ''],
    [t('tk.satisfaction'), x.satisfaction ? label(`tk.sat.${x.satisfaction}`) : ''],
    [t('tk.owner'), x.ownerName ?? ''],
  ];
  const sheet = (
    <div className="ticket-feedback-sheet" data-testid="ticket-feedback-sheet">
      <h2>{t('tk.feedbackForm')}</h2>
      <table>
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th>{k}</th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <Modal
      open={props.open}
      onCancel={props.onClose}
      width={720}
      title={t('tk.feedbackForm')}
      footer={
        <Button type="primary" onClick={() => window.print()} data-testid="ticket-print-now">
          {t('tk.print')}
        </Button>
      }
    >
      {sheet}
      {props.open && createPortal(<div className="ticket-print-root">{sheet}</div>, document.body)}
    </Modal>
  );
}
