// The offline service worker of the built site. Its scope is the directory it is served from
// (the GitHub Pages sub-path), and it only ever handles same-origin GET requests inside that
// scope; the page makes no others.
//
// Install: the whole build is cached before the worker takes over, so the first visit is
// enough to work offline later, whatever that visit happened to load (the editor and the
// workers load lazily, some before this worker is in control). The file list is not written
// anywhere at build time, so it is found by reading the build: index.html names the entry
// files, and every text asset names the hashed files it loads (`name-<8 char hash>.ext`, all in
// assets/, as Vite writes them).
//
// Fetch: cache first, then the network (and the answer is cached). One exception: the page
// itself goes to the network first, so a new deployment is seen on the next online visit; its
// new hashed assets then miss the cache and are fetched. Offline, the cached page answers.
const CACHE = 'daemonset-playground-v1';
const HASHED_ASSET = /[\w.-]+-[\w-]{8}\.(?:js|css|ttf|woff2?|svg|png|wasm)\b/g;
const HTML_LINK = /(?:src|href)="([^"#?:]+)"/g;

function inScope(url) {
  return url.startsWith(self.registration.scope);
}

async function precache() {
  const scope = self.registration.scope;
  const cache = await caches.open(CACHE);
  const seen = new Set([scope]);
  const queue = [scope];
  while (queue.length > 0) {
    const url = queue.shift();
    let response;
    try {
      response = await fetch(url, { cache: 'no-cache' });
    } catch {
      continue;
    }
    // A name that only looked like an asset is not there: nothing to keep.
    if (!response.ok) continue;
    await cache.put(url, response.clone());
    const type = response.headers.get('content-type') ?? '';
    if (!/javascript|css|html/.test(type)) continue;
    const text = await response.text();
    const found = [...text.matchAll(HASHED_ASSET)].map((m) => new URL(`assets/${m[0]}`, scope).href);
    if (type.includes('html'))
      found.push(...[...text.matchAll(HTML_LINK)].map((m) => new URL(m[1], url).href));
    for (const next of found) {
      if (!seen.has(next) && inScope(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function keep(request, response) {
  // Only complete same-origin answers: no errors, no partial (range) responses.
  if (response.status === 200 && response.type === 'basic') {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

async function networkFirst(request) {
  try {
    return await keep(request, await fetch(request));
  } catch (err) {
    const cached =
      (await caches.match(request, { ignoreSearch: true })) ?? (await caches.match(self.registration.scope));
    if (cached) return cached;
    throw err;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  return cached ?? keep(request, await fetch(request));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || !inScope(url.href)) return;
  event.respondWith(request.mode === 'navigate' ? networkFirst(request) : cacheFirst(request));
});
