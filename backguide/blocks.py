"""The blocks of a rendered page as the rules talk about them: boxes, titles, steps, and words for each.

The rules judge HTML and report to authors who write Markdown, so a block is named the way the
author would recognise it: 'a list ("Sit down. …")', 'a box titled …', 'a numbered paragraph'.
"""

from __future__ import annotations

import re

from backguide import html
from backguide.content import normalize

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
TITLE_CLASS = "admonition-title"
# A heading that starts a step section, for pages whose steps are sections rather than a list.
STEP_HEADING = re.compile(r"^(step|option)\b", re.IGNORECASE)
# Text that numbers or orders an action: "1.", "1)", "#1", "Step 1", "First,", "Then". Before
# the warnings a heading or paragraph like this is a step in disguise.
NUMBERED = re.compile(r"^\s*(\(?\d+\s*[.):]|#\s*\d|step\b|option\b|first\b|then\b|next\b)", re.IGNORECASE)


def is_admonition(node: html.Node) -> bool:
    return (node.tag == "div" and "admonition" in html.classes(node)) or node.tag == "details"


def title_of(admonition: html.Node) -> str:
    for child in admonition.iter(include_text=False):
        if child.tag == "summary" or TITLE_CLASS in html.classes(child):
            return html.text(child)
    return ""


def same_title(found: str, wanted: str) -> bool:
    """Titles match in any case, with any quotes, spacing or closing punctuation."""
    return normalize(found).rstrip(":.!?") == normalize(wanted)


def body_text(box: html.Node) -> str:
    """A box's text without its title (a `<p class="admonition-title">` or a `<summary>`)."""
    parts = []
    for child in box.iter(include_text=True):
        if child.is_text_node:
            parts.append(child.text_content or "")
        elif child.tag in {"ul", "ol"}:
            # A list's items are read one by one, however the HTML spaces them.
            parts.append(" " + " ".join(html.text(item) for item in child.css("li")) + " ")
        elif not (child.tag == "summary" or TITLE_CLASS in html.classes(child)):
            parts.append(f" {html.text(child)} " if child.tag == "p" else html.text(child))
    return "".join(parts)


def describe(node: html.Node) -> str:
    """A block as an author would recognise it in their page: 'a list ("Sit down. …")'."""
    text = clip(words(node))
    inner = next((child for child in html.elements(node) if child.mem_id != node.mem_id), None)
    quoted = f' ("{text}")' if text else f" (holding {describe_tag(inner)})" if inner is not None else ""
    if node.tag in {"ol", "ul"}:
        return f"a list{quoted}"
    if node.tag == "table":
        return f"a table{quoted}"
    if node.tag in {"figure", "svg", "img", "picture", "canvas", "video"} or node.css_first("svg, img"):
        return f"a drawing or picture{quoted}"
    if is_admonition(node):
        return f"a box titled '{title_of(node).strip()}'"
    if node.tag == "template":
        return "a <template> (its content is kept from the safety checks)"
    if node.tag == "p":
        kind = "a numbered paragraph" if NUMBERED.match(html.text(node)) else "a paragraph"
        return f"{kind}{quoted}"
    if node.tag in HEADINGS:
        return f"the {'numbered ' if NUMBERED.match(html.text(node)) else ''}heading{quoted}"
    return f"{describe_tag(node)}{quoted}"


def words(node: html.Node) -> str:
    """The node's text with a space between blocks ("Sit down. Lean back."), without heading links."""
    parts = []
    for child in node.traverse(include_text=True):
        if child.is_text_node and not any("headerlink" in html.classes(a) for a in html.ancestors(child)):
            parts.append(child.text_content or "")
    return " ".join(" ".join(parts).split()).replace(" .", ".").replace(" ,", ",")


def describe_tag(node: html.Node) -> str:
    """'<div popover>', '<div class="safety-panel">': the tag with what an author wrote on it."""
    shown = []
    for name, value in node.attributes.items():
        shown.append(name if value in (None, "") else f'{name}="{clip(value, 30)}"')
    return f"<{' '.join([node.tag, *shown])}>"


def clip(text: str, length: int = 50) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"
