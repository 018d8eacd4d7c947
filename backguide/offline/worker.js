// The guide's service worker: the whole guide offline after one visit, one version at a time.
// Written into the site as sw.js by backguide/offline/precache.py, which fills in VERSION and
// LIST: the version is the hash of the list, so every deploy that changes a file changes this
// file, and the browser installs the new version in the background.
//
// - Install: every file of the list's `precache` part is fetched into a cache of its own
//   version, and each body is checked against its hash; a file of another deploy fails the
//   install, so a cache never holds two versions.
// - Each page (tab) is served from the version it was opened with, to its end: a tab left
//   open across a deploy keeps its version's pages, scripts and styles, and the next page
//   load opens the new one. A page asks to be told of the update (share.js shows a
//   small note, never during a hold).
// - Cache first: a file of the version is answered from its cache, with no request at all.
//   Each page load asks the server, in the background, whether there is a new version.
// - Files of the list's `onDemand` part (link preview cards, llms.txt) are cached on first
//   use, when their body has the list's hash. Nothing from another origin is touched.
// - A page the cache does not hold, with no network, opens the offline page (its 999 advice).
"use strict";

const VERSION = "__VERSION__";
const LIST = "__LIST__"; // the list of files and hashes, below the worker's folder
const OFFLINE_PAGE = "__OFFLINE_PAGE__";
const PREFIX = "backguide-";
const CACHE = PREFIX + VERSION;
const STATE = PREFIX + "state"; // which open page uses which version
const STATE_KEY = "state.json";
const UPDATE_EVERY_MS = 60 * 1000; // at most one check for a new version a minute

const scope = new URL(self.registration.scope);
let lastUpdate = 0;

function address(path) {
  return new URL(path, scope).href;
}

// The key a file is cached under: its address without query or fragment; a folder's
// index.html is the folder (the address the site links).
function key(url) {
  const clean = new URL(url);
  clean.search = "";
  clean.hash = "";
  if (clean.pathname.endsWith("/index.html")) clean.pathname = clean.pathname.slice(0, -"index.html".length);
  return clean.href;
}

function pathKey(path) {
  return key(address(path));
}

async function sha256(buffer) {
  const digest = await crypto.subtle.digest("SHA-256", buffer);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

async function readList() {
  const response = await fetch(address(LIST), { cache: "no-cache" });
  if (!response.ok) throw new Error(`${LIST}: ${response.status}`);
  const list = await response.json();
  if (list.version !== VERSION) throw new Error(`${LIST} is of version ${list.version}, not ${VERSION}`);
  return list;
}

// Fetches a file of this version and checks it against its hash: a server already on another
// deploy gives other bytes, and this version then does not install.
async function fetchChecked(path, hash) {
  const response = await fetch(address(path), { cache: "no-cache", credentials: "same-origin" });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  const body = await response.arrayBuffer();
  if ((await sha256(body)) !== hash) throw new Error(`${path} is not the file of version ${VERSION}`);
  return stored(body, response);
}

// A response to keep: the bytes as the page reads them, with their type. The server's other
// headers (its Content-Encoding, its length before decoding) would not describe these bytes.
function stored(body, response) {
  return new Response(body, { status: 200, statusText: "OK", headers: { "Content-Type": response.headers.get("Content-Type") || "" } });
}

self.addEventListener("install", function (event) {
  event.waitUntil(
    (async function () {
      const list = await readList();
      const cache = await caches.open(CACHE);
      const entries = Object.entries(list.precache);
      const LIMIT = 6; // files fetched at once
      for (let start = 0; start < entries.length; start += LIMIT) {
        await Promise.all(
          entries.slice(start, start + LIMIT).map(async function ([path, hash]) {
            if (await cache.match(pathKey(path))) return; // a retried install keeps what it has
            await cache.put(pathKey(path), await fetchChecked(path, hash));
          })
        );
      }
      await cache.put(address(LIST), new Response(JSON.stringify(list), { headers: { "Content-Type": "application/json" } }));
      // Safe at once: pages already open keep their own version (activate below).
      await self.skipWaiting();
    })().catch(async function (error) {
      await caches.delete(CACHE); // nothing half-made stays behind; the next check tries again
      throw error;
    })
  );
});

// The state kept across the worker's restarts: the version new pages get, and the older
// version of each page still open from before an update.
async function readState() {
  const stored = await (await caches.open(STATE)).match(STATE_KEY);
  return stored ? stored.json() : { current: null, pinned: {} };
}

async function writeState(state) {
  await (await caches.open(STATE)).put(STATE_KEY, new Response(JSON.stringify(state), { headers: { "Content-Type": "application/json" } }));
}

let stateLoaded = null;
function state() {
  if (!stateLoaded) stateLoaded = readState();
  return stateLoaded;
}

self.addEventListener("activate", function (event) {
  event.waitUntil(
    (async function () {
      const known = await readState();
      const open = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const pinned = {};
      for (const client of open) {
        // A page opened under the version before keeps it; a page the worker never served (the
        // first visit) came from the server, as this version did.
        const version = known.pinned[client.id] || known.current;
        if (version && version !== CACHE) pinned[client.id] = version;
      }
      const next = { current: CACHE, pinned: pinned };
      await writeState(next);
      stateLoaded = Promise.resolve(next);
      await dropUnused(next);
      await self.clients.claim();
      for (const client of open) {
        if (pinned[client.id]) client.postMessage({ type: "updated", version: VERSION });
      }
    })()
  );
});

// Old versions go once no open page uses them. Only the active worker deletes, and not while
// a newer one installs: an older worker would otherwise take the newer one's cache for unused.
async function dropUnused(known) {
  const registration = self.registration;
  if (registration.installing || registration.waiting || registration.active !== self.serviceWorker) return;
  const open = new Set((await self.clients.matchAll({ type: "window", includeUncontrolled: true })).map((client) => client.id));
  let changed = false;
  for (const id of Object.keys(known.pinned)) {
    if (!open.has(id)) {
      delete known.pinned[id];
      changed = true;
    }
  }
  if (changed) await writeState(known);
  const kept = new Set([CACHE, STATE, ...Object.values(known.pinned)]);
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && !kept.has(name)) await caches.delete(name);
  }
}

