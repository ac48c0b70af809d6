import { type Fragment, readFragment } from '../../model/clipboard';

const storageKey = 'accountplaybooks.clipboard';

/** Copies to the system clipboard when the browser allows it, and always to local storage, so paste works in
 *  another playbook or tab even where clipboard access is refused. */
export async function writeClipboard(fragment: Fragment): Promise<void> {
  const text = JSON.stringify(fragment);
  localStorage.setItem(storageKey, text);
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Clipboard permission refused (or not a secure context): local storage has it.
  }
}

export async function readClipboard(): Promise<Fragment | null> {
  try {
    const fromSystem = readFragment(await navigator.clipboard.readText());
    if (fromSystem) return fromSystem;
  } catch {
    // fall back to local storage
  }
  return readFragment(localStorage.getItem(storageKey) ?? '');
}
