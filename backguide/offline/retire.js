// The service worker `make serve` answers at /sw.js: it retires the guide's worker. A browser
// that saved a built guide at this address (say from `python -m http.server` in site/) would
// otherwise keep answering the preview from its cache; this one deletes the guide's caches,
// unregisters itself and lets every page fetch from the server again. Ship it in place of
// sw.js to take the offline guide away from readers.
"use strict";

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    (async function () {
      for (const name of await caches.keys()) {
        if (name.startsWith("backguide-")) await caches.delete(name);
      }
      await self.registration.unregister();
    })()
  );
});
