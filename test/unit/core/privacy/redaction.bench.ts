/**
 * Throughput of the redaction engine; run with `npx vitest bench --run test/unit/privacy`.
 * The target is 10 MB/s or more: MB/s = hz × the text's size in MB (5 for the mixed text, 1 for
 * the pathological ones, which guard against backtracking that grows with the square of the run).
 */
import { bench, describe } from 'vitest';
import { DEFAULT_RULES } from '../../../../utils/core/privacy/default-rules';
import { redactText } from '../../../../utils/core/privacy/redact';
import { mixedText } from '../../../support/mixed-text';

const MB = 1_000_000;
const mixed = mixedText(5 * MB);
const mixedLines = mixed.split('\n');

describe('5 MB of mixed text', () => {
  bench('as one text', () => {
    redactText(mixed, DEFAULT_RULES, {});
  });

  bench('as 50k lines, one call each', () => {
    const counts = {};
    for (const line of mixedLines) redactText(line, DEFAULT_RULES, counts);
  });
});

describe('1 MB of pathological text', () => {
  const inputs = {
    'eyJ without dots': 'eyJ'.repeat(MB / 3),
    'IBAN-like groups': 'AB12 '.repeat(MB / 5),
    'word characters only': 'a'.repeat(MB),
    'digits only': '1'.repeat(MB),
    'names without values': 'token: "'.repeat(MB / 8),
    'weak names before unclosed containers': 'session: ['.repeat(MB / 10),
    'escaped quotes never closed': '\\"session\\": \\"x'.repeat(MB / 18),
    'array items named like secrets': '"password", '.repeat(MB / 12),
    'reset links without tokens': '/reset/ab'.repeat(MB / 9),
    'XML elements never closed': '<password>x'.repeat(MB / 11),
    'percent-encoded at signs': '%40a'.repeat(MB / 4),
    'JSON nested deeper than the stack': '['.repeat(MB / 2) + ']'.repeat(MB / 2),
  };
  for (const [name, text] of Object.entries(inputs)) {
    bench(name, () => {
      redactText(text, DEFAULT_RULES, {});
    });
  }
});