self.addEventListener("message", function (event) {
  // A page asks which version it is on; the answer says whether a newer one is there.
  if (event.data && event.data.type === "version" && event.source) {
    event.waitUntil(
      state().then(async function (known) {
        const mine = known.pinned[event.source.id] || CACHE;
        event.source.postMessage({ type: mine === CACHE ? "current" : "updated", version: VERSION });
        await dropUnused(known); // a page that asks is a page loaded: the one it replaced may be gone
      })
    );
  }
});

self.addEventListener("fetch", function (event) {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== scope.origin) return; // the browser's own way
  event.respondWith(respond(event));
});

async function respond(event) {
  const request = event.request;
  const navigation = request.mode === "navigate";
  const known = await state();
  // A new page (a navigation) gets the current version; any other request, its page's version.
  const version = (!navigation && known.pinned[event.clientId]) || CACHE;
  const cache = await caches.open(version);
  const cached = await cache.match(key(request.url), { ignoreVary: true });
  // A page, opened or brought in by instant navigation: time to ask for a new version.
  if (navigation || new URL(request.url).pathname.endsWith("/")) event.waitUntil(checkForUpdate(known));
  if (cached) return cached;
  try {
    const response = await fetch(request);
    if (response.ok && version === CACHE) event.waitUntil(keepOnDemand(cache, request.url, response.clone()));
    return response;
  } catch (offline) {
    // A page this device never saved, with no network: the offline page, at its own address
    // so that its links and files resolve. (Instant navigation, failing here, loads the page
    // in full, which comes here as a navigation.)
    if (navigation && (await cache.match(pathKey(OFFLINE_PAGE)))) return Response.redirect(address(OFFLINE_PAGE), 302);
    throw offline;
  }
}

// Files of the list's onDemand part are kept once used, when they are this version's bytes.
async function keepOnDemand(cache, url, response) {
  const stored = await cache.match(address(LIST));
  if (!stored) return;
  const list = await stored.json();
  const path = decodeURIComponent(new URL(key(url)).pathname).slice(scope.pathname.length);
  const hash = list.onDemand[path] || list.onDemand[path + "index.html"];
  if (!hash) return;
  const body = await response.arrayBuffer();
  if ((await sha256(body)) === hash) await cache.put(key(url), stored(body, response));
}

// In the background, at most once a minute: a new sw.js means a new version to install.
async function checkForUpdate(known) {
  await dropUnused(known);
  const now = Date.now();
  if (now - lastUpdate < UPDATE_EVERY_MS) return;
  lastUpdate = now;
  try {
    await self.registration.update();
  } catch (offline) {
    // No network: this version goes on serving.
  }
}
