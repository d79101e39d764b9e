import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, vi } from 'vitest';

// findBy/waitFor wait for a condition; on a loaded machine a lazy route can take seconds to come.
configure({ asyncUtilTimeout: 15_000 });

// The dom project shares one module graph per worker (vitest.config.ts): after each file, the
// app's own modules (their stores: uploads, last save, sign-in, pending files) are dropped so
// the next file starts from fresh ones; React, Mantine and the other packages stay loaded.
afterAll(() => {
  vi.resetModules();
});

afterEach(() => {
  cleanup();
  // Unsaved-edit drafts live in sessionStorage: no test may see another's.
  if (typeof sessionStorage !== 'undefined') sessionStorage.clear();
  // A remembered API key lives in localStorage: no test may start signed in by another's.
  if (typeof localStorage !== 'undefined') localStorage.clear();
});

// jsdom lacks what Mantine and TanStack Router call.
if (typeof window !== 'undefined') {
  window.scrollTo = () => undefined;
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as unknown as MediaQueryList; // the deprecated addListener/removeListener are left out
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  window.ResizeObserver = ResizeObserverStub;
  Element.prototype.scrollIntoView = () => undefined;
}

// Mantine's autosize Textarea listens to `document.fonts`, which jsdom lacks.
if (typeof document !== 'undefined' && !('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { addEventListener: () => undefined, removeEventListener: () => undefined, ready: Promise.resolve() },
  });
}
