// Behaviour for the share buttons that hooks/share_buttons.py puts on method pages.
// The phone's own share sheet where the browser has one (Web Share API); otherwise the
// link goes to the clipboard and the button's live region says so.

// Wrapped so that nothing here becomes a global of the page.
(function () {
  const CONFIRM_FOR_MS = 4000;

  // Material swaps pages without reloading (navigation.instant); document$ fires for the
  // first page and after every swap, so buttons on a new page get wired too.
  document$.subscribe(function () {
    for (const button of document.querySelectorAll(".share__button:not([data-share-ready])")) {
      button.dataset.shareReady = "";
      button.addEventListener("click", function () {
        share(button);
      });
    }
  });

  async function share(button) {
    // The hook writes the published address; it is relative only when site_url is unset.
    const url = new URL(button.dataset.shareUrl, location.origin + location.pathname).href;
    if (navigator.share) {
      try {
        await navigator.share({ title: button.dataset.shareTitle, url: url });
        return;
      } catch (error) {
        if (error.name === "AbortError") return; // the reader closed the share sheet
      }
    }
    const status = button.parentElement.querySelector(".share__status");
    try {
      await navigator.clipboard.writeText(url);
      showStatus(status, "Link copied");
    } catch (error) {
      // No clipboard (an insecure page, or permission refused): show the link to copy by hand.
      showStatus(status, "Copy this link: " + url);
    }
  }

  function showStatus(status, message) {
    status.textContent = message;
    clearTimeout(status.clearTimer);
    status.clearTimer = setTimeout(function () {
      status.textContent = "";
    }, CONFIRM_FOR_MS);
  }
})();

// Offline after one visit (backguide/offline/): the service worker at the site's root,
// registered here, in the script every page loads (follow-along.js keeps to its size budget),
// once the page has loaded, so a first visit's first paint never waits on it. A tab
// opened before an update keeps its version; the worker says so, and the note offers the new
// one, but never while the view is open: a reader mid-hold is not interrupted.
(function () {
  const WORKER = new URL("../sw.js", document.currentScript.src);
  if (!("serviceWorker" in navigator) || WORKER.origin !== location.origin) return;
  const workers = navigator.serviceWorker;
  let updated = false;

  function register() {
    workers.register(WORKER.href).catch(function () {}); // none under `make serve`: the guide works online
  }
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });

  workers.addEventListener("message", function (event) {
    if (event.data && event.data.type === "updated") {
      updated = true;
      showUpdate();
    }
  });
  // Once per page, instant navigation's too: is this tab's version still the newest?
  document$.subscribe(function () {
    if (workers.controller) workers.controller.postMessage({ type: "version" });
  });
  // The view is a <dialog>: its close event, heard on the way down, lets the note show.
  document.addEventListener("close", showUpdate, true);

  function showUpdate() {
    const note = document.querySelector("[data-update-note]");
    if (!updated || !note || "dismissed" in note.dataset || document.querySelector(".follow-along__view[open]")) return;
    note.hidden = false;
  }

  document.addEventListener("click", function (event) {
    const target = event.target instanceof Element ? event.target : null;
    const note = target && target.closest("[data-update-note]");
    if (!note) return;
    if (target.closest("[data-update-reload]")) location.reload();
    if (target.closest("[data-update-dismiss]")) {
      note.dataset.dismissed = "";
      note.hidden = true;
    }
  });
})();
