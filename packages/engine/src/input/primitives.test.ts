import { describe, expect, it } from 'vitest';
import { encodeDate } from '../time/datetime.js';
import { parseDate, parseMonthDay, parseSecondsOrTime, parseStepSeconds, parseTime } from './dates.js';
import { findKeyword } from './keywords.js';
import { isNumberToken, parseInteger, parseNumber } from './numbers.js';
import { splitLines, tokenize } from './tokenizer.js';

describe('tokenizer', () => {
  it('splits on blanks, strips comments (even inside quotes), keeps quoted blanks and empty quotes', () => {
    expect(tokenize('  J1\t100  5 ; a comment')).toEqual(['J1', '100', '5']);
    expect(tokenize('"Node one" FLOW "" 1')).toEqual(['Node one', 'FLOW', '', '1']);
    expect(tokenize('L "label; not kept"')).toEqual(['L', 'label']);
    expect(tokenize('a"b c')).toEqual(['a"b', 'c']);
    expect(tokenize(';;comment')).toEqual([]);
  });

  it('numbers lines across LF, CRLF and CR; drops a BOM', () => {
    const lines = splitLines('\ufeff[TITLE]\r\nA\rB\n\nC');
    expect(lines.map((l) => [l.line, l.raw])).toEqual([[1, '[TITLE]'], [2, 'A'], [3, 'B'], [4, ''], [5, 'C']]);
  });
});

describe('numbers', () => {
  it('accepts only complete decimal numbers', () => {
    for (const s of ['1', '-2.5', '+.5', '5.', '1e5', '1.5E-3', '007']) expect(isNumberToken(s)).toBe(true);
    for (const s of ['', '.', '-', '1e', 'e5', '0x1A', 'inf', 'NaN', '1,5', '1.2.3', '5d', ' 1']) expect(isNumberToken(s)).toBe(false);
    expect(parseNumber('1e999')).toBeUndefined();
    expect(parseNumber('2.5')).toBe(2.5);
  });

  it('integers truncate after adding ±0.01 (SWMM)', () => {
    expect(parseInteger('2.995')).toBe(3);
    expect(parseInteger('2.5')).toBe(2);
    expect(parseInteger('-1.995')).toBe(-2);
  });
});

describe('dates and times', () => {
  it('dates: MM/DD/YYYY or with -, month names, two-digit years', () => {
    expect(parseDate('01/15/2020')).toBe(encodeDate(2020, 1, 15));
    expect(parseDate('1-15-2020')).toBe(encodeDate(2020, 1, 15));
    expect(parseDate('JAN/15/2020')).toBe(encodeDate(2020, 1, 15));
    expect(parseDate('1/15/98')).toBe(encodeDate(1998, 1, 15));
    expect(parseDate('1/15/20')).toBe(encodeDate(2020, 1, 15));
    for (const s of ['2020-01-15', '02/30/2021', '13/01/2020', '1/1', 'x', '']) expect(parseDate(s)).toBeUndefined();
    expect(parseMonthDay('12/31')).toBe(365);
    expect(parseMonthDay('03/01')).toBe(60);
  });

  it('times: hh:mm[:ss] or decimal hours; hours may exceed 24', () => {
    expect(parseTime('6.5')).toBe(6.5 / 24);
    expect(parseTime('06:30')).toBe((6 * 3600 + 30 * 60) / 86400);
    expect(parseTime('27:00:30')).toBe((27 * 3600 + 30) / 86400);
    expect(parseTime('1:30PM')).toBe((13.5 * 3600) / 86400);
    for (const s of ['6:60', '6:00:75', '-1', 'a:b', '1:2:3:4']) expect(parseTime(s)).toBeUndefined();
  });

  it('steps: WET/DRY/REPORT/RULE in hh:mm:ss or HOURS; ROUTING in seconds', () => {
    expect(parseStepSeconds('00:15:00')).toBe(900);
    expect(parseStepSeconds('300')).toBe(300 * 3600); // [as-is] a bare number is hours
    expect(parseStepSeconds('0.25')).toBe(900);
    expect(parseSecondsOrTime('30')).toBe(30);
    expect(parseSecondsOrTime('0.5')).toBe(0.5);
    expect(parseSecondsOrTime('0:01:00')).toBe(60);
    expect(parseSecondsOrTime('abc')).toBeUndefined();
  });
});

describe('keywords', () => {
  it('a keyword matches when it is a prefix of the token; first match in list order wins', () => {
    expect(findKeyword('[SUBCATCHMENTS]', ['[SUBCATCHMENT'])).toBe(0);
    expect(findKeyword('inten', ['INTENSITY'])).toBe(-1);
    expect(findKeyword('FUNCTIONAL/HEAD', ['FUNCTIONAL/HEAD', 'FUNCTIONAL'])).toBe(0);
    expect(findKeyword('functional', ['FUNCTIONAL/HEAD', 'FUNCTIONAL'])).toBe(1);
  });
});
