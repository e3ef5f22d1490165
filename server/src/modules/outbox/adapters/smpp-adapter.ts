import smpp, { type Pdu, type Session } from 'smpp';
import type { Config } from '../../../config.ts';
import type { OutboundAdapter } from './adapter.ts';

// SMS through an SMSC over SMPP 3.4: one bind_transceiver session, opened on first use and again
// after it drops. submit_sm_resp's message_id is the provider id we keep; the SMSC's deliver_sm
// brings customers' replies (MO) and delivery receipts, passed to the callbacks.

export type SmppInbound = { from: string; to: string; body: string; providerMessageId: string | null };
export type SmppReceipt = { providerMessageId: string; delivered: boolean; stat: string };

export type SmppCallbacks = {
  onInbound(sms: SmppInbound): Promise<void>;
  onReceipt(receipt: SmppReceipt): Promise<void>;
  onError?(error: unknown): void;
};

const RESPONSE_TIMEOUT_MS = 10_000;
const UCS2 = 8;
/** Longest UCS2 text in short_message (140 bytes); longer text goes in message_payload. */
const UCS2_SHORT_CHARS = 70;
const ESM_DELIVERY_RECEIPT = 0x04;

/** GSM 7-bit default alphabet is enough for plain ASCII; anything else (Chinese) goes as UCS2. */
function isPlainAscii(text: string): boolean {
  return /^[\x20-\x7E\r\n]*$/.test(text);
}

function request(
  session: Session,
  command: 'bind_transceiver' | 'submit_sm',
  options: Record<string, unknown>,
) {
  return new Promise<Pdu>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`SMPP ${command}: no response`)), RESPONSE_TIMEOUT_MS);
    const sent = session[command](options, (pdu) => {
      clearTimeout(timer);
      if (pdu.command_status === 0) resolve(pdu);
      else reject(new Error(`SMPP ${command} refused: status 0x${pdu.command_status.toString(16)}`));
    });
    if (!sent) {
      clearTimeout(timer);
      reject(new Error(`SMPP ${command}: connection not writable`));
    }
  });
}

function messageText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'message' in value) {
    const message = (value as { message: unknown }).message;
    return Buffer.isBuffer(message) ? message.toString('latin1') : String(message);
  }
  return '';
}

/** Reads "id:XYZ … stat:DELIVRD" of a delivery receipt's text (SMPP 3.4 appendix B). */
export function parseReceipt(pdu: Pdu): SmppReceipt | null {
  const text = messageText(pdu.short_message) || messageText(pdu.message_payload);
  const id =
    (typeof pdu.receipted_message_id === 'string' && pdu.receipted_message_id) || /id:(\S+)/.exec(text)?.[1];
  if (!id) return null;
  const stat = /stat:(\w+)/.exec(text)?.[1] ?? 'UNKNOWN';
  return { providerMessageId: id.replace(/\0+$/, ''), delivered: stat === 'DELIVRD', stat };
}

export function createSmppAdapter(
  cfg: Config['messaging']['smpp'],
  callbacks: SmppCallbacks,
): OutboundAdapter {
  let bound: Promise<Session> | null = null;
  const report = callbacks.onError ?? ((error: unknown) => console.error('SMPP', error));

  const onDeliver = (session: Session, pdu: Pdu) => {
    session.send(pdu.response());
    const isReceipt = (Number(pdu.esm_class) & ESM_DELIVERY_RECEIPT) !== 0;
    const work = isReceipt
      ? (() => {
          const receipt = parseReceipt(pdu);
          return receipt ? callbacks.onReceipt(receipt) : Promise.resolve();
        })()
      : callbacks.onInbound({
          from: String(pdu.source_addr ?? ''),
          to: String(pdu.destination_addr ?? ''),
          body: messageText(pdu.short_message) || messageText(pdu.message_payload),
          providerMessageId: null,
        });
    work.catch(report);
  };

  const bind = (): Promise<Session> => {
    const opening = new Promise<Session>((resolve, reject) => {
      const session = smpp.connect({ host: cfg.host, port: cfg.port }, () => {
        request(session, 'bind_transceiver', { system_id: cfg.systemId, password: cfg.password })
          .then(() => resolve(session))
          .catch((error: unknown) => {
            session.destroy();
            reject(error);
          });
      });
      session.on('deliver_sm', (pdu: Pdu) => onDeliver(session, pdu));
      session.on('enquire_link', (pdu: Pdu) => session.send(pdu.response()));
      session.on('unbind', (pdu: Pdu) => {
        session.send(pdu.response());
        session.close();
      });
      session.on('error', (error: unknown) => {
        if (bound === opening) bound = null;
        reject(error);
      });
      session.on('close', () => {
        if (bound === opening) bound = null;
      });
    });
    bound = opening;
    opening.catch(() => {
      if (bound === opening) bound = null;
    });
    return opening;
  };

  return {
    name: 'smpp',
    async send(message) {
      const session = await (bound ?? bind());
      const ascii = isPlainAscii(message.body);
      const text = { message: message.body };
      const long = !ascii && message.body.length > UCS2_SHORT_CHARS;
      const pdu = await request(session, 'submit_sm', {
        source_addr: cfg.sourceAddr,
        destination_addr: message.to.replace(/[\s-]/g, ''),
        registered_delivery: 1,
        data_coding: ascii ? 1 : UCS2,
        ...(long ? { message_payload: text } : { short_message: text }),
      });
      return { providerMessageId: String(pdu.message_id ?? '') };
    },
    async close() {
      const current = bound;
      bound = null;
      if (!current) return;
      const session = await current.catch(() => null);
      if (!session) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => session.destroy(() => resolve()), 1000);
        session.unbind({}, () => {
          clearTimeout(timer);
          session.close(() => resolve());
        });
      });
    },
  };
}
