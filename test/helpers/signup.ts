/** Fill a signup form's shadow root with valid answers, as `input` events, and send it. */
export async function submitValid(form: HTMLElement & { updateComplete: Promise<unknown> }) {
  const root = form.shadowRoot!;
  for (const [name, value] of [
    ['firstName', 'Ada'],
    ['lastName', 'Lovelace'],
    ['email', 'ada@example.com'],
    ['postcode', 'G1 1AA'],
  ] as const) {
    const input = root.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  root.querySelector<HTMLInputElement>('#f-membership-member')!.click();
  root.querySelector<HTMLInputElement>('#f-consentContact')!.click();
  await form.updateComplete;
  root.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
}
