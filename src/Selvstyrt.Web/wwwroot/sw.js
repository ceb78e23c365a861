// Selvstyrt's service worker (issue 23): «Min plan» readable without a network, and nothing of one user ever shown to
// another. Every page a signed-in user gets carries the header X-Selvstyrt-User (an opaque key per user; none when
// signed out). The worker keeps a copy of «Min plan» with the key it came with, remembers the key of the last page it
// saw, and drops every kept copy as soon as a page shows another key or none. Offline, it serves «Min plan» only when
// the kept copy's key is the one last seen, else the offline page (no user data). The sign-out response also clears
// the site's storage, this worker with it.
const PAGES = "selvstyrt-pages-v1";
const SHELL = "selvstyrt-shell-v1";
const KEPT = ["/min-plan"];
const OFFLINE = "/uten-nett";
const USER = "X-Selvstyrt-User";
const LAST_USER = "/__siste-bruker";

self.addEventListener("install", event => {
  event.waitUntil((async () => {
    const shell = await caches.open(SHELL);
    await shell.add(new Request(OFFLINE, { credentials: "omit" }));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", event => {
  event.waitUntil((async () => {
    for (const name of await caches.keys())
      if (name !== PAGES && name !== SHELL) await caches.delete(name);
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", event => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") event.respondWith(page(request, url));
  else if (/^\/(css|js|lib|_framework|icons)\/|^\/favicon\.svg$/.test(url.pathname)) event.respondWith(asset(request));
});

async function lastUser(pages) {
  const kept = await pages.match(LAST_USER);
  return kept ? await kept.text() : "";
}

async function page(request, url) {
  const pages = await caches.open(PAGES);
  let response;
  try {
    response = await fetch(request);
  } catch {
    return offline(pages, url);
  }
  const user = response.headers.get(USER) || "";
  if (user !== await lastUser(pages)) {
    for (const key of await pages.keys()) await pages.delete(key);
    await pages.put(LAST_USER, new Response(user));
  }
  if (user && response.ok && !response.redirected && KEPT.includes(url.pathname) && url.search === "")
    await pages.put(url.pathname, response.clone());
  return response;
}

async function offline(pages, url) {
  if (KEPT.includes(url.pathname)) {
    const kept = await pages.match(url.pathname);
    const user = await lastUser(pages);
    if (kept && user && kept.headers.get(USER) === user) {
      // Show the note the page carries for this case (its text is the page's own, from the resources).
      const html = (await kept.text()).replace(/data-offline-note(="")?\s+hidden(="")?/, "data-offline-note");
      return new Response(html, { status: 200, headers: { "Content-Type": "text/html; charset=utf-8", [USER]: user } });
    }
  }
  const shell = await caches.open(SHELL);
  return (await shell.match(OFFLINE)) || Response.error();
}

async function asset(request) {
  const shell = await caches.open(SHELL);
  try {
    const response = await fetch(request);
    if (response.ok) await shell.put(request, response.clone());
    return response;
  } catch {
    return (await shell.match(request)) || Response.error();
  }
}
