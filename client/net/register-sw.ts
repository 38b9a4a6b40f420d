/// <reference types="vite/client" />
// The phone's service worker (client/sw/service-worker.ts, served as /sw.js, scope /join/) keeps
// the participant page and its assets, so a reload with no network still opens it. Only the
// built app registers it: the dev server has no /sw.js.
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/join/' }).catch(() => {
      // Without it the page works as before; only offline reloads do not.
    });
  });
}
