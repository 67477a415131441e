/** Helpers for play functions: elements render in shadow DOM, so reach in directly. */
export async function shadowOf(canvas: HTMLElement, tag: string, ready: string): Promise<ShadowRoot> {
  const deadline = Date.now() + 8000;
  for (;;) {
    const root = canvas.querySelector(tag)?.shadowRoot;
    if (root?.querySelector(ready)) return root;
    if (Date.now() > deadline) throw new Error(`${tag} did not render ${ready}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function fill(root: ShadowRoot, values: Record<string, string | boolean>) {
  for (const [name, value] of Object.entries(values)) {
    const inputs = root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`);
    for (const input of inputs) {
      if (input instanceof HTMLInputElement && input.type === 'radio') input.checked = input.value === value;
      else if (input instanceof HTMLInputElement && input.type === 'checkbox') input.checked = value === true;
      else input.value = String(value);
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    }
  }
}

export const member = {
  firstName: 'Morag',
  lastName: 'MacLeod',
  email: 'morag@example.org',
  postcode: 'G12 8QQ',
  membership: 'member',
  consentContact: true,
};

export function submit(root: ShadowRoot) {
  root.querySelector('form')!.requestSubmit();
}
