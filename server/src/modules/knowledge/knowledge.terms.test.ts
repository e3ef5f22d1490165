import { describe, expect, it } from 'vitest';
import { fuzzyPiecesOf, markHits, snippetOf, termsOf } from './knowledge.terms.ts';

describe('knowledge search terms (KB-1)', () => {
  it('splits a query on spaces and Chinese punctuation, lower-cased, longest first', () => {
    expect(termsOf('  宽带，报修 ADSL 宽带 ')).toEqual(['adsl', '宽带', '报修']);
    expect(termsOf(undefined)).toEqual([]);
  });

  it('cuts long Chinese words into 2-character pieces for the fuzzy fallback', () => {
    expect(fuzzyPiecesOf(['宽带报修', 'vip'])).toEqual(['宽带', '带报', '报修', 'vip']);
    expect(fuzzyPiecesOf(['话费'])).toEqual(['话费']);
  });

  it('marks every hit in a snippet and keeps text that looks like HTML as plain text', () => {
    expect(markHits('<b>话费</b>查询话费', ['话费'])).toEqual([
      { text: '<b>', hit: false },
      { text: '话费', hit: true },
      { text: '</b>查询', hit: false },
      { text: '话费', hit: true },
    ]);
    const long = `${'甲'.repeat(100)}发票开具${'乙'.repeat(100)}`;
    const parts = snippetOf(long, ['发票']);
    expect(parts.find((p) => p.hit)?.text).toBe('发票');
    expect(parts[0]?.text.startsWith('…')).toBe(true);
  });
});
