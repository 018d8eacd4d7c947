// `node optimise/optimise.mjs SITE`: make the built site paint like a bare page.
//
// 1. Merge the stylesheets every page links (Material's main and palette CSS, the site's
//    extra.css, whatever a later change adds) into one, with the rules no page or script
//    can use dropped by PurgeCSS.
// 2. On every page, Beasties inlines the rules that page uses, in its HTML and in the
//    states scripts give it (RUNTIME_RULES), and the links go. The page then needs no
//    stylesheet at all: nothing to wait for before the first paint and nothing to fetch
//    after it. Material's instant navigation brings each page's <style> with the page.
//    The merged CSS is only Beasties' input, held in memory, and the linked files are deleted.
//
// The CSP tag of each rewritten page is removed here; `python -m backguide.optimise`
// writes a new one over the final bytes. Output is deterministic: same site in, same bytes out.
import { readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import Beasties from "beasties";
import { selectAll } from "css-select";
import { parseDocument } from "htmlparser2";
import { PurgeCSS } from "purgecss";
import purgeFromHtml from "purgecss-from-html";

// Words PurgeCSS cannot see in the HTML or the scripts but the browser still matches:
// Material sets palette, state and toggle attributes at runtime, and Pagefind's UI builds
// its markup in script. Kept whole, generously, so a later theme or search change is safe.
const SAFELIST = {
  standard: [/^pagefind/, /^focus-visible$/, /^js$/, /^no-js$/],
  deep: [/^pagefind/],
  greedy: [/pagefind/, /__palette/, /__drawer/, /__search/],
  // Colour variables feed each other (slate's --md-hue), and PurgeCSS cannot follow every
  // such chain, so they stay; icons, and the colours of code highlighting, diagrams and
  // statuses (features the guide does not use), go when no kept rule reads them.
  variables: [/^--(?!.*icon)(?!md-mermaid)(?!md-code-hl)(?!md-status)/],
};
// Attributes scripts set at runtime: rules on them are kept whatever their value.
const DYNAMIC_ATTRIBUTES = ["data-md-state", "data-md-toggle", "data-md-component", "data-md-scrollfix", "hidden", "open",
  "checked"];
// The palette script switches the colour scheme before the first paint, so the inlined CSS
// must hold the colours of every scheme the palette offers, not just those of the static HTML.
function paletteRules(html) {
  const values = new Set(selectAll("[data-md-color-scheme],[data-md-color-primary],[data-md-color-accent]", parseDocument(html))
    .flatMap((node) => ["scheme", "primary", "accent"].map((key) => node.attribs[`data-md-color-${key}`]))
    .filter(Boolean));
  return [...values].map((value) => new RegExp(`\\[data-md-color-(scheme|primary|accent)="?${value}"?\\]`));
}

// Material's scripts add state classes to the components a page has (md-nav__link--active,
// md-header--shadow, md-typeset__scrollwrap around a table...): every class of a component
// block present in the HTML is kept, with the blocks the scripts create from nothing.
const RUNTIME_BLOCKS = ["md-progress"];
// The same for Beasties, which keeps the rules a page's static HTML matches: selectors
// with a state modifier (md-nav__link--active), a runtime block, a runtime attribute, or
// the markup of the search dialog's results, which Pagefind builds in script.
const RUNTIME_RULES = [
  /\.md-[\w-]*--[a-z]/,
  ...RUNTIME_BLOCKS.map((block) => new RegExp(`\\.${block}\\b`)),
  /\.md-typeset__(scrollwrap|table)/,
  /\.js(?![\w-])/,
  /focus-visible/,
  /pagefind/,
  /\.search-dialog/,
  new RegExp(`\\[(${DYNAMIC_ATTRIBUTES.join("|")})\\b`),
];
function runtimeSafelist(pages) {
  const blocks = new Set(RUNTIME_BLOCKS);
  for (const page of pages) {
    for (const node of selectAll("[class]", parseDocument(readFileSync(page, "utf8")))) {
      for (const name of node.attribs.class.split(/\s+/)) if (name.startsWith("md-")) blocks.add(name.split(/__|--/)[0]);
    }
  }
  return [...blocks].sort().map((block) => new RegExp(`^${block}(__|--|$)`));
}

function files(dir, suffix) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...files(full, suffix));
    else if (entry.name.endsWith(suffix)) found.push(full);
  }
  return found.sort();
}

function stylesheetLinks(html) {
  return selectAll('head link[rel="stylesheet"]', parseDocument(html)).map((link) => link.attribs.href);
}

