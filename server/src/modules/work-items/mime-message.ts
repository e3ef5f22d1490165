// A small MIME reader for inbound mail (MSG-5): enough for what mail and fax gateways send —
// headers with RFC 2047 words, multipart bodies, base64 / quoted-printable, a charset per part.
// Attachments are named and measured, never stored.
export type ParsedAttachment = { filename: string; contentType: string; size: number };
export type ParsedMail = {
  messageId: string | null;
  from: { address: string; name: string | null } | null;
  subject: string;
  text: string;
  attachments: ParsedAttachment[];
};

type Part = { headers: Map<string, string>; body: Buffer };

function splitHead(raw: Buffer): Part {
  const text = raw.toString('latin1');
  const match = /\r?\n\r?\n/.exec(text);
  const headEnd = match ? match.index : text.length;
  const bodyStart = match ? match.index + match[0].length : text.length;
  const headers = new Map<string, string>();
  const unfolded = text.slice(0, headEnd).replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(key)) headers.set(key, line.slice(colon + 1).trim());
  }
  return { headers, body: raw.subarray(Buffer.byteLength(text.slice(0, bodyStart), 'latin1')) };
}

function decodeCharset(bytes: Buffer, charset: string | undefined): string {
  try {
    return new TextDecoder(charset?.toLowerCase() === 'gb2312' ? 'gbk' : (charset ?? 'utf-8')).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= and =?GBK?Q?…?=) in a header value. */
export function decodeHeaderWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_all, charset: string, enc: string, data: string) => {
      const bytes =
        enc.toUpperCase() === 'B'
          ? Buffer.from(data, 'base64')
          : Buffer.from(
              data
                .replace(/_/g, ' ')
                .replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) =>
                  String.fromCharCode(Number.parseInt(h, 16)),
                ),
              'latin1',
            );
      return decodeCharset(bytes, charset);
    });
}

/** A header value's main part and its parameters, e.g. `text/plain; charset=utf-8`. */
function params(value: string | undefined): { value: string; params: Record<string, string> } {
  const [main = '', ...rest] = (value ?? '').split(';');
  const out: Record<string, string> = {};
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    const key = p.slice(0, eq).trim().toLowerCase().replace(/\*$/, '');
    let v = p
      .slice(eq + 1)
      .trim()
      .replace(/^"|"$/g, '');
    if (/^[\w-]+''/.test(v)) v = decodeURIComponent(v.replace(/^[\w-]+''/, '')); // RFC 2231
    out[key] = decodeHeaderWords(v);
  }
  return { value: main.trim().toLowerCase(), params: out };
}

function decodeTransfer(body: Buffer, encoding: string | undefined): Buffer {
  const enc = (encoding ?? '').trim().toLowerCase();
  if (enc === 'base64') return Buffer.from(body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (enc === 'quoted-printable') {
    const text = body.toString('latin1').replace(/=\r?\n/g, '');
    return Buffer.from(
      text.replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
      'latin1',
    );
  }
  return body;
}

function walk(
  part: Part,
  texts: { plain: string[]; html: string[] },
  attachments: ParsedAttachment[],
  depth: number,
) {
  const type = params(part.headers.get('content-type') ?? 'text/plain');
  const disposition = params(part.headers.get('content-disposition'));
  if (type.value.startsWith('multipart/') && type.params.boundary && depth < 10) {
    const boundary = `--${type.params.boundary}`;
    const chunks = part.body.toString('latin1').split(boundary).slice(1);
    for (const chunk of chunks) {
      if (chunk.startsWith('--')) break;
      walk(
        splitHead(Buffer.from(chunk.replace(/^\r?\n/, '').replace(/\r?\n$/, ''), 'latin1')),
        texts,
        attachments,
        depth + 1,
      );
    }
    return;
  }
  const decoded = decodeTransfer(part.body, part.headers.get('content-transfer-encoding'));
  const filename = disposition.params.filename ?? type.params.name;
  if (filename || disposition.value === 'attachment') {
    attachments.push({ filename: filename ?? 'attachment', contentType: type.value, size: decoded.length });
  } else if (type.value === 'text/plain' || type.value === '') {
    texts.plain.push(decodeCharset(decoded, type.params.charset));
  } else if (type.value === 'text/html') {
    texts.html.push(decodeCharset(decoded, type.params.charset));
  }
}

const htmlToText = (html: string) =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/p>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function parseAddress(value: string | undefined): ParsedMail['from'] {
  if (!value) return null;
  const decoded = decodeHeaderWords(value);
  const angle = /^(.*)<([^>]+)>/.exec(decoded);
  if (angle) {
    const name = (angle[1] ?? '').trim().replace(/^"|"$/g, '');
    return { address: (angle[2] ?? '').trim(), name: name || null };
  }
  return { address: decoded.trim(), name: null };
}

export function parseMail(raw: Buffer): ParsedMail {
  const root = splitHead(raw);
  const texts = { plain: [] as string[], html: [] as string[] };
  const attachments: ParsedAttachment[] = [];
  walk(root, texts, attachments, 0);
  const text = texts.plain.length ? texts.plain.join('\n') : htmlToText(texts.html.join('\n'));
  return {
    messageId: root.headers.get('message-id')?.replace(/[<>]/g, '').trim() || null,
    from: parseAddress(root.headers.get('from')),
    subject: decodeHeaderWords(root.headers.get('subject') ?? '').trim(),
    text: text.replace(/\r\n/g, '\n').trim(),
    attachments,
  };
}
