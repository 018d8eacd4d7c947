// The rendered gate's one probe (backguide/rendered): evaluated once per page and moment,
// it returns every measurement at once, as data; backguide/rendered/judge.py words the problems.
// page.evaluate runs it outside the page's Content-Security-Policy, as DevTools does.
async ({ warnings, lines, stepPattern, paper, minFont, minContrast, minOpacity, collectText, settle }) => {
  // The page at rest: transitions and finite animations under way are let finish (at most 1 s),
  // so a colour is read as it settles, not half-way through the theme's fade.
  const settling = document.getAnimations().filter((one) => one.playState === "running" && one.effect && one.effect.getTiming().iterations !== Infinity);
  // (With scripts off the page runs no timers, so there the page is read as it is.)
  if (settle && settling.length) await Promise.race([Promise.all(settling.map((one) => one.finished.catch(() => null))), new Promise((done) => setTimeout(done, 1000))]);
  const root = document.documentElement;
  const viewWidth = root.clientWidth;
  const viewHeight = innerHeight;
  const startY = scrollY;
  const startX = scrollX;
  const norm = (text) => (text || "").replace(/\s+/g, " ").trim();

  // Hit tests see every element, also one a stylesheet made click-through (pointer-events: none):
  // an overlay hides text whether or not it takes taps. A constructed sheet, not a DOM change.
  const clickable = new CSSStyleSheet();
  clickable.replaceSync("*, *::before, *::after { pointer-events: auto !important; }");
  const sheets = document.adoptedStyleSheets;
  document.adoptedStyleSheets = [...sheets, clickable];

  function describe(element) {
    if (!element) return "nothing";
    const classes = [...element.classList].slice(0, 2).map((name) => "." + name).join("");
    const id = element.id ? "#" + element.id : "";
    return `<${element.tagName.toLowerCase()}${id}${classes}>`;
  }

  // Colours -------------------------------------------------------------------------------
  const probe = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
  function parseColor(text) {
    let match = text.match(/^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/);
    if (match) return { r: +match[1], g: +match[2], b: +match[3], a: match[4] === undefined ? 1 : +match[4] };
    match = text.match(/^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+))?\)$/);
    if (match) return { r: match[1] * 255, g: match[2] * 255, b: match[3] * 255, a: match[4] === undefined ? 1 : +match[4] };
    // Any other colour syntax (oklch, system colours): let the canvas resolve it to sRGB.
    probe.clearRect(0, 0, 1, 1);
    probe.fillStyle = "rgba(0,0,0,0)";
    probe.fillStyle = text;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
    return { r, g, b, a: a / 255 };
  }
  const over = (top, bottom) => {
    const mix = (channel) => top[channel] * top.a + bottom[channel] * (1 - top.a);
    return { r: mix("r"), g: mix("g"), b: mix("b"), a: 1 };
  };
  function luminance({ r, g, b }) {
    const linear = (channel) => {
      const value = channel / 255;
      return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  }
  function ratio(one, two) {
    const [light, dark] = [luminance(one), luminance(two)].sort((a, b) => b - a);
    return (light + 0.05) / (dark + 0.05);
  }
  // The colour behind an element: its own and its ancestors' backgrounds, layered on the canvas.
  // On paper with background graphics off, the paper is white and no background prints.
  function backgroundOf(element) {
    if (paper) return { colour: { r: 255, g: 255, b: 255, a: 1 }, image: null };
    const layers = [];
    let image = null;
    for (let node = element; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.backgroundImage !== "none" && !image) image = describe(node);
      const colour = parseColor(style.backgroundColor);
      if (colour.a > 0) layers.push(colour);
      if (colour.a === 1) break;
    }
    let result = { r: 255, g: 255, b: 255, a: 1 };
    if (layers.length && layers[layers.length - 1].a === 1) result = layers.pop();
    for (const layer of layers.reverse()) result = over(layer, result);
    return { colour: result, image };
  }

  // What CSS content: adds to an element's ::before and ::after, as text; "" is an icon or a rule.
  function pseudoTexts(element) {
    const found = [];
    for (const which of ["::before", "::after"]) {
      const style = getComputedStyle(element, which);
      const content = style.content;
      if (!content || content === "none" || content === "normal" || style.display === "none") continue;
      if (content === '""' || content === "''") continue;
      const quoted = content.match(/^"((?:[^"\\]|\\.)*)"$/);
      found.push({ where: describe(element) + which, text: quoted ? quoted[1].replace(/\\(.)/g, "$1") : content });
    }
    return found;
  }

  // A positioned ::before/::after with a box: where it paints, as far as its computed box says.
  function pseudoBoxes(element) {
    const boxes = [];
    for (const which of ["::before", "::after"]) {
      const style = getComputedStyle(element, which);
      if (!style.content || ["none", "normal"].includes(style.content) || style.display === "none") continue;
      if (style.position === "static") continue;
      let block = element;
      if (style.position === "fixed") block = null;
      else while (block && block !== root && getComputedStyle(block).position === "static") block = block.parentElement;
      const frame = block ? block.getBoundingClientRect() : { left: 0, top: 0, width: viewWidth, height: viewHeight };
      const number = (value, fallback) => (/px$/.test(value) ? parseFloat(value) : fallback);
      const width = number(style.width, frame.width);
      const height = number(style.height, frame.height);
      const left = frame.left + number(style.left, 0);
      const top = frame.top + number(style.top, 0);
      boxes.push({ where: describe(element) + which, left, top, right: left + width, bottom: top + height, paints: width > 0 && height > 0 });
    }
    return boxes;
  }

  // Every line box of the text under `box`, with the element that holds it.
  function textLines(box) {
    const found = [];
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim()) continue;
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()].filter((rect) => rect.width > 0.5 && rect.height > 0.5);
      found.push({ node, parent: node.parentElement, rects: rects.map((rect) => ({ left: rect.left, top: rect.top, width: rect.width, height: rect.height })) });
    }
    return found;
  }

  // Whether the text of one element can be read, style by style, up to the root.
  function styleProblems(element, box) {
    const problems = [];
    const style = getComputedStyle(element);
    if (style.visibility !== "visible") problems.push(`is invisible (visibility: ${style.visibility})`);
    const rect = element.getBoundingClientRect();
    const scale = element.offsetHeight > 0 && rect.height > 0 ? rect.height / element.offsetHeight : 1;
    const size = parseFloat(style.fontSize) * scale;
    if (size < minFont - 0.01) problems.push(`is in ${Math.round(size * 10) / 10} px text (at least ${minFont} px)`);
    let opacity = 1;
    for (let node = element; node; node = node.parentElement) {
      const own = getComputedStyle(node);
      opacity *= parseFloat(own.opacity);
      if (own.filter !== "none") problems.push(`is filtered (filter: ${own.filter} on ${describe(node)})`);
      if (own.backdropFilter && own.backdropFilter !== "none" && node !== element) {
        /* a backdrop filter blurs what is behind the element, not the element's own text */
      }
      if (own.mixBlendMode !== "normal") problems.push(`is blended into what is behind it (mix-blend-mode: ${own.mixBlendMode} on ${describe(node)})`);
      if (own.clipPath !== "none") problems.push(`is clipped (clip-path: ${own.clipPath} on ${describe(node)})`);
      if (own.clip && own.clip !== "auto" && own.position !== "static") problems.push(`is clipped (clip: ${own.clip} on ${describe(node)})`);
      const mask = own.maskImage || own.webkitMaskImage;
      if (mask && mask !== "none") problems.push(`is masked (mask-image on ${describe(node)})`);
    }
    if (opacity < minOpacity) problems.push(`is faded (opacity ${Math.round(opacity * 100) / 100})`);
    // The text paints in -webkit-text-fill-color (which follows color unless set); forced colours override both.
    const forced = matchMedia("(forced-colors: active)").matches && style.forcedColorAdjust !== "none";
    const fill = parseColor((!forced && style.webkitTextFillColor) || style.color);
    const behind = backgroundOf(element);
    if (behind.image) problems.push(`sits on a background image (${behind.image}), against which its contrast cannot be measured`);
    const contrast = ratio(over(fill, behind.colour), behind.colour);
    if (contrast < minContrast) {
      const rgb = (c) => `rgb(${[c.r, c.g, c.b].map(Math.round).join(", ")})`;
      problems.push(`is not readable (contrast ${contrast.toFixed(1)}:1, at least ${minContrast}:1: ${describe(element)} in ${rgb(fill)} on ${rgb(behind.colour)})`);
    }
    return problems;
  }

  // Clipping by an ancestor that scrolls or hides its overflow: the line must lie inside it.
  function clippedBy(parent, rect) {
    for (let node = parent; node && node !== document.body && node !== root; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.overflowX === "visible" && style.overflowY === "visible") continue;
      const frame = node.getBoundingClientRect();
      if (rect.left < frame.left - 1 || rect.right > frame.right + 1 || rect.top < frame.top - 1 || rect.bottom > frame.bottom + 1)
        return describe(node);
    }
    return null;
  }

  function pageTop(rect) {
    return rect.top + scrollY;
  }

  // One text block (a warning, or the follow-along view's safety line), judged whole.
  function judge(box, expected) {
    const problems = [];
    const shown = norm(box.innerText);
    // Punctuation a stylesheet sets after a run-in title (":") is typography; a letter or a digit is a word.
    const added = [box, ...box.querySelectorAll("*")].flatMap(pseudoTexts).filter((one) => /[\p{L}\p{N}]/u.test(one.text) || one.text.length > 3);
    for (const extra of added) problems.push(`has words added by a stylesheet (content: "${extra.text}" on ${extra.where})`);
    if (expected !== null && shown !== norm(expected)) problems.push(`reads "${shown.slice(0, 160)}" instead of its include's text`);
    const boxRect = box.getBoundingClientRect();
    if (!box.getClientRects().length) return { problems: [...problems, "is not shown (display: none)"], top: null, bottom: null };
    if (boxRect.width < 1 || boxRect.height < 1) problems.push(`has no size (${Math.round(boxRect.width)}×${Math.round(boxRect.height)} px)`);
    const found = textLines(box);
    const styles = new Map();
    const pseudo = [box, ...box.querySelectorAll("*")].flatMap(pseudoBoxes).filter((one) => one.paints);
    for (const { parent, rects, node } of found) {
      if (!rects.length) {
        problems.push(`has text that is not shown ("${norm(node.textContent).slice(0, 40)}")`);
        continue;
      }
      if (!styles.has(parent)) styles.set(parent, styleProblems(parent, box));
      for (const rect of rects) {
        const right = rect.left + rect.width;
        if (rect.left < -0.5 || right > viewWidth + 0.5) {
          problems.push(`has a line off the screen, to the ${rect.left < -0.5 ? "left" : "right"}`);
          continue;
        }
        const clip = clippedBy(parent, { left: rect.left, top: rect.top, right, bottom: rect.top + rect.height });
        if (clip) problems.push(`has a line cut off by ${clip}`);
        for (const one of pseudo) {
          if (one.left < right && one.right > rect.left && one.top < rect.top + rect.height && one.bottom > rect.top)
            problems.push(`has a line covered by ${one.where}`);
        }
      }
    }
    for (const found of styles.values()) problems.push(...found);
    // Each line, scrolled to the middle of the window: the element holding it is on top at its centre.
    for (const { parent, node } of found) {
      const range = document.createRange();
      range.selectNodeContents(node);
      const count = [...range.getClientRects()].filter((rect) => rect.width > 0.5 && rect.height > 0.5).length;
      for (let index = 0; index < count; index++) {
        let rect = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5)[index];
        const target = pageTop(rect) + rect.height / 2 - viewHeight / 2;
        window.scrollTo({ left: 0, top: target, behavior: "instant" });
        rect = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5)[index];
        const x = rect.left + rect.width / 2;
        const y = rect.top + rect.height / 2;
        if (y < 0 || y > viewHeight) {
          problems.push(`has a line that cannot be scrolled into view ("${norm(node.textContent).slice(0, 40)}")`);
          break;
        }
        const hit = document.elementFromPoint(x, y);
        if (hit !== parent) {
          problems.push(`is covered by ${describe(hit)} ("${norm(node.textContent).slice(0, 40)}")`);
          break;
        }
      }
    }
    window.scrollTo({ left: startX, top: startY, behavior: "instant" });
    const after = box.getBoundingClientRect();
    return { problems: [...new Set(problems)], top: pageTop(after), bottom: after.bottom + scrollY };
  }

  function titleOf(box) {
    const title = box.querySelector(":scope > .admonition-title, :scope > summary");
    return title ? norm(title.textContent) : null;
  }

  function firstStep() {
    const article = document.querySelector("article");
    if (!article || !stepPattern) return null;
    const pattern = new RegExp(stepPattern, "i");
    return [...article.querySelectorAll("ol, h2, h3, h4, h5, h6")].find((element) =>
      element.tagName === "OL" ? !element.closest(".admonition, details, template, dialog") : pattern.test(norm(element.textContent)),
    );
  }

  const result = { scrollY: startY, width: viewWidth, height: viewHeight, warnings: [], lines: [], text: null };
  try {
    const step = firstStep();
    const stepTop = step ? step.getBoundingClientRect().top + scrollY : null;
    if (stepPattern && !step) result.noStep = true;
    for (const warning of warnings) {
      const boxes = [...document.querySelectorAll("article .admonition, article details")].filter(
        (box) => titleOf(box) === norm(warning.title),
      );
      if (!boxes.length) {
        result.warnings.push({ title: warning.title, problems: ["is not on the page"] });
        continue;
      }
      const verdict = judge(boxes[0], warning.text);
      if (stepTop !== null && verdict.top !== null && verdict.top >= stepTop) verdict.problems.push("is shown below the first step");
      result.warnings.push({ title: warning.title, problems: verdict.problems });
    }
    for (const line of lines || []) {
      const boxes = [...document.querySelectorAll(line.selector)].filter((box) => box.closest("dialog[open]"));
      if (!boxes.length) {
        result.lines.push({ name: line.name, problems: ["is not on the screen"] });
        continue;
      }
      const verdict = judge(boxes[0], line.text);
      const link = boxes[0].querySelector("a[href]");
      if (!link) verdict.problems.push("has no link to the urgent help");
      else if (line.href && !(link.pathname === new URL(line.href, location.href).pathname && link.hash === "#" + line.href.split("#")[1]))
        verdict.problems.push(`links to ${link.getAttribute("href")}, not to the urgent help (${line.href})`);
      result.lines.push({ name: line.name, problems: verdict.problems });
    }
    if (collectText) {
      const article = document.querySelector("article") || document.body;
      const added = [...document.body.querySelectorAll("*")].flatMap(pseudoTexts).map((one) => one.text);
      result.text = { html: article.outerHTML, added, title: document.title };
    }
  } finally {
    document.adoptedStyleSheets = sheets;
    window.scrollTo({ left: startX, top: startY, behavior: "instant" });
  }
  return result;
};
