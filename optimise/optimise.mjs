// `node optimise/optimise.mjs SITE SHEET...`: print one stylesheet for the whole site.
//
// The SHEETs (paths below SITE, in the order pages link them: Material's main and palette
// CSS, the site's extra.css and search.css, whatever a later change adds) are merged,
// PurgeCSS drops the rules no page or site script can use, and Lightning CSS minifies the
// rest (the site's own sheets are written for people, with comments). backguide/optimise.py
// writes the result as one file named by its content's hash and links it from every page.
// Output is deterministic: same site in, same bytes out.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { selectAll } from "css-select";
import { parseDocument } from "htmlparser2";
import { transform } from "lightningcss";
import { PurgeCSS } from "purgecss";
import purgeFromHtml from "purgecss-from-html";

// Words PurgeCSS cannot see in the HTML or the scripts but the browser still matches:
// Material sets palette, state and toggle attributes at runtime, and Pagefind's UI builds
// its markup in script. Kept whole, generously, so a later theme or search change is safe.
const SAFELIST = {
  // The search dialog's urgent answer names its box by the NHS list it shows
  // (urgent-answer__list--call-999), from data.
  standard: [/^pagefind/, /^focus-visible$/, /^js$/, /^no-js$/, /^urgent-answer/],
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

// Material's scripts add state classes to the components a page has (md-nav__link--active,
// md-header--shadow, md-typeset__scrollwrap around a table...): every class of a component
// block present in the HTML is kept, with the blocks the scripts create from nothing.
const RUNTIME_BLOCKS = ["md-progress"];
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

async function siteCss(site, sheets) {
  const pages = files(site, ".html");
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
    keyframes: true,
    dynamicAttributes: DYNAMIC_ATTRIBUTES,
    // Pages are read for their tags, classes, ids and attributes, not their words: "tip" or
    // "highlight" in a sentence must not keep Material's rules of that name.
    extractors: [{ extractor: purgeFromHtml, extensions: ["html"] }],
  });
  // Source maps describe the files before merging, so their comments would mislead.
  const merged = purged.map((result) => result.css.replace(/\/\*# sourceMappingURL=\S+ \*\//g, "").trim()).join("\n");
  // No targets: the syntax is left as written, only shortened.
  const { code } = transform({ filename: "site.css", code: Buffer.from(merged), minify: true });
  return code.toString() + "\n";
}

const [site, ...sheets] = process.argv.slice(2);
if (!site || sheets.length === 0) {
  console.error("usage: node optimise.mjs SITE SHEET...");
  process.exit(2);
}
process.stdout.write(await siteCss(path.resolve(site), sheets));
