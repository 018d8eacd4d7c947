"""The lists of method pages: the home page overview and the "Find a method" groups.

A page asks for one with a marker, `<!-- method-overview -->` or `<!-- method-finder -->`.
Both read the same front matter, gathered once per build, so the two lists always agree,
and a new method page joins them without anyone editing a list. Each method shows its main
drawing (`pictures`: src_uri -> a small SVG), hidden from screen readers: the link names it.
"""

from __future__ import annotations

from html import escape
from typing import Callable, Mapping

from backguide.facts import FINDER_FACTS, Fact, fact_lines, group_id, words
from backguide.site import SourcePage, link


Pictures = Mapping[str, str]


def overview_markdown(methods: list[SourcePage], from_uri: str, pictures: Pictures | None = None) -> str:
    """Material grid cards, one per method, with links relative to the page that shows them."""
    cards = []
    for page in methods:
        lines = "\n".join(f"    **{name}:** {escape(text)}  " for name, text in fact_lines(dict(page.meta)))
        picture = (pictures or {}).get(page.src_uri, "")
        facts = f"    {picture}\n{lines}" if picture else lines
        cards.append(f"-   **[{escape(page.title)}]({link(page.src_uri, from_uri)})**\n\n    ---\n\n{facts}")
    return '<div class="grid cards method-overview" markdown>\n\n' + "\n\n".join(cards) + "\n\n</div>"


def groups(methods: list[SourcePage], fact: Fact) -> list[tuple[str, str, list[SourcePage]]]:
    """(id, label, method pages) for each word of the fact's vocabulary that some method uses."""
    found = []
    for word, label in (fact.vocabulary or {}).items():
        members = [page for page in methods if word in words(page.meta.get(fact.key))]
        if members:
            found.append((group_id(word), label, members))
    return found


def finder_markdown(methods: list[SourcePage], from_uri: str, pictures: Pictures | None = None) -> str:
    """A section per fact, a heading with an explicit id per group, and a list of links."""
    parts = []
    for fact in FINDER_FACTS:
        parts.append(f"## {fact.finder_heading} {{#{fact.finder_id}}}")
        for anchor, label, members in groups(methods, fact):
            items = "\n".join(
                f"- [{(pictures or {}).get(page.src_uri, '')}{escape(page.title)}]({link(page.src_uri, from_uri)})" for page in members
            )
            parts.append(f"### {escape(label)} {{#{anchor}}}")
            parts.append(f'<div class="method-finder" markdown>\n\n{items}\n\n</div>')
    return "\n\n".join(parts)


# marker -> what replaces it, given the methods, the page that shows them and their pictures
RENDERERS: dict[str, Callable[[list[SourcePage], str, Pictures | None], str]] = {
    "<!-- method-overview -->": overview_markdown,
    "<!-- method-finder -->": finder_markdown,
}


def fill_markers(markdown: str, methods: list[SourcePage], from_uri: str, pictures: Pictures | None = None) -> str:
    for marker, render in RENDERERS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, render(methods, from_uri, pictures))
    return markdown
