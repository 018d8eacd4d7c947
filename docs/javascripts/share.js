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
