import { describe, expect, it } from 'vitest';
import { checkRequester, draftRequester, isEmail, requesterForm } from '../../../../utils/core/report/requester';

const remembered = { email: 'ana@example.org', name: 'Ana Lima' };

describe('the requester', () => {
  it('is asked, prefilled with what was typed last time', () => {
    const form = requesterForm({ requesterSource: 'asked', requesterRequired: false }, remembered, '');
    expect(form).toEqual({ source: 'asked', required: false, ...remembered });
    expect(checkRequester({ email: ' paul@example.org ', name: '' }, form)).toEqual({
      ok: true,
      reporter: { email: 'paul@example.org' },
    });
  });

  it('comes from the browser profile, which the page cannot replace; asked when the profile gave nothing', () => {
    const settings = { requesterSource: 'profile' as const, requesterRequired: true };
    const form = requesterForm(settings, remembered, 'ana.lima@corp.example');
    expect(form.source).toBe('profile');
    expect(checkRequester({ email: 'someone@else.example', name: 'Ana' }, form)).toEqual({
      ok: true,
      reporter: { email: 'ana.lima@corp.example', name: 'Ana' },
    });
    expect(requesterForm(settings, remembered, '').source).toBe('asked');
  });

  it('is never kept when the organisation does not collect it', () => {
    const form = requesterForm({ requesterSource: 'none', requesterRequired: true }, remembered, 'x@y.example');
    expect(form).toEqual({ source: 'none', required: false, email: '', name: '' });
    expect(checkRequester(remembered, form)).toEqual({ ok: true, reporter: undefined });
  });

  it('refuses a missing required address and a mistyped one, with a reason', () => {
    const required = requesterForm({ requesterSource: 'asked', requesterRequired: true }, { email: '', name: '' }, '');
    expect(checkRequester({ email: '  ', name: 'Ana' }, required)).toEqual({ ok: false, problem: 'email-required' });
    expect(checkRequester({ email: 'ana@example', name: '' }, required)).toEqual({
      ok: false,
      problem: 'email-invalid',
    });
    expect(checkRequester({ email: 'ana example.org' }, required)).toEqual({ ok: false, problem: 'email-invalid' });
    const optional = { ...required, required: false };
    expect(checkRequester({ email: '', name: '' }, optional)).toEqual({ ok: true, reporter: undefined });
  });

  it('accepts the addresses people really have, not markup', () => {
    for (const ok of ['ana@example.org', 'jean-luc.picard+it@mairie.paris.fr', "o'neil@x.co.uk", 'é@exemple.fr'])
      expect(isEmail(ok), ok).toBe(true);
    for (const bad of ['<a@b.c>', 'a@b', 'a@@b.c', 'a b@c.d', `${'a'.repeat(250)}@b.cd`])
      expect(isEmail(bad), bad).toBe(false);
  });

  it('keeps a draft copy bounded', () => {
    expect(draftRequester({ email: 'x'.repeat(400), name: ' ' })).toEqual({ email: 'x'.repeat(254) });
    expect(draftRequester({ email: '', name: '' })).toBeUndefined();
  });
});
