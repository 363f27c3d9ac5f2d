import { describe, expect, it } from 'vitest';
import { compileAdminPatterns } from '../../../../utils/core/privacy/admin-patterns';
import { DEFAULT_RULES } from '../../../../utils/core/privacy/default-rules';
import { redact } from './redact';

describe('compileAdminPatterns', () => {
  it('turns valid patterns into custom rules that run after the defaults', () => {
    const { rules, problems } = compileAdminPatterns(['EMP-\\d{6}', 'project (?:Falcon|Osprey)']);
    expect(problems).toEqual([]);
    expect(redact('EMP-123456 on project Falcon, mail a@example.com, EMP-12', ...DEFAULT_RULES, ...rules)).toEqual({
      text: '[REDACTED:custom] on [REDACTED:custom], mail [REDACTED:email], EMP-12',
      counts: { custom: 2, email: 1 },
    });
  });

  it('is case-sensitive, as the admin wrote it', () => {
    const { rules } = compileAdminPatterns(['Falcon']);
    expect(redact('Falcon falcon', ...rules).text).toBe('[REDACTED:custom] falcon');
  });

  it('reports an invalid regex by position and name, and keeps the valid ones', () => {
    const { rules, problems } = compileAdminPatterns(['EMP-\\d+', '(unclosed', '[z-a]']);
    expect(rules.map((rule) => rule.pattern.source)).toEqual(['EMP-\\d+']);
    expect(problems).toEqual([
      {
        index: 1,
        pattern: '(unclosed',
        message: '"(unclosed" is not a valid regular expression (Unterminated group); it was left out.',
      },
      {
        index: 2,
        pattern: '[z-a]',
        message: '"[z-a]" is not a valid regular expression (Range out of order in character class); it was left out.',
      },
    ]);
  });

  it('reports patterns that can match empty text', () => {
    const { rules, problems } = compileAdminPatterns(['a*', '\\b', '^', 'x?', 'EMP']);
    expect(rules).toHaveLength(1);
    expect(problems.map((problem) => problem.index)).toEqual([0, 1, 2, 3]);
    expect(problems[0].message).toBe(
      '"a*" can match empty text; make every match at least one character (+ rather than *). It was left out.',
    );
  });

  it('skips blank entries without a problem', () => {
    expect(compileAdminPatterns(['', '   ', 'EMP'])).toMatchObject({ problems: [], rules: [{ kind: 'custom' }] });
  });
});
