// Innerchord's service worker has one job: let the page open without a network, so words written
// offline are still shown (and sent when the network is back). The app shell is network-first (a
// new release shows at once when online); the content-hashed files under /assets/ are cache-first;
// nothing else — the API, the samples — is touched, so requests there behave as if it were not here.
const CACHE = 'innerchord-shell-v2';

async function cacheShell() {
  const cache = await caches.open(CACHE);
  const res = await fetch('/', { cache: 'no-store' });
  if (!res.ok) return;
  const html = await res.clone().text();
  await cache.put('/', res);
  // The page's own scripts and styles, named in the shell, so an offline reload can run it.
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  await cache.addAll(assets);
  // …and the chunks those scripts import lazily (the language catalogues among them): without them an
  // offline reload would show message keys instead of words.
  const lazy = new Set();
  for (const script of assets.filter((a) => a.endsWith('.js'))) {
    const hit = await cache.match(script);
    const code = hit ? await hit.text() : '';
    for (const m of code.matchAll(/[`'"]\.\/([\w.-]+\.js)[`'"]/g)) lazy.add(`/assets/${m[1]}`);
  }
  await cache.addAll([...lazy].filter((a) => !assets.includes(a)));
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().catch(() => {}));
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.mode === 'navigate' && !url.pathname.startsWith('/api/')) {
    event.respondWith(
      fetch(req)
        .then((res) => {
          if (res.ok) {
            const copy = res.clone();
            event.waitUntil(caches.open(CACHE).then((c) => c.put('/', copy)));
          }
          return res;
        })
        .catch(() => caches.match('/').then((hit) => hit ?? Response.error())),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(
      caches.match(req).then(
        (hit) =>
          hit ??
          fetch(req).then((res) => {
            if (res.ok) {
              const copy = res.clone();
              event.waitUntil(caches.open(CACHE).then((c) => c.put(req, copy)));
            }
            return res;
          }),
      ),
    );
  }
});
