// Starts the theme's scripts once the page has painted (backguide/first_paint.py). Inline, with
// the same text on every page: one hash in every page's policy.
(function (loader) {
  var sources = loader.getAttribute("data-scripts").split(" ").filter(Boolean);
  var contentLoaded = document.readyState !== "loading";
  var started = false;
  document.addEventListener("DOMContentLoaded", function () {
    contentLoaded = true;
  });

  // Fetched side by side, run in their order (async = false).
  function start() {
    if (started) return;
    started = true;
    var scripts = sources.map(function (source) {
      var script = document.createElement("script");
      script.src = source;
      script.async = false;
      return document.body.appendChild(script);
    });
    if (!scripts.length) return;
    // Material starts on DOMContentLoaded, with its document$. When that came before its bundle
    // ran, Material is handed the document on its own document$, as it is after every instant
    // navigation: no browser event is faked, and every listener of the page hears each event once.
    var missed = false;
    scripts[0].addEventListener("load", function () {
      missed = contentLoaded;
    });
    scripts[scripts.length - 1].addEventListener("load", function () {
      if (missed && window.document$) window.document$.next(document);
    });
  }

  // A background tab paints nothing until it is shown: start at once, as for a browser
  // without paint timing.
  if (document.visibilityState === "hidden") return start();
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") start();
  });
  var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
  if (types.indexOf("paint") < 0) return start();
  // The first-contentful-paint entry comes once that frame is on screen; two more frames let
  // the rest of the first screen (the title, the warnings) paint before any script runs.
  new PerformanceObserver(function (list, observer) {
    if (!list.getEntriesByName("first-contentful-paint").length) return;
    observer.disconnect();
    requestAnimationFrame(function () {
      requestAnimationFrame(start);
    });
  }).observe({ type: "paint", buffered: true });
})(document.currentScript);
