// Search with Pagefind (backguide/search.py builds the index into /pagefind/). Pagefind's
// Component UI does the searching and the results; this file only opens and closes the
// dialog, points the UI at the index, and adds the few things the UI leaves to the site.

// Wrapped so that nothing here becomes a global of the page.
(function () {
  // This file is SITE/javascripts/search.js, so the site's root is one folder up. Worked out
  // once, from the first page, so it holds after instant navigation and under any sub-path.
  const ROOT = new URL("..", document.currentScript.src);
  const BUNDLE = new URL("pagefind/", ROOT);
  const HIGHLIGHT_PARAM = "highlight";
  const STYLESHEET = new URL("pagefind-component-ui.css", BUNDLE).href;
  // Ranking: Pagefind's defaults (https://pagefind.app/docs/ranking/), which put a word in
  // the title or a heading well above one in passing. Measured on the queries of
  // tests/browser/search_queries.yml, tuned knobs did no better than the defaults; what
  // does help is in the index itself (backguide/search.py: the texts every method page
  // repeats weigh less).

  let uiLoaded = null;

  // The urgent answer (urgent-answer.js, with the words of search/urgent-signs.json): loaded
  // with the UI, the first time search opens, and matched on every change of the query.
  const URGENT_SIGNS = new URL("search/urgent-signs.json", ROOT);
  const URGENT_MODULE = new URL("javascripts/urgent-answer.js", ROOT);
  const SEARCH_INPUT = "[data-search-dialog] pagefind-input input";
  let urgentLoaded = null;
  let urgentShown = "";

  function loadUrgent() {
    if (!urgentLoaded) {
      urgentLoaded = Promise.all([
        import(URGENT_MODULE.href),
        fetch(URGENT_SIGNS).then((response) => {
          if (!response.ok) throw new Error(`${URGENT_SIGNS}: ${response.status}`);
          return response.json();
        }),
      ]).then(([module, data]) => ({ module, matcher: module.prepare(data) }));
      urgentLoaded.catch(() => {
        urgentLoaded = null; // offline with nothing cached: try again when search next opens
      });
    }
    return urgentLoaded;
  }

  // Above the results, the lists whose signs the query names; the region is changed only
  // when they change, so a screen reader says it once, not at every key.
  async function answerUrgently(query) {
    const region = document.querySelector("[data-urgent-answer]");
    if (!region) return;
    const { module, matcher } = await loadUrgent();
    const answers = module.match(matcher, query);
    const shown = JSON.stringify(answers);
    if (shown === urgentShown) return;
    urgentShown = shown;
    region.replaceChildren(...module.render(answers, ROOT));
  }

  document.addEventListener("input", function (event) {
    if (event.target instanceof Element && event.target.matches(SEARCH_INPUT)) {
      answerUrgently(event.target.value).catch(() => {});
    }
  });

  function dialog() {
    return document.querySelector("[data-search-dialog]");
  }

  // Pagefind's stylesheet (a file: the CSP refuses inline styles), once the UI is loaded.
  // Material's instant navigation removes the <head> elements the next page lacks, this link
  // among them, so it is put back on every page document$ gives.
  function addStylesheet() {
    const links = document.head.querySelectorAll('link[rel="stylesheet"]');
    if ([...links].some((link) => link.href === STYLESHEET)) return;
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = STYLESHEET;
    document.head.appendChild(link);
  }

  function addScript(src) {
    return new Promise(function (resolve, reject) {
      const script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  // Pagefind's UI, its stylesheet and the settings of its search, loaded the first time the
  // reader opens search, never before.
  function loadUI() {
    if (!uiLoaded) {
      addStylesheet();
      uiLoaded = addScript(new URL("pagefind-component-ui.js", BUNDLE).href).then(function () {
        const instance = window.PagefindComponents.getInstanceManager().getInstance("default");
        instance.options.bundlePath = BUNDLE.href;
        Object.assign(instance.pagefindOptions, {
          baseUrl: ROOT.pathname,
          highlightParam: HIGHLIGHT_PARAM,
        });
        retryWithoutUnknownWords(instance);
        // Every search the UI runs, typed or not: its Clear button and Escape empty the box
        // without an input event, and the answer must go with the words that named it.
        instance.on("search", function (term) {
          answerUrgently(term || "").catch(() => {});
        });
      });
    }
    return uiLoaded;
  }

  // Pagefind finds only pages that have every word of the query, so "twist sitting down"
  // finds nothing: the sitting page never says "down". When a query finds nothing, search
  // again without one of its words, then two, and show the search Pagefind scores highest.
  // The UI keeps the search object it loads in `__pagefind__` (Pagefind has no option for
  // this), so its `search` is wrapped there, once, as it is loaded.
  const MOST_WORDS_LEFT_OUT = 2;

  function withoutWords(words, count) {
    if (count === 0) return [words];
    const shorter = [];
    words.forEach(function (_, i) {
      for (const rest of withoutWords(words.slice(i + 1), count - 1)) shorter.push(words.slice(0, i).concat(rest));
    });
    return shorter;
  }

  function retryWithoutUnknownWords(instance) {
    let loaded = null;
    Object.defineProperty(instance, "__pagefind__", {
      configurable: true,
      get: function () {
        return loaded;
      },
      set: function (pagefind) {
        loaded = pagefind;
        if (!pagefind) return;
        const search = pagefind.search.bind(pagefind);
        pagefind.search = async function (term, options) {
          return bestSectionsFirst(await searchKeepingWords(term, options));
        };
        async function searchKeepingWords(term, options) {
          const found = await search(term, options);
          const words = (term || "").split(/\s+/).filter(Boolean);
          if (!found || found.results.length) return found;
          for (let leftOut = 1; leftOut <= Math.min(MOST_WORDS_LEFT_OUT, words.length - 1); leftOut++) {
            const tries = await Promise.all(
              withoutWords(words, leftOut).map((kept) => search(kept.join(" "), options))
            );
            const best = tries
              .filter((tried) => tried && tried.results.length)
              .sort((a, b) => b.results[0].score - a.results[0].score)[0];
            if (best) return best;
          }
          return found;
        }
      },
    });
  }

  // Under a page's card the UI lists its matching sections in page order, so on the floor
  // page "knees to chest" shows Option #1 (which says "knee") above Option #3. Readers want
  // the section that answers them first: sort by Pagefind's own score of each section's words.
  function sectionScore(section) {
    return (section.weighted_locations || []).reduce((sum, location) => sum + location.balanced_score, 0);
  }

  function bestSectionsFirst(found) {
    if (!found || !found.results) return found;
    for (const result of found.results) {
      const load = result.data;
      result.data = async function () {
        const data = await load.apply(this, arguments);
        if (data && Array.isArray(data.sub_results)) {
          data.sub_results.sort((a, b) => sectionScore(b) - sectionScore(a));
        }
        return data;
      };
    }
    return found;
  }

  async function openSearch() {
    const box = dialog();
    if (!box) return;
    if (!box.open) box.showModal();
    loadUrgent().catch(() => {});
    await loadUI();
    await customElements.whenDefined("pagefind-input");
    const input = box.querySelector("pagefind-input input");
    if (input) {
      input.focus();
      input.select();
      answerUrgently(input.value).catch(() => {}); // what was typed before the words loaded
    }
  }

  function closeSearch() {
    const box = dialog();
    if (box && box.open) box.close();
  }

  function isTyping(target) {
    return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  // Event delegation on the document: the header survives instant navigation, and any
  // button that opens search works however the page got here.
  document.addEventListener("click", function (event) {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    if (target.closest("[data-search-open]")) {
      openSearch();
    } else if (target.closest("[data-search-close]")) {
      closeSearch();
    } else if (target.matches("[data-search-dialog]")) {
      closeSearch(); // a click on the backdrop, outside the dialog's content
    } else if (target.closest("[data-search-dialog] a[href]")) {
      closeSearch(); // a result: instant navigation keeps this document, so close by hand
    }
  });

  // "/" and "s" open search, as with Material's own search.
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    if (event.key === "/" || event.key === "s") {
      event.preventDefault();
      openSearch();
    }
  });

  // The reader lands on a result with the words they typed in the address
  // (?highlight=…): mark them in the article. document$ fires for each page instant
  // navigation shows; location$ also for a result on the page already open, where only
  // the address changes. addStyles: false, because the CSP refuses the <style> Pagefind
  // would add; stylesheets/search.css styles the marks.
  async function highlight() {
    const words = new URL(location.href).searchParams.getAll(HIGHLIGHT_PARAM).join(" ");
    const article = document.querySelector("article");
    if (!words || !article || article.dataset.highlighted === words) return;
    article.dataset.highlighted = words; // once per article and query: marks must not nest
    const module = await import(new URL("pagefind-highlight.js", BUNDLE).href);
    new module.default({ highlightParam: HIGHLIGHT_PARAM, markContext: article, addStyles: false });
  }

  document$.subscribe(function () {
    if (uiLoaded) addStylesheet();
    highlight();
  });
  location$.subscribe(highlight);
})();
