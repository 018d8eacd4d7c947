// Measurements of a method page's layout, run by test_method_layout.py as
// page.evaluate(thisFile, [name, argument]). Each returns what a test needs, or the problems found.
([name, argument]) => {
  // Where an element is on the page, not in the viewport, so scrolling does not matter.
  function pageTop(element) {
    return element.getBoundingClientRect().top + scrollY;
  }

  // The first step: the first item of the first numbered list outside the warnings and the option map.
  function firstStep() {
    const list = [...document.querySelectorAll("article ol")].find((ol) => !ol.closest(".admonition, details, nav"));
    return list ? list.querySelector("li") : null;
  }

  // Why a reader would not see this element, or null if they would.
  function hiddenBecause(element) {
    for (let node = element; node && node !== document.documentElement; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.display === "none") return `display:none on ${describe(node)}`;
      if (style.contentVisibility === "hidden") return `content-visibility:hidden on ${describe(node)}`;
      if (parseFloat(style.opacity) === 0) return `opacity:0 on ${describe(node)}`;
    }
    const own = getComputedStyle(element);
    if (own.visibility !== "visible") return `visibility:${own.visibility}`;
    const box = element.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) return `a ${Math.round(box.width)}x${Math.round(box.height)} box`;
    if (box.right <= 0 || box.left >= innerWidth) return "off the side of the screen";
    if (pageTop(element) + box.height <= 0) return "above the top of the page";
    // Clipped by an ancestor that hides its overflow, e.g. a zero-height wrapper.
    for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.overflow === "visible" && style.clipPath === "none") continue;
      const clip = node.getBoundingClientRect();
      const shown = Math.min(box.bottom, clip.bottom) - Math.max(box.top, clip.top);
      if (shown < box.height / 2) return `clipped by ${describe(node)}`;
    }
    return null;
  }

  function describe(element) {
    const classes = [...element.classList].slice(0, 2).map((c) => "." + c).join("");
    return `<${element.tagName.toLowerCase()}${classes}>`;
  }

  function title(admonition) {
    const found = admonition.querySelector(":scope > .admonition-title, :scope > summary");
    return found ? found.textContent.trim() : "";
  }

  if (name === "layout") {
    // argument: the titles of the warnings the page must show above its first step
    const step = firstStep();
    const warnings = [...document.querySelectorAll("article .admonition, article details")];
    const found = argument.map((wanted) => {
      const box = warnings.find((node) => title(node) === wanted);
      if (!box) return { title: wanted, missing: true };
      return { title: wanted, bottom: Math.round(pageTop(box) + box.getBoundingClientRect().height), hidden: hiddenBecause(box) };
    });
    const panel = document.querySelector("article .safety-panel");
    // The safety content above the first step: the panel, and the source's cautions set just
    // before step 1 (CONTENT.md, "Cautions and prerequisites").
    const safety = [panel, ...document.querySelectorAll("article .before-the-steps")].filter(
      (node) => node && step && node.compareDocumentPosition(step) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
    return {
      firstStep: step ? Math.round(pageTop(step)) : null,
      panelBottom: panel ? Math.round(pageTop(panel) + panel.getBoundingClientRect().height) : null,
      safetyHeight: Math.round(safety.reduce((sum, node) => sum + node.getBoundingClientRect().height, 0)),
      warnings: found,
    };
  }
  if (name === "covered") {
    // argument: the titles of the warnings. At points across each warning's box, the
    // element the reader's finger or eye meets must be the warning itself, not something
    // laid over it (a ::before/::after, a positioned box, a banner).
    const warnings = [...document.querySelectorAll("article .admonition, article details")];
    const found = [];
    for (const wanted of argument) {
      const box = warnings.find((node) => title(node) === wanted);
      if (!box) continue;
      box.scrollIntoView({ block: "center", behavior: "instant" });
      const rect = box.getBoundingClientRect();
      for (const fx of [0.1, 0.5, 0.9]) {
        for (const fy of [0.15, 0.5, 0.85]) {
          const x = rect.left + rect.width * fx;
          const y = rect.top + rect.height * fy;
          if (y < 0 || y >= innerHeight || x < 0 || x >= innerWidth) continue;
          const hit = document.elementFromPoint(x, y);
          if (!hit || !box.contains(hit)) {
            found.push(`'${wanted}' is covered at (${Math.round(fx * 100)}%, ${Math.round(fy * 100)}%) by ${hit ? describe(hit) : "nothing"}`);
            break;
          }
        }
      }
    }
    scrollTo(0, 0);
    return found;
  }
  throw new Error(`method_layout.js has no measurement ${name}`);
};
