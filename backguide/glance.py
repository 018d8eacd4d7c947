"""The facts a reader checks at a glance: the box under a method's title, the floor page's
map of its options, and the line under each option's heading. All from the front matter,
through the one facts table (backguide.facts)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any, Mapping

from backguide.facts import BEST_TIME, OPTION_FACTS, fact_lines, fact_rows, options
from backguide.site import MarkdownHeading, below_headings

if TYPE_CHECKING:
    from backguide.drawings import Drawing

# The class of the method's small drawing in "At a glance": the one picture the safety gate
# lets come before the warnings (backguide.rules.GLANCE_DRAWING), made only by the build.
GLANCE_ART = "at-a-glance__art"


def glance_drawing(drawing: Drawing | None) -> str:
    """The method's main position, small, beside the facts: hidden from screen readers, since the
    same drawing, with its text alternative, is in the step it shows."""
    return drawing.thumbnail(GLANCE_ART) if drawing else ""


def glance_html(meta: Mapping[str, Any], share: str = "", drawing: Drawing | None = None) -> str:
    """The "At a glance" box; `share` (the page's share button) sits at the right of its title row,
    and the method's main drawing at the right of its facts."""
    rows = [*fact_lines(meta), BEST_TIME]
    # One line per term: search reads the box as text, and "back</dd><dt>Position" would
    # otherwise become the single word "backPosition".
    items = "".join(f"\n<dt>{name}</dt>\n<dd>{escape(text)}</dd>" for name, text in rows)
    return (
        '<aside class="at-a-glance" aria-labelledby="at-a-glance">'
        f'<div class="at-a-glance__top"><p class="at-a-glance__title" id="at-a-glance">At a glance</p>{share}</div>'
        f"{glance_drawing(drawing)}<dl>{items}</dl></aside>"
    )


def facts_line(option: Mapping[str, Any]) -> str:
    """An option's own facts on one line ("Hold: 15 seconds · Repeat: 4 times in all"), or ''."""
    items = "\n".join(
        f'<span class="facts-line__fact"><span class="facts-line__label">{name}:</span>'
        f' <span class="facts-line__value">{escape(text)}</span></span>'
        for name, text in fact_lines(option, OPTION_FACTS)
    )
    return f'<p class="facts-line">{items}</p>' if items else ""


def option_map_html(meta: Mapping[str, Any], titles: Mapping[str, str]) -> str:
    """Links to each of the page's options, with their facts; `titles` maps a heading id to its text."""
    items = []
    for option in options(meta):
        anchor = str(option["id"])
        if anchor not in titles:
            continue  # reported as a problem of the page (method_layout.header_problems)
        line = facts_line(option)
        items.append(f'<li><a class="option-map__link" href="#{escape(anchor)}">{escape(titles[anchor])}</a>{line}</li>')
    if not items:
        return ""
    return (
        # Each link says "Option #N", so the list needs no visible title; the name is for screen readers.
        f'<nav class="option-map" aria-label="The {len(items)} options"><ul>{"".join(items)}</ul></nav>'
    )


def missing_option_headings(meta: Mapping[str, Any], titles: Mapping[str, str]) -> list[str]:
    """Option ids of the front matter with no heading of that id on the page."""
    return [str(option["id"]) for option in options(meta) if str(option.get("id")) not in titles]


def with_option_facts(markdown: str, meta: Mapping[str, Any]) -> str:
    """The page's Markdown with each option's facts line right under the option's heading."""
    by_id = {str(option.get("id")): option for option in options(meta)}

    def line(heading: MarkdownHeading) -> str:
        option = by_id.get(heading.id or "") if heading.level > 1 else None
        return facts_line(option) if option else ""

    return below_headings(markdown, line)


def glance_values(path: str, meta: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """(where, fact label, value) of each value "At a glance" and the option facts lines show.

    `where` is the page's file, or `file#option-id` for an option's own facts; each label of a
    list ("Middle back", "Upper back") is a value of its own, backed by a sentence of its own.
    """
    found = [(path, label, value) for label, values in fact_rows(meta) for value in values]
    found.append((path, *BEST_TIME))
    for option in options(meta):
        found += [(f"{path}#{option['id']}", label, value) for label, values in fact_rows(option, OPTION_FACTS) for value in values]
    return found
