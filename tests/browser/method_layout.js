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
    return {
      firstStep: step ? Math.round(pageTop(step)) : null,
      panelBottom: panel ? Math.round(pageTop(panel) + panel.getBoundingClientRect().height) : null,
      warnings: found,
    };
  }
  throw new Error(`method_layout.js has no measurement ${name}`);
};
