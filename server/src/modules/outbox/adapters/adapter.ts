// A gateway that delivers one channel's messages. `send` resolves when the provider accepted the
// message and returns the provider's id for it; it throws when the message must be retried.
export type OutgoingMessage = {
  id: number;
  channel: 'sms' | 'email';
  to: string;
  subject: string | null;
  body: string;
  idempotencyKey: string;
};

export type OutboundAdapter = {
  name: string;
  send(message: OutgoingMessage): Promise<{ providerMessageId: string }>;
  close?(): Promise<void>;
};

export type OutboundAdapters = { sms: OutboundAdapter; email: OutboundAdapter };
