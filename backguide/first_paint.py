"""The theme's scripts start after the first paint, and Material starts with them.

Measured with `make audit` (README: Speed): as Material writes them, at the end of the body,
the scripts make a phone on a slow line wait for Material's 35 KB bundle, fetched and run,
before it shows the warnings, and the method pages paint at 2.3x their bare-HTML twins;
deferred, 2.5x. So the `scripts` block's `<script src>` tags become one inline loader,
first_paint.js, which adds them in their order once the first frame with content is on screen.

Material starts on DOMContentLoaded, which has usually fired by then. The loader then hands
Material the document on its own `document$`, as Material's instant navigation does for every
later page; it fires no browser event, so every listener of the page (on `window` or
`document`) hears DOMContentLoaded once, from the browser. The guide's own scripts wait on
`document$`. A background tab, which paints nothing, starts them at once.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup, escape

from backguide import html

ATTRIBUTE = "data-scripts"  # the loader's list of addresses, in order
LOADER = Path(__file__).with_name("first_paint.js").read_text(encoding="utf-8")


def is_deferrable(node: html.Node) -> bool:
    """A classic script loaded from a file, which may as well run after the first paint."""
    attributes = node.attributes
    kind = (attributes.get("type") or "text/javascript").lower()
    return node.tag == "script" and "src" in attributes and "async" not in attributes and kind == "text/javascript"


def scripts_after_first_paint(scripts_html: str) -> Markup:
    """The theme's scripts block with its classic `<script src>` tags replaced by the loader.

    A Jinja filter: `{{ super() | scripts_after_first_paint }}` in the `scripts` block. Any
    other script (a module, an async one) is kept where it is.
    """
    nodes = [node for node in html.fragment(str(scripts_html)) if node.is_element_node]
    sources = [node.attributes["src"] for node in nodes if is_deferrable(node)]
    kept = "".join(node.html for node in nodes if not is_deferrable(node))
    if not sources:
        return Markup(kept)
    if any(" " in source for source in sources):
        raise ValueError(f"a script address has a space, which the loader's list cannot hold: {sources}")
    return Markup(f'<script {ATTRIBUTE}="{escape(" ".join(sources))}">{LOADER}</script>{kept}')
