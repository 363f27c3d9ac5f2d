// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { inertOutside } from '../../../utils/ui/inert-outside';

function page() {
  document.body.innerHTML = `
    <header id="head"><button>Menu</button></header>
    <main id="main">
      <div id="column"><section id="editor"><button id="inside">Tool</button></section><p id="beside">x</p></div>
      <aside id="side" inert><button>Already inert</button></aside>
      <form id="form"><textarea></textarea></form>
    </main>`;
  return (id: string) => document.getElementById(id)!;
}

describe('inertOutside', () => {
  it('makes everything around the kept element inert, never the element, what it holds or its ancestors', () => {
    const $ = page();
    inertOutside($('editor'));
    for (const id of ['head', 'beside', 'form', 'side']) expect($(id).inert, id).toBe(true);
    for (const id of ['editor', 'inside', 'column', 'main']) expect($(id).inert, id).toBe(false);
  });

  it('undoes only what it did', () => {
    const $ = page();
    const undo = inertOutside($('editor'));
    undo();
    for (const id of ['head', 'beside', 'form']) expect($(id).inert, id).toBe(false);
    // Inert before, by someone else: stays so.
    expect($('side').inert).toBe(true);
  });
});
