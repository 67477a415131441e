/** Saves text as a file through a Blob's object URL (nothing leaves the browser again, nothing stored). */
export function saveFile(root: ParentNode & Node, name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name, hidden: true });
  // Attached for the click (some browsers ignore a detached link's click), removed straight after.
  root.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: the browser reads the URL after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
