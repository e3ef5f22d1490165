// The parts of the untyped `smpp` package (npm smpp 0.5) this module uses.
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer } from 'node:net';

  export type SmppMessage = string | { message: string; udh?: Buffer[] };
  export type Pdu = {
    command: string;
    command_status: number;
    sequence_number: number;
    [field: string]: unknown;
    response(options?: Record<string, unknown>): Pdu;
  };
  export type ResponseCallback = (pdu: Pdu) => void;

  export class Session extends EventEmitter {
    send(pdu: Pdu, response?: ResponseCallback): boolean;
    bind_transceiver(options: Record<string, unknown>, response?: ResponseCallback): boolean;
    bind_transceiver_resp(options: Record<string, unknown>): boolean;
    submit_sm(options: Record<string, unknown>, response?: ResponseCallback): boolean;
    submit_sm_resp(options: Record<string, unknown>): boolean;
    deliver_sm(options: Record<string, unknown>, response?: ResponseCallback): boolean;
    unbind(options?: Record<string, unknown>, response?: ResponseCallback): boolean;
    enquire_link(options?: Record<string, unknown>, response?: ResponseCallback): boolean;
    pause(): void;
    resume(): void;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
  }

  export class Server extends NetServer {
    sessions: Session[];
  }

  export function connect(
    options: { host: string; port: number; [option: string]: unknown },
    listener?: () => void,
  ): Session;
  export function createServer(
    options: Record<string, unknown>,
    listener: (session: Session) => void,
  ): Server;

  const smpp: { connect: typeof connect; createServer: typeof createServer };
  export default smpp;
}
