import type { KbSnippetPart } from '@switchboard/shared';

// Pure text helpers of the search: how a query becomes terms, and how a snippet is cut and
// marked. Everything is lower-cased the same way search_text is.

const MAX_TERMS = 6;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** The query's words, lower-cased, de-duplicated (longest first so snippets prefer them). */
export function termsOf(q: string | undefined): string[] {
  if (!q) return [];
  const words = q
    .toLowerCase()
    .split(/[\s,，。、；;:：!！?？"'“”‘’()（）【】[\]/\\|]+/)
    .filter((w) => w.length > 0);
  return [...new Set(words)].slice(0, MAX_TERMS).sort((a, b) => b.length - a.length);
}

/**
 * The fuzzy fallback when no article holds every word: Chinese words of 3+ characters become
 * their 2-character pieces (宽带报修 → 宽带, 带报, 报修), other words stay whole.
 */
export function fuzzyPiecesOf(terms: string[]): string[] {
  const pieces: string[] = [];
  for (const t of terms) {
    const chars = [...t];
    if (chars.length >= 3 && chars.every((c) => CJK.test(c))) {
      for (let i = 0; i + 1 < chars.length; i++) pieces.push(chars[i]! + chars[i + 1]!);
    } else {
      pieces.push(t);
    }
  }
  return [...new Set(pieces)];
}

/** The text a version is searched by. */
export function searchTextOf(title: string, keywords: string[], body: string): string {
  return `${title}\n${keywords.join(' ')}\n${body}`.toLowerCase();
}

/** A window of the body around the first hit, cut into plain and hit parts. */
export function snippetOf(body: string, terms: string[], width = 90): KbSnippetPart[] {
  const flat = body.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  let first = -1;
  for (const t of terms) {
    const at = lower.indexOf(t);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  const start = first > 20 ? first - 20 : 0;
  const end = Math.min(flat.length, start + width);
  const windowText = `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
  return markHits(windowText, terms);
}

/** Splits text into parts, marking every occurrence of a term (case-insensitive). */
export function markHits(textValue: string, terms: string[]): KbSnippetPart[] {
  const lower = textValue.toLowerCase();
  const hit = new Array<boolean>(textValue.length).fill(false);
  for (const t of terms) {
    if (!t) continue;
    for (let at = lower.indexOf(t); at >= 0; at = lower.indexOf(t, at + t.length)) {
      for (let i = at; i < at + t.length; i++) hit[i] = true;
    }
  }
  const parts: KbSnippetPart[] = [];
  for (let i = 0; i < textValue.length; i++) {
    const last = parts[parts.length - 1];
    if (last && last.hit === hit[i]) last.text += textValue[i];
    else parts.push({ text: textValue[i] ?? '', hit: hit[i] ?? false });
  }
  return parts;
}
