// Measurements the browser tests take inside a page; measure.py calls them as
// page.evaluate(thisFile, [name, argument]). Each returns the problems it finds, as
// sentences a person can act on, so a test can assert `== []` and show them all.
// (page.evaluate runs outside the page's Content-Security-Policy, so this works under one.)
([name, argument]) => {
  const MIN_TARGET = 24; // CSS px: WCAG 2.2, 2.5.8 Target Size (Minimum)
  const INTERACTIVE =
    'a[href], button, input:not([type="hidden"]), select, textarea, summary, label[for],' +
    ' [role="button"], [role="link"], [tabindex]:not([tabindex="-1"])';

  function isShown(element) {
    if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const box = element.getBoundingClientRect();
    // Off-canvas parts, like Material's drawer on a phone, are not on the screen.
    return box.width > 0 && box.height > 0 && box.right > 0 && box.left < innerWidth;
  }

  function describe(element) {
    const classes = [...element.classList].slice(0, 2).map((name) => "." + name).join("");
    const text = (element.getAttribute("aria-label") || element.textContent || "").trim().replace(/\s+/g, " ");
    return `<${element.tagName.toLowerCase()}${classes}> "${text.slice(0, 40)}"`;
  }

  // Where an element is on the page, not in the viewport, so scrolling does not matter.
  function pageBox(element) {
    const box = element.getBoundingClientRect();
    const left = box.left + scrollX;
    const top = box.top + scrollY;
    return { left, top, right: left + box.width, bottom: top + box.height, width: box.width, height: box.height };
  }

  function px(value) {
    return Math.round(value * 10) / 10;
  }

  // Colours ------------------------------------------------------------------------------

  function parseColor(text) {
    let match = text.match(/^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/);
    if (match) return { r: +match[1], g: +match[2], b: +match[3], a: match[4] === undefined ? 1 : +match[4] };
    match = text.match(/^color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)(?: \/ ([\d.]+))?\)$/);
    if (match) return { r: match[1] * 255, g: match[2] * 255, b: match[3] * 255, a: match[4] === undefined ? 1 : +match[4] };
    throw new Error(`measure.js cannot read the colour ${text}`);
  }

  function over(top, bottom) {
    const mix = (channel) => top[channel] * top.a + bottom[channel] * (1 - top.a);
    return { r: mix("r"), g: mix("g"), b: mix("b"), a: 1 };
  }

  // The colour behind an element: its own and its ancestors' backgrounds, layered.
  function backgroundOf(element) {
    const layers = [];
    for (let node = element; node; node = node.parentElement) {
      const colour = parseColor(getComputedStyle(node).backgroundColor);
      if (colour.a > 0) layers.push(colour);
      if (colour.a === 1) break;
    }
    let result = { r: 255, g: 255, b: 255, a: 1 }; // the canvas, if nothing is opaque
    if (layers.length && layers[layers.length - 1].a === 1) result = layers.pop();
    for (const layer of layers.reverse()) result = over(layer, result);
    return result;
  }

  function luminance({ r, g, b }) {
    const linear = (channel) => {
      const value = channel / 255;
      return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  }

  function contrastRatio(one, two) {
    const [light, dark] = [luminance(one), luminance(two)].sort((a, b) => b - a);
    return (light + 0.05) / (dark + 0.05);
  }

  function ownText(element) {
    return [...element.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent)
      .join("")
      .trim();
  }

  function contrastProblems(selector, backgroundFor) {
    const problems = [];
    let measured = 0;
    for (const root of document.querySelectorAll(selector)) {
      for (const element of [root, ...root.querySelectorAll("*")]) {
        const text = ownText(element);
        if (!text || !isShown(element)) continue;
        const style = getComputedStyle(element);
        const background = backgroundFor(element);
        const ratio = contrastRatio(over(parseColor(style.color), background), background);
        const size = parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && parseInt(style.fontWeight, 10) >= 700);
        const needed = large ? 3 : 4.5;
        measured += 1;
        if (ratio < needed) {
          const behind = `rgb(${[background.r, background.g, background.b].map(Math.round).join(", ")})`;
          problems.push(`${describe(element)} has contrast ${ratio.toFixed(2)}:1, needs ${needed}:1 (${style.color} on ${behind})`);
        }
      }
    }
    if (measured === 0) problems.push(`no text found under '${selector}'`);
    return problems;
  }

  // The checks ---------------------------------------------------------------------------

  const checks = {
    horizontalScrolling() {
      const page = document.documentElement;
      if (page.scrollWidth <= page.clientWidth) return [];
      const wide = [...document.body.querySelectorAll("*")]
        .filter((element) => isShown(element) && element.getBoundingClientRect().right > page.clientWidth + 0.5)
        .slice(0, 3)
        .map(describe);
      return [`the page is ${page.scrollWidth}px wide on a ${page.clientWidth}px screen (too wide: ${wide.join(", ")})`];
    },

    // WCAG 2.5.8 with its exceptions: a target in a sentence is exempt, and a small
    // target passes when a 24px circle on its centre touches no other target and no
    // other small target's circle. (The "equivalent control" exception is not claimed.)
    tapTargets() {
      const targets = [...document.querySelectorAll(INTERACTIVE)].filter(isShown).map((element) => {
        const box = pageBox(element);
        const centre = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        const small = box.width < MIN_TARGET - 0.01 || box.height < MIN_TARGET - 0.01;
        return { element, box, centre, small };
      });
      const inSentence = (element) => {
        if (getComputedStyle(element).display !== "inline") return false;
        let block = element.parentElement;
        while (block && getComputedStyle(block).display === "inline") block = block.parentElement;
        return block !== null && block.textContent.replace(element.textContent, "").trim() !== "";
      };
      const distanceToBox = (point, box) =>
        Math.hypot(
          Math.max(box.left - point.x, 0, point.x - box.right),
          Math.max(box.top - point.y, 0, point.y - box.bottom),
        );
      const problems = [];
      for (const target of targets) {
        if (!target.small || inSentence(target.element)) continue;
        const crowding = targets.find(
          (other) =>
            other !== target &&
            !other.element.contains(target.element) &&
            !target.element.contains(other.element) &&
            (other.small
              ? Math.hypot(other.centre.x - target.centre.x, other.centre.y - target.centre.y) < MIN_TARGET
              : distanceToBox(target.centre, other.box) < MIN_TARGET / 2),
        );
        if (crowding) {
          const size = `${px(target.box.width)}×${px(target.box.height)}px`;
          problems.push(`${describe(target.element)} is ${size} and too close to ${describe(crowding.element)}`);
        }
      }
      return problems;
    },

    // The safety admonitions: on the screen, open, and no smaller than the text around
    // them. With `stepHeading` (rules.STEP_HEADING), they must also sit above the first step.
    warnings(stepHeading) {
      const article = document.querySelector("article");
      const bodyText = parseFloat(getComputedStyle(article).fontSize);
      const warnings = [...article.querySelectorAll(".admonition.danger, .admonition.warning, details.danger, details.warning")];
      const problems = [];
      for (const warning of warnings) {
        const title = warning.querySelector(".admonition-title, summary")?.textContent.trim() || "untitled";
        const box = warning.getBoundingClientRect();
        const text = warning.querySelector(":scope > p:not(.admonition-title)") || warning;
        if (warning.tagName === "DETAILS" && !warning.open) problems.push(`'${title}' is collapsed`);
        else if (!isShown(warning)) problems.push(`'${title}' is not shown`);
        else if (box.left < -0.5 || box.right > document.documentElement.clientWidth + 0.5)
          problems.push(`'${title}' runs off the screen (${px(box.left)} to ${px(box.right)}px)`);
        const size = parseFloat(getComputedStyle(text).fontSize);
        if (size < bodyText) problems.push(`'${title}' is in ${size}px text, smaller than the page's ${bodyText}px`);
      }
      if (stepHeading) {
        const stepPattern = new RegExp(stepHeading, "i");
        const firstStep = [...article.querySelectorAll("ol, h2, h3, h4, h5, h6")].find((element) =>
          element.tagName === "OL"
            ? !element.closest(".admonition, details")
            : stepPattern.test(element.textContent.trim()),
        );
        if (!warnings.some((warning) => warning.classList.contains("danger")))
          problems.push("no danger admonition ('Stop if it hurts') on a method page");
        if (!firstStep) problems.push("no first step found");
        for (const warning of firstStep ? warnings : []) {
          if (warning.getBoundingClientRect().top >= firstStep.getBoundingClientRect().top) {
            const title = warning.querySelector(".admonition-title, summary")?.textContent.trim();
            problems.push(`'${title}' is shown below the first step`);
          }
        }
      }
      return problems;
    },

    // Numbered steps a reader can follow: numbers shown with room for them, text at
    // least 16px with a line height of 1.5 or more, and space between the items.
    stepLists() {
      const article = document.querySelector("article");
      const lists = [...article.querySelectorAll("ol")].filter((list) => !list.closest(".admonition, details"));
      const problems = [];
      for (const [index, list] of lists.entries()) {
        const name = `step list ${index + 1}`;
        const listStyle = getComputedStyle(list).listStyleType;
        if (listStyle !== "decimal") problems.push(`${name} shows '${listStyle}' instead of numbers`);
        const items = [...list.children].filter((child) => child.tagName === "LI");
        items.forEach((item, number) => {
          const style = getComputedStyle(item);
          const size = parseFloat(style.fontSize);
          const lineHeight = style.lineHeight === "normal" ? size * 1.2 : parseFloat(style.lineHeight);
          const room = item.getBoundingClientRect().left - article.getBoundingClientRect().left;
          const step = `${name}, item ${number + 1}`;
          if (style.display !== "list-item") problems.push(`${step} is not a list item (no number)`);
          if (size < 16) problems.push(`${step} is in ${size}px text (less than 16px)`);
          if (lineHeight < 1.5 * size - 0.01) problems.push(`${step} has a line height of ${px(lineHeight / size)}`);
          if (room < 1.5 * size) problems.push(`${step} leaves ${px(room)}px for its number`);
          const next = items[number + 1];
          if (next) {
            const gap = next.getBoundingClientRect().top - item.getBoundingClientRect().bottom;
            if (gap < 0.5 * size - 0.01) problems.push(`${step} is ${px(gap)}px from the next item`);
          }
        });
      }
      return problems;
    },

    // A heading reached by its link: whole, below the sticky header, inside the window.
    headingInView(id) {
      const heading = document.getElementById(id);
      if (!heading) return [`no element has the id '${id}'`];
      const box = heading.getBoundingClientRect();
      const header = document.querySelector("header");
      const position = header ? getComputedStyle(header).position : "static";
      const headerBottom = ["sticky", "fixed"].includes(position) ? header.getBoundingClientRect().bottom : 0;
      const problems = [];
      if (box.top < headerBottom - 0.5) problems.push(`#${id} is ${px(headerBottom - box.top)}px under the header`);
      if (box.bottom > innerHeight + 0.5) problems.push(`#${id} ends ${px(box.bottom - innerHeight)}px below the window`);
      return problems;
    },

    // Every piece of text under `selector` against the colour really behind it: 4.5:1,
    // or 3:1 for large text (24px, or 18.66px bold), as WCAG 1.4.3 asks.
    contrast(selector) {
      return contrastProblems(selector, backgroundOf);
    },

    // Every line of every drawing under `selector` against what it is drawn on: the page
    // behind the drawing, and the mat that floor drawings lie on. WCAG 1.4.11 asks 3:1 for
    // graphics a reader needs to understand the content. Returns the problems, and how many
    // lines were measured (a selector that finds no drawing is a problem too).
    drawingContrast(selector) {
      const problems = [];
      let measured = 0;
      for (const art of document.querySelectorAll(selector)) {
        if (!isShown(art)) continue;
        const near = (art.closest("li, a, figure, aside")?.textContent || "").trim().replace(/\s+/g, " ").slice(0, 30);
        const name = art.querySelector("title")?.id || `${art.getAttribute("class")} ("${near}")`;
        const page = backgroundOf(art);
        const grounds = [["the page", page]];
        for (const mat of art.querySelectorAll(".mat")) {
          grounds.push(["the mat", over(parseColor(getComputedStyle(mat).fill), page)]);
        }
        for (const shape of art.querySelectorAll("path, circle, line, polyline, polygon, rect, ellipse")) {
          const style = getComputedStyle(shape);
          if (style.stroke === "none" || parseFloat(style.strokeWidth) === 0 || style.display === "none") continue;
          const opacity = parseFloat(style.strokeOpacity) * parseFloat(style.opacity);
          const stroke = parseColor(style.stroke);
          const kind = shape.getAttribute("class") || shape.tagName;
          for (const [where, ground] of grounds) {
            const ratio = contrastRatio(over({ ...stroke, a: stroke.a * opacity }, ground), ground);
            measured += 1;
            if (ratio < 3) {
              const behind = `rgb(${[ground.r, ground.g, ground.b].map(Math.round).join(", ")})`;
              problems.push(`${name}: a .${kind} line has contrast ${ratio.toFixed(2)}:1 on ${where}, needs 3:1 (${style.stroke} on ${behind})`);
            }
          }
        }
      }
      if (measured === 0) problems.push(`no drawing found under '${selector}'`);
      return [...new Set(problems)];
    },

    // The same on paper: a browser prints no backgrounds unless asked, so text meets white.
    contrastOnPaper(selector) {
      return contrastProblems(selector, () => ({ r: 255, g: 255, b: 255, a: 1 }));
    },
  };

  // Material fades colours when the palette or the media changes, and slides its menu in;
  // measure the end state.
  for (const animation of document.getAnimations()) {
    try {
      animation.finish();
    } catch {
      // An endless animation cannot finish; it is not one of Material's fades.
    }
  }
  return checks[name](argument);
}