// A page's link to a file of this site, as a path below the site root. An absolute link
// (the 404 page's, which works at any depth) may carry the site's base path, e.g.
// /guide/assets/…: leading folders are dropped until the file is found.
function sitePath(site, page, href) {
  const clean = href.split(/[?#]/)[0];
  if (!clean.startsWith("/")) return path.relative(site, path.resolve(path.dirname(page), clean));
  const parts = clean.split("/").filter(Boolean);
  for (let start = 0; start < parts.length; start += 1) {
    const candidate = parts.slice(start).join("/");
    if (existsSync(path.join(site, candidate))) return candidate;
  }
  return clean;
}

async function mergedCss(site, sheets, pages) {
  // Material's bundle names every class of every feature it has, so it is not read here:
  // the classes it adds at runtime are kept by runtimeSafelist instead. The site's own
  // scripts and Pagefind's UI are read whole.
  const scripts = files(site, ".js").filter((file) => !file.includes(`${path.sep}assets${path.sep}`));
  const purged = await new PurgeCSS().purge({
    content: [...pages, ...scripts],
    css: sheets.map((sheet) => path.join(site, sheet)),
    safelist: { ...SAFELIST, standard: [...SAFELIST.standard, ...runtimeSafelist(pages)] },
    // Material's icons are custom properties; the ones no kept rule reads are dropped.
    variables: true,
    dynamicAttributes: DYNAMIC_ATTRIBUTES,
    // Pages are read for their tags, classes, ids and attributes, not their words: "tip" or
    // "highlight" in a sentence must not keep Material's rules of that name.
    extractors: [{ extractor: purgeFromHtml, extensions: ["html"] }],
  });
  // Source maps describe the files before merging, so their comments would mislead.
  return purged.map((result) => result.css.replace(/\/\*# sourceMappingURL=\S+ \*\//g, "").trim()).join("\n") + "\n";
}

class SiteBeasties extends Beasties {
  constructor(site, page, merged, sheets, html) { // merged: the text of mergedCss
    super({
      path: site,
      preload: false, // the link is removed: the page's <style> is all the CSS it needs
      noscriptFallback: false,
      compress: true,
      pruneSource: false,
      reduceInlineStyles: false,
      fonts: false,
      allowRules: [...paletteRules(html), ...RUNTIME_RULES],
      logLevel: "warn",
    });
    this.page = page;
    this.merged = merged;
    this.sheets = new Set(sheets);
  }

  // The first of the site's links stands for all of them: Beasties reads the merged CSS
  // through it (getCssAsset) for the rules the page uses. Then every one of them goes.
  // Beasties calls this with its own parse of the page, where the stale CSP tag is dropped too.
  async embedLinkedStylesheet(link, document) {
    withoutPolicy(document);
    if (!this.isSiteSheet(link.getAttribute("href"))) return super.embedLinkedStylesheet(link, document);
    if (!this.placed) {
      this.placed = true;
      await super.embedLinkedStylesheet(link, document);
    }
    link.remove();
  }

  isSiteSheet(href) {
    return this.sheets.has(sitePath(this.options.path, this.page, href));
  }

  // Links are relative to the page, or absolute with the site's base path; not to the site folder.
  async getCssAsset(href) {
    if (this.isSiteSheet(href)) return this.merged;
    const file = path.resolve(this.options.path, sitePath(this.options.path, this.page, href));
    if (!file.startsWith(path.resolve(this.options.path) + path.sep)) return undefined;
    return this.readFile(file);
  }
}

// Beasties keeps every rule a page uses, with the custom properties of `:root` whole:
// Material's icons as data URIs, most of which this page never shows. PurgeCSS, keeping
// every selector, drops the custom properties and keyframes no kept rule reads.
async function trimmedCritical(html) {
  const document = parseDocument(html);
  const [style] = selectAll("head style", document);
  if (!style) return html;
  const css = style.children.map((child) => child.data).join("");
  const [result] = await new PurgeCSS().purge({
    content: [{ raw: html, extension: "html" }],
    css: [{ raw: css }],
    // Colours stay whole, as in the merged file: a dark first paint needs every link of their chains.
    safelist: { greedy: [/./], variables: SAFELIST.variables },
    variables: true,
    keyframes: true,
    dynamicAttributes: DYNAMIC_ATTRIBUTES,
  });
  return html.replace(`<style>${css}</style>`, `<style>${result.css.trim()}</style>`);
}

// The hashes in it are of the page before this step; python -m backguide.optimise writes a new one.
function withoutPolicy(document) {
  for (const meta of document.querySelectorAll("meta")) {
    if ((meta.getAttribute("http-equiv") || "").toLowerCase() === "content-security-policy") meta.remove();
  }
}

async function main() {
  const site = path.resolve(process.argv[2] || "site");
  const pages = files(site, ".html");
  const linked = new Map(pages.map((page) => [page, stylesheetLinks(readFileSync(page, "utf8"))]));
  const sheets = [...new Set([...linked].flatMap(([page, hrefs]) => hrefs.map((href) => sitePath(site, page, href))))]
    .filter((sheet) => existsSync(path.join(site, sheet)));
  if (sheets.length === 0) return console.log("optimise: no stylesheets linked; nothing to do");
  const merged = await mergedCss(site, sheets, pages);
  const inlined = [];
  for (const page of pages) {
    if (linked.get(page).length === 0) continue; // redirect pages: nothing to inline
    const html = readFileSync(page, "utf8");
    const optimised = await trimmedCritical(await new SiteBeasties(site, page, merged, sheets, html).process(html));
    if (stylesheetLinks(optimised).length) throw new Error(`${page}: a stylesheet link is left after inlining`);
    writeFileSync(page, optimised);
    inlined.push(selectAll("head style", parseDocument(optimised)).reduce((sum, style) => sum + style.children[0].data.length, 0));
  }
  for (const sheet of sheets) {
    rmSync(path.join(site, sheet));
    rmSync(path.join(site, sheet + ".map"), { force: true });
  }
  const kb = (bytes) => `${Math.round(bytes / 1024)} KB`;
  console.log(`optimise: ${sheets.length} stylesheets inlined on ${inlined.length} pages, ${kb(Math.min(...inlined))} to ${kb(Math.max(...inlined))} of CSS each, and no stylesheet is linked`);
}

await main();
