import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// findBy…/waitFor wait 1 s by default; a busy 2-core machine renders a Mantine menu slower than that.
configure({ asyncUtilTimeout: 10_000 });

// jsdom lacks what Mantine and CodeMirror measure with (tests in the node environment have no window at all).
if (typeof window !== 'undefined') {
  window.matchMedia ??= (query: string) => ({
    matches: false, media: query, onchange: null, addListener: () => {}, removeListener: () => {},
    addEventListener: () => {}, removeEventListener: () => {}, dispatchEvent: () => false,
  }) as MediaQueryList;
  globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} };
  Element.prototype.scrollIntoView ??= () => {};
}
