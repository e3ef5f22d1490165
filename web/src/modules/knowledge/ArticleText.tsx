import type { KbSnippetPart } from '@switchboard/shared';

// Article text is plain text: React escapes it, line breaks are kept by CSS. Never HTML.

export function HighlightedText({ parts }: { parts: KbSnippetPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.hit ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional and never reordered
          <mark key={i} className="sb-kb__hit">
            {p.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional and never reordered
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

/** Marks the query's terms inside a title (the server sends the terms it matched). */
export function highlight(text: string, terms: string[]): KbSnippetPart[] {
  const lower = text.toLowerCase();
  const hit = new Array<boolean>(text.length).fill(false);
  for (const t of terms) {
    if (!t) continue;
    for (let at = lower.indexOf(t); at >= 0; at = lower.indexOf(t, at + t.length)) {
      for (let i = at; i < at + t.length; i++) hit[i] = true;
    }
  }
  const parts: KbSnippetPart[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = parts[parts.length - 1];
    if (last && last.hit === hit[i]) last.text += text[i];
    else parts.push({ text: text[i] ?? '', hit: hit[i] ?? false });
  }
  return parts;
}

export function ArticleBody({ body }: { body: string }) {
  return (
    <div className="sb-kb__body" data-testid="kb-article-body">
      {body}
    </div>
  );
}
