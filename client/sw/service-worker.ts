// The phone's service worker, served as /sw.js with scope /join/ (client/net/register-sw.ts).
// Small and hand-written rather than Workbox: it does three things, and each is easy to check.
//
// - Install: the participant page (join.html) and the assets it references go into a cache
//   named after this build (build/service-worker.ts writes the list in at build time). A new
//   build is a new /sw.js, so the browser installs it and the old cache is deleted on activation.
// - A page load under /join/ goes to the network first: an online phone always gets the current
//   page, so a reload after an update (a new protocol version: the server's `hello` says which)
//   runs the new code, never a cached old one. Only when the network fails, or says nothing for
//   NAVIGATION_TIMEOUT_MS, is the cached page shown (it shows the last view and the offline notice
//   itself: client/net/last-view.ts); the late answer still refreshes the cache.
// - /assets/* are content-hashed and immutable: cache first, network on a miss.
// Everything else (the socket, /api) is not touched.
declare const __SW_PRECACHE__: string[];
declare const __SW_BUILD__: string;

type ExtendableEvent = Event & { waitUntil(p: Promise<unknown>): void };
type FetchEvent = ExtendableEvent & { request: Request; respondWith(r: Promise<Response>): void };
type Scope = {
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
  addEventListener(type: 'install' | 'activate', listener: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (e: FetchEvent) => void): void;
};

const sw = self as unknown as Scope;
const PREFIX = 'raadslag-phone-';
const CACHE = `${PREFIX}${__SW_BUILD__}`;
const SHELL = '/join.html';
const NAVIGATION_TIMEOUT_MS = 4000;

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([SHELL, ...__SW_PRECACHE__]))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
  if (request.mode === 'navigate' && url.pathname.startsWith('/join/')) event.respondWith(page(event));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(asset(request));
});

/** Network first; the cached page when the network fails or is too slow to answer. */
async function page(event: FetchEvent): Promise<Response> {
  const fresh = fetch(event.request).then(async (res) => {
    if (res.ok) await (await caches.open(CACHE)).put(SHELL, res.clone());
    return res;
  });
  event.waitUntil(fresh.catch(() => undefined)); // a late answer still updates the cache
  const late = new Promise<undefined>((resolve) => setTimeout(resolve, NAVIGATION_TIMEOUT_MS, undefined));
  const first = await Promise.race([fresh, late]).catch(() => undefined);
  if (first) return first;
  const cached = await caches.match(SHELL);
  return cached ?? fresh;
}

async function asset(request: Request): Promise<Response> {
  const cached = await caches.match(request);
  if (cached) return cached;
  const res = await fetch(request);
  if (res.ok) await (await caches.open(CACHE)).put(request, res.clone());
  return res;
}
