// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  clickStep as clickOn,
  inputStep as inputIn,
  nameOf,
  shortText,
  submitStep as submitOf,
  type Step,
} from '@/utils/page/main/steps';

const $ = (selector: string) => document.querySelector(selector)!;
// The step itself; the element and the label without its text come beside it (see the last tests).
const clickStep = (el: Element) => clickOn(el)[0];
const inputStep = (el: Element) => (inputIn(el) || null)?.[0] ?? null;
const submitStep = (el: Element) => submitOf(el)[0];

beforeEach(() => {
  document.body.innerHTML = `
    <button id="save"><span>  Save   invoice </span></button>
    <a href="/invoices" class="nav main">Invoices</a>
    <button aria-label="Close dialog">×</button>
    <div role="button" id="fancy">Fancy</div>
    <label for="email">Email address</label><input id="email" name="email" value="typed@secret.example">
    <input name="q" placeholder="Search…" value="private search">
    <input type="password" id="pw" aria-label="Password" value="hunter2">
    <textarea id="notes">what the person wrote</textarea>
    <select id="country"><option>France</option><option selected>Secretland</option></select>
    <input type="checkbox" id="remember"><label for="remember">Remember me</label>
    <input type="submit" value="Send">
    <div data-private><button id="acct">Account 4242 4242</button></div>
    <section data-mayday-mask><span id="code">Recovery code 7F3K-99QX</span></section>
    <p id="long">${'word '.repeat(40)}</p>
    <form name="login" id="login-form"><input name="user"></form>`;
});

describe('click steps', () => {
  it('name the control with its role and its accessible name or short text, and a short selector', () => {
    expect(clickStep($('#save span'))).toEqual({
      kind: 'click',
      label: 'button "Save invoice"',
      selector: 'button#save',
    });
    expect(clickStep($('a'))).toEqual({ kind: 'click', label: 'link "Invoices"', selector: 'a' });
    expect(clickStep($('[aria-label="Close dialog"]')).label).toBe('button "Close dialog"');
    expect(clickStep($('#fancy')).label).toBe('button "Fancy"');
    expect(clickStep($('#remember')).label).toBe('checkbox "Remember me"');
  });

  it('keep text to 60 characters', () => {
    expect(clickStep($('#long')).label).toMatch(/^p "(word ){11}word…"$/);
    expect(shortText('a'.repeat(100))).toHaveLength(60);
  });

  it("never use what was typed: a field's label stands for it", () => {
    expect(clickStep($('#email')).label).toBe('text "Email address"');
    expect(clickStep($('[name=q]')).label).toBe('text "Search…"');
    expect(clickStep($('#pw')).label).toBe('password "Password"');
    // Without a label, placeholder or name the role says enough; the selector gives the id.
    expect(clickStep($('#notes'))).toEqual({ kind: 'click', label: 'textarea', selector: 'textarea#notes' });
    expect(clickStep($('#country')).label).toBe('select');
    const all = [
      clickStep($('#email')),
      clickStep($('[name=q]')),
      clickStep($('#pw')),
      clickStep($('#notes')),
      clickStep($('#country')),
    ];
    expect(JSON.stringify(all)).not.toMatch(/typed@secret|private search|hunter2|what the person wrote|Secretland/);
  });

  it('say nothing of what is inside [data-private] or [data-mayday-mask]', () => {
    expect(clickStep($('#acct'))).toEqual({ kind: 'click', label: 'button', selector: 'button#acct' });
    expect(clickStep($('#code'))).toEqual({ kind: 'click', label: 'span', selector: 'span#code' });
  });

  it('come with the element and the label without its text, for the admin masks applied at pull time', () => {
    const [step, el, unnamed] = clickOn($('#save span'));
    expect([step.label, el, unnamed]).toEqual(['button "Save invoice"', $('#save'), 'button']);
    expect((inputIn($('#email')) as Step).slice(1)).toEqual([$('#email'), 'typed in input']);
  });
});

describe('input steps', () => {
  it('say "typed in" and the field label, never the value', () => {
    expect(inputStep($('#email'))).toEqual({ kind: 'input', label: 'typed in Email address', selector: 'input#email' });
    expect(inputStep($('#pw'))!.label).toBe('typed in Password');
    expect(inputStep($('#notes'))).toEqual({ kind: 'input', label: 'typed in textarea', selector: 'textarea#notes' });
    expect(inputStep($('[name=user]'))).toEqual({ kind: 'input', label: 'typed in user', selector: 'input' });
  });

  it('leave check boxes and radios to their click', () => {
    expect(inputStep($('#remember'))).toBeNull();
  });
});

describe('submit steps', () => {
  it('name the form', () => {
    expect(submitStep($('form'))).toEqual({ kind: 'submit', label: 'form "login"', selector: 'form#login-form' });
  });
});

describe('names', () => {
  it('prefer aria-label, then a <label>, then text, then placeholder and name', () => {
    expect(nameOf($('[aria-label="Close dialog"]'))).toBe('Close dialog');
    expect(nameOf($('#email'))).toBe('Email address');
    expect(nameOf($('[name=q]'))).toBe('Search…');
  });
});
