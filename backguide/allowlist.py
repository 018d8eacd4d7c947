"""What may come before a method page's first required warning, as data, and the one function that applies it.

A reader meets, in source order and in reading order, the page's title, its one-line summary,
"At a glance" (with the share button and the build's drawing), the option map, the "Before you
start" heading, and then the safety panel. Nothing else: whatever element or attribute carries
it, a block that is not in BEFORE_THE_FIRST_WARNING is refused, and so is any attribute or
element inside an allowed block that its entry does not name. The same entries judge the page's
content as the gate hook sees it (`part == "content"`) and the whole article of the built page,
with the template's header (`part == "header"`), in check-site and after the theme renders.

Reading order is judged with it: an attribute that moves focus or what a screen reader reads
(`autofocus`, `aria-owns`, `aria-flowto`, a positive `tabindex`) is refused anywhere on a method
page, and before the warnings only the attributes listed here may stand (no `aria-label`,
`aria-labelledby`, `role`, `hidden`, `inert`, ...).

The safety panel's own content is data here too (PANEL_HOLDS), and so is what may stand between
the panel and the first step (BETWEEN_THE_PANEL_AND_THE_STEPS).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping

from backguide import html
from backguide.blocks import describe, is_admonition, same_title, title_of
from backguide.content import normalize
from backguide.instructions import instruction

HEADERLINK = {"a": frozenset({"class", "href", "title"})}
SHARE = {
    "div": frozenset({"class", "data-pagefind-ignore"}),
    "button": frozenset({"type", "class", "aria-label", "data-share-url", "data-share-title"}),
    "svg": frozenset({"viewBox", "viewbox", "aria-hidden", "focusable"}),
    "path": frozenset({"d"}),
    "span": frozenset({"class", "role"}),
}
SHARE_CLASSES = frozenset({"share", "share__button", "share__status"})
# A drawing the build makes (backguide/drawings.py, backguide/figure.py): shapes and a title, no text.
DRAWING = {
    "figure": frozenset({"class", "data-pagefind-ignore"}),
    "svg": frozenset(
        {"class", "viewBox", "viewbox", "role", "aria-labelledby", "aria-hidden", "focusable", "stroke", "stroke-width", "fill",
         "stroke-linecap", "stroke-linejoin"}
    ),
    "title": frozenset({"id"}),
    "g": frozenset({"class", "transform"}),
    "path": frozenset({"class", "d", "stroke-width"}),
    "circle": frozenset({"class", "cx", "cy", "r"}),
    "ellipse": frozenset({"class", "cx", "cy", "rx", "ry"}),
    "line": frozenset({"class", "x1", "y1", "x2", "y2", "stroke-width"}),
    "rect": frozenset({"class", "x", "y", "width", "height", "rx"}),
    "polyline": frozenset({"class", "points", "stroke-width"}),
    "polygon": frozenset({"class", "points"}),
}
SVG_SHAPES = frozenset({"g", "path", "circle", "ellipse", "line", "rect", "polyline", "polygon"})
DRAWING_CLASS = re.compile(r"^(drawing(__[a-z-]+|--[a-z-]+)?|prop|far|body|hair|nose|near|floor|shadow)$")


@dataclass(frozen=True)
class Allowed:
    """One block that may stand before the first warning, and what it may hold."""

    name: str  # as a message names it
    part: str  # "header": the template writes it (overrides/method.html); "content": the page's Markdown
    tag: str
    classes: frozenset[str] = frozenset()  # its class attribute, exactly
    attributes: Mapping[str, str | None] = field(default_factory=dict)  # name -> exact value (None: any)
    inside: Mapping[str, frozenset[str]] = field(default_factory=dict)  # tag -> the attributes it may carry
    inner_classes: frozenset[str] = frozenset()  # classes the elements inside may carry
    text: str | None = None  # its exact text; "{title}"/"{description}": the front matter's
    drawing: bool = False  # classes and shapes of a build-made drawing (DRAWING_CLASS) are allowed inside
    names_only: bool = False  # any text, so long as it gives no instruction (backguide.instructions)


BEFORE_THE_FIRST_WARNING: tuple[Allowed, ...] = (
    Allowed("the page title (front matter 'title')", "header", "h1", text="{title}"),
    Allowed("the one-line summary (front matter 'description')", "header", "p", frozenset({"method-summary"}), {"class": None}, text="{description}"),
    Allowed(
        "the 'At a glance' box",
        "header",
        "aside",
        frozenset({"at-a-glance"}),
        {"class": None, "aria-labelledby": "at-a-glance"},
        {**SHARE, **DRAWING, "div": SHARE["div"], "p": frozenset({"class", "id"}), "dl": frozenset(), "dt": frozenset(), "dd": frozenset()},
        frozenset({"at-a-glance__top", "at-a-glance__title", "at-a-glance__art", "at-a-glance__drawing", *SHARE_CLASSES}),
        drawing=True,
    ),
    Allowed("the build's drawing beside 'At a glance'", "header", "figure", frozenset({"drawing"}), {"class": None, "data-pagefind-ignore": ""}, DRAWING, drawing=True),
    Allowed(
        "the option map",
        "header",
        "nav",
        frozenset({"option-map"}),
        {"class": None, "aria-label": None},
        {"ul": frozenset(), "li": frozenset(), "a": frozenset({"class", "href"}), "p": frozenset({"class"}), "span": frozenset({"class"})},
        frozenset({"option-map__link", "facts-line", "facts-line__fact", "facts-line__label", "facts-line__value"}),
    ),
    # A page that writes its own `# ` title keeps the theme's plain layout: its title and share button.
    Allowed("the page's own title", "content", "h1", attributes={"id": None}, inside=HEADERLINK, inner_classes=frozenset({"headerlink"}), names_only=True),
    Allowed("the page's share button", "content", "div", frozenset({"share"}), {"class": None, "data-pagefind-ignore": ""}, SHARE, SHARE_CLASSES),
    Allowed(
        "the 'Before you start' heading",
        "content",
        "h2",
        attributes={"id": "before-you-start"},
        inside=HEADERLINK,
        inner_classes=frozenset({"headerlink"}),
        text="Before you start",
    ),
)

# What the safety panel holds: the safety includes (each a warning box of rules.REQUIRED_WARNINGS)
# and one-line includes, each a paragraph of its own class (includes/red-flags.md: "red-flags").
# rules._panel_problems applies it; a new line in the panel is one entry here.
PANEL_HOLDS = {
    "includes": (
        "stop-if-painful.md", "check-first.md", "disc-problems.md", "get-help.md", "foam-roller-lower-back.md",
        "upper-back-pain.md", "red-flags.md",
    ),
    # The red-flag line, and a sign's own line where the method works (backguide.red_flags).
    "paragraph classes": frozenset({"red-flags", "urgent-line"}),
}

# Between the safety panel and the first step: a section heading (not a step heading: that is the
# first step), and the source's own words under it ({: .before-the-steps }), nothing else.
BETWEEN_THE_PANEL_AND_THE_STEPS = (
    Allowed("a section heading", "content", "h2", attributes={"id": None}, inside=HEADERLINK, inner_classes=frozenset({"headerlink"}), names_only=True),
    Allowed(
        "the source's words before the steps",
        "content",
        "p",
        frozenset({"before-the-steps"}),
        {"class": None, "id": None},
        {"a": frozenset({"href"}), "em": frozenset(), "strong": frozenset()},
    ),
)

# Attributes that move focus or what a screen reader reads, refused anywhere on a method page.
READING_ORDER_ATTRIBUTES = {
    "autofocus": "opens the page scrolled to it, past the warnings",
    "aria-owns": "makes screen readers read another part of the page in its place",
    "aria-flowto": "sends screen readers to another part of the page",
}


def _text_of(node: html.Node) -> str:
    return " ".join(html.text(node, frozenset({"headerlink"})).split())


def mismatch(node: html.Node, entry: Allowed, meta: Mapping[str, Any]) -> str | None:
    """Why the node is not the entry ('' when the tag or classes differ), or None when it is."""
    if node.tag != entry.tag or html.classes(node) != entry.classes:
        return ""
    if entry.text is not None:
        wanted = entry.text.format(title=meta.get("title") or "", description=meta.get("description") or "")
        if normalize(_text_of(node)) != normalize(wanted):
            return ""  # another text: describe() quotes it
    for name, value in node.attributes.items():
        if name not in entry.attributes:
            return f"the attribute '{name}'"
        wanted = entry.attributes[name]
        if wanted is not None and (value or "") != wanted:
            return f"{name}=\"{value}\""
    for inner in html.elements(node):
        if inner.mem_id == node.mem_id:
            continue
        allowed = entry.inside.get(inner.tag)
        if allowed is None:
            return f"a <{inner.tag}> inside it"
        if unknown := sorted(set(inner.attributes) - allowed):
            return f"the attribute '{unknown[0]}' on a <{inner.tag}> inside it"
        extra = html.classes(inner) - entry.inner_classes
        if entry.drawing and inner.tag in SVG_SHAPES:
            extra = set()  # a shape's class only colours it (figure.py's kinds: body, prop, accent, ...); it carries no words
        elif entry.drawing:
            extra = {name for name in extra if not DRAWING_CLASS.match(name)}
        if extra:
            return f"the class '{sorted(extra)[0]}' on a <{inner.tag}> inside it"
        if "headerlink" in html.classes(inner) and html.text(inner).strip() not in {"", "¶"}:
            return f"the words \"{html.text(inner).strip()[:40]}\" in its link to the section"
    if entry.names_only and (why := instruction(_text_of(node))):
        return f"an instruction: it {why}"
    return None


def judge(node: html.Node, entries: tuple[Allowed, ...], meta: Mapping[str, Any]) -> str | None:
    """None when the node is one of the entries; else what is wrong with it."""
    reasons = [reason for entry in entries if (reason := mismatch(node, entry, meta)) is not None]
    if len(reasons) < len(entries):
        return None
    return next((reason for reason in reasons if reason), "")


# Markup every page is refused for wherever it stands (backguide.markup): reported there, once.
_REPORTED_ELSEWHERE = re.compile(r"^(style|on.*|shadowrootmode|autofocus|aria-owns|aria-flowto)$")


def reported_elsewhere(node: html.Node) -> bool:
    from backguide.rules import FORBIDDEN_ELEMENTS

    return any(
        element.tag in FORBIDDEN_ELEMENTS or any(_REPORTED_ELSEWHERE.match(name.lower()) for name in element.attributes)
        for element in html.elements(node)
    )


def required_box_ids(root: html.Node, titles: list[str]) -> set[int]:
    return {node.mem_id for node in html.elements(root) if is_admonition(node) and any(same_title(title_of(node), t) for t in titles)}


def before_the_first_warning(root: html.Node, titles: list[str], meta: Mapping[str, Any], parts: tuple[str, ...] = ("content",)) -> list[str]:
    """Every block before the first required warning that BEFORE_THE_FIRST_WARNING does not allow.

    `root` is the page's content (parts=("content",)) or the built article (parts=("header", "content")),
    whose <header class="method-header"> is read block by block.
    """
    required = required_box_ids(root, titles)
    if not required:
        return []
    entries = tuple(entry for entry in BEFORE_THE_FIRST_WARNING if entry.part in parts)
    names = (
        "the 'Before you start' heading"
        if "header" not in parts
        else "the template's title, summary, 'At a glance' box, drawing and option map, and the 'Before you start' heading"
    )
    problems = []
    for node, part in _blocks(root, parts):
        if any(element.mem_id in required for element in html.elements(node)):
            break
        reason = judge(node, tuple(entry for entry in entries if entry.part == part), meta)
        # The content's markup is judged by markup.check_markup too (one mistake, one message);
        # the template's header is judged here alone.
        if reason is None or (part == "content" and reported_elsewhere(node)):
            continue
        because = f" (it carries {reason})" if reason else ""
        problems.append(
            f"{describe(node)} comes before the safety warnings{because}; only {names} may come before them,"
            f" so {where_it_belongs(node)}"
        )
    return problems


def where_it_belongs(node: html.Node) -> str:
    """Where a block refused above the steps may go, so that moving it there passes.

    Not just "below the panel": between the panel and step 1 only a heading and the source's
    own words may stand (between_the_panel_and_the_steps), so the advice names a place past it.
    """
    from backguide.markup import SAFETY_WORDS  # markup imports the rules, which import this module

    if node.tag in {"h1", "h2", "h3", "h4", "h5", "h6"} and _text_of(node).lower().startswith("before you start"):
        return "write it as  ## Before you start {#before-you-start}  with nothing added"
    if SAFETY_WORDS.search(normalize(_text_of(node))):  # below the steps the softening rule would refuse it
        return "remove it: on a method page only the safety panel's includes speak about pain and safety"
    if describe(node).startswith("a drawing"):
        return "remove it; to show a position, put a drawing marker ( <!-- drawing: <pose> --> ) in the numbered step it shows, indented under that step"
    return "move it below the steps (steps themselves belong in the numbered list under the warnings)"


def _blocks(root: html.Node, parts: tuple[str, ...]):
    for child in root.iter(include_text=False):
        if not child.is_element_node:
            continue
        if "header" in parts and child.tag == "header" and "method-header" in html.classes(child):
            yield from ((inner, "header") for inner in child.iter(include_text=False) if inner.is_element_node)
        else:
            yield child, "content"


def between_the_panel_and_the_steps(root: html.Node, panel: html.Node | None, first_step: html.Node | None, meta: Mapping[str, Any], source: str) -> list[str]:
    """Nothing between the safety panel and step 1 but a section heading and the source's own words."""
    if panel is None or first_step is None:
        return []
    from backguide.content import source_units, split_sentences

    _, source_sentences = source_units(source) if source else ([], [])
    known = {normalize(sentence) for sentence in source_sentences}
    problems = []
    started = False
    for node in root.iter(include_text=False):
        if not node.is_element_node:
            continue
        if node.mem_id == panel.mem_id:
            started = True
            continue
        if not started:
            continue
        if node.mem_id == first_step.mem_id or any(e.mem_id == first_step.mem_id for e in html.elements(node)):
            break
        if reported_elsewhere(node) or not (_text_of(node) or any(e.mem_id != node.mem_id for e in html.elements(node))):
            continue  # reported as forbidden markup; or an empty paragraph the parser left
        reason = judge(node, BETWEEN_THE_PANEL_AND_THE_STEPS, meta)
        if reason is None and node.tag == "p" and known:
            new = [s for s in split_sentences(_text_of(node)) if normalize(s) not in known]
            reason = f'the words "{new[0][:60]}", which are not the source\'s' if new else None
        if reason is None:
            continue
        because = f" (it carries {reason})" if reason else ""
        problems.append(
            f"{describe(node)} stands between the safety panel and the first step{because}; only a section heading"
            " and the source's own words ({: .before-the-steps }) may, so a note cannot talk the warnings down:"
            f" {where_it_belongs(node)}"
        )
    return problems


def reading_order(root: html.Node) -> list[str]:
    """Attributes anywhere on the page that move focus or what screen readers read first."""
    problems = []
    for element in html.elements(root):
        for name, value in element.attributes.items():
            key = name.lower()
            if key in READING_ORDER_ATTRIBUTES:
                problems.append(f"has {key} on <{element.tag}>, which {READING_ORDER_ATTRIBUTES[key]}; remove it")
            elif key == "tabindex" and (value or "").strip().lstrip("+").isdigit() and int((value or "0").strip()) > 0:
                problems.append(f"has tabindex=\"{value}\" on <{element.tag}>, which moves it ahead of the warnings for keyboard readers; remove it")
    return list(dict.fromkeys(problems))
