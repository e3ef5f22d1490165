import { describe, expect, it } from 'vitest';
import { sayAmount, sayInteger, sayValue } from './number-speech.ts';

const words = (prompts: string[]) =>
  prompts
    .map(
      (p) =>
        ({
          'num/0': '零',
          'num/1': '一',
          'num/2': '二',
          'num/3': '三',
          'num/4': '四',
          'num/5': '五',
          'num/6': '六',
          'num/7': '七',
          'num/8': '八',
          'num/9': '九',
          'num/10': '十',
          'num/100': '百',
          'num/1000': '千',
          'num/10000': '万',
          'num/100000000': '亿',
          'unit/yuan': '元',
          'unit/jiao': '角',
          'unit/fen': '分',
          'num/point': '点',
          'num/minus': '负',
        })[p] ?? `?${p}`,
    )
    .join('');

describe('IVR-4 readout: number to speech', () => {
  it('reads integers the Chinese way', () => {
    expect(words(sayInteger(0))).toBe('零');
    expect(words(sayInteger(12))).toBe('十二');
    expect(words(sayInteger(105))).toBe('一百零五');
    expect(words(sayInteger(1205))).toBe('一千二百零五');
    expect(words(sayInteger(10010))).toBe('一万零一十');
    expect(words(sayInteger(230000))).toBe('二十三万');
    expect(words(sayInteger(100000001))).toBe('一亿零一');
  });
  it('reads amounts with 元角分 and numbers with a point', () => {
    expect(words(sayAmount(86.5))).toBe('八十六元五角');
    expect(words(sayAmount(100.05))).toBe('一百元零五分');
    expect(words(sayAmount(-3))).toBe('负三元');
    expect(words(sayValue('3.14', 'number'))).toBe('三点一四');
    expect(words(sayValue('0571', 'digits'))).toBe('零五七一');
  });
});
