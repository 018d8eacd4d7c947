"""The "Find a method" lists: the method pages grouped by their front matter.

`method_lists.py` puts them where a page says `<!-- method-finder -->`. The groups are
what you need, your position and the part of the back, each in the words and order of
`facts.py`. A new method page joins its groups without anyone editing the finder.
"""

from __future__ import annotations

from html import escape

from facts import BACK_REGION, EQUIPMENT, POSITION, words
from method_pages import Methods, in_method_order, link

# (heading, its id, front matter key, vocabulary): one section of the finder each.
GROUPINGS = (
    ("By what you need", "by-what-you-need", "equipment", EQUIPMENT),
    ("By position", "by-position", "position", POSITION),
    ("By part of the back", "by-part-of-the-back", "back_region", BACK_REGION),
)


def group_id(word: str) -> str:
    """The anchor of a group: its front matter word, e.g. 'lower back' -> 'lower-back'."""
    return "-".join(word.split())


def groups(methods: Methods, key: str, vocabulary: dict[str, str]) -> list[tuple[str, str, list[str]]]:
    """(id, heading, method pages) for each word of the vocabulary that some method uses."""
    ordered = in_method_order(methods)
    found = []
    for word, label in vocabulary.items():
        members = [src_uri for src_uri, meta in ordered.items() if word in words(meta.get(key))]
        if members:
            found.append((group_id(word), label, members))
    return found


def finder_markdown(methods: Methods, from_uri: str) -> str:
    """A section per grouping, a heading with an explicit id per group, and a list of links."""
    parts = []
    for heading, anchor, key, vocabulary in GROUPINGS:
        parts.append(f"## {heading} {{#{anchor}}}")
        for group, label, members in groups(methods, key, vocabulary):
            items = "\n".join(
                f"- [{escape(str(methods[src_uri].get('title', src_uri)))}]({link(src_uri, from_uri)})"
                for src_uri in members
            )
            parts.append(f"### {escape(label)} {{#{group}}}")
            parts.append(f'<div class="method-finder" markdown>\n\n{items}\n\n</div>')
    return "\n\n".join(parts)
