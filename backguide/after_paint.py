"""Scripts after the first paint: the page shows its title and warnings before any script is fetched.

With `defer`, a phone fetches Material's bundle while it parses the page and often runs it
(a long task on a slow phone) before the first frame, so the title waits for a script the
reader does not need to read. Here the theme's `<script src>` tags become one inline loader
that, once the first frame with content is on screen, adds the scripts in their order.
(The page's CSS is in the page: see optimise/optimise.mjs.)

Material starts on DOMContentLoaded, which has fired by then, so the loader fires it once
more for the scripts it added. Nothing else of the page listens for it: the guide's own
scripts wait on Material's `document$`.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from backguide import html

ATTRIBUTE = "data-after-paint"
RAN = "data-after-paint-ran"  # set on the loader once every script ran: a test's cue that the page is ready

# Constant text, so one CSP hash covers it on every page; the addresses are in ATTRIBUTE.
# It waits for the browser's first-contentful-paint entry, which comes once the frame is on
# screen (two animation frames alone can run before a loaded phone shows the first one),
# then two more frames. A browser without paint timing waits two frames only.
LOADER = (
    "(function(loader){"
    "function done(){if(document.readyState!=='loading')document.dispatchEvent(new Event('DOMContentLoaded'));"
    f"loader.setAttribute('{RAN}','')}}"
    # async=false: fetched side by side, run in the order they were added.
    "function run(sources){var script;sources.forEach(function(source){script=document.createElement('script');"
    "script.src=source;script.async=false;document.body.appendChild(script)});"
    "if(!script)return done();script.onload=script.onerror=done}"
    "function start(){requestAnimationFrame(function(){requestAnimationFrame(function(){"
    f"run(loader.getAttribute('{ATTRIBUTE}').split(' ').filter(Boolean))"
    "})})}"
    "var types=window.PerformanceObserver&&PerformanceObserver.supportedEntryTypes||[];"
    "if(types.indexOf('paint')<0)return start();"
    "var observer=new PerformanceObserver(function(entries){"
    "if(entries.getEntriesByName('first-contentful-paint').length){observer.disconnect();start()}});"
    "observer.observe({type:'paint',buffered:true})"
    "})(document.currentScript)"
)


def is_deferrable(node: html.Node) -> bool:
    """A classic script loaded from a file, which may as well run after the first paint."""
    attributes = node.attributes
    kind = (attributes.get("type") or "text/javascript").lower()
    return node.tag == "script" and "src" in attributes and "async" not in attributes and kind == "text/javascript"


def after_first_paint(scripts_html: str) -> Markup:
    """The theme's scripts block with its classic `<script src>` tags replaced by the loader.

    A Jinja filter: `{{ super() | after_first_paint }}` in the `scripts` block. Any other
    script (a module, an async one) is kept where it is.
    """
    nodes = [node for node in html.fragment(str(scripts_html)) if node.is_element_node]
    sources = [node.attributes["src"] for node in nodes if is_deferrable(node)]
    kept = "".join(node.html for node in nodes if not is_deferrable(node))
    if not sources:
        return Markup(kept)
    if any(" " in source for source in sources):
        raise ValueError(f"a script address has a space, which the loader's list cannot hold: {sources}")
    return Markup(f'<script {ATTRIBUTE}="{escape(" ".join(sources))}">{LOADER}</script>{kept}')
