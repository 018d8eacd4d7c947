"""Show each method page's facts (equipment, position, back region) in a small box under its title.

The facts live once, in the page's front matter; this hook turns them into the
"At a glance" box so the page and the overview can never disagree.
"""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING

from facts import BACK_REGION, EQUIPMENT, POSITION, words
from rules import is_method_page

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

FIRST_H1 = re.compile(r"^# .*$", re.MULTILINE)


# Hooks


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not is_method_page(page.file.src_uri, page.meta):
        return markdown
    box = glance_html(page.meta)
    title = FIRST_H1.search(markdown)
    if title is None:
        return box + "\n\n" + markdown
    return markdown[: title.end()] + "\n\n" + box + "\n" + markdown[title.end() :]


# Helpers


def labels(values: object, vocabulary: dict[str, str]) -> list[str]:
    """Reader-facing labels for front matter words; unknown words are shown as written."""
    return [vocabulary.get(word, word) for word in words(values)]


def fact_rows(meta: dict) -> list[tuple[str, list[str]]]:
    """(name, labels) of a method's facts, as the glance box and the home page overview show them."""
    return [
        ("You need", labels(meta.get("equipment"), EQUIPMENT)),
        ("Position", labels(meta.get("position"), POSITION)),
        ("Works on", labels(meta.get("back_region"), BACK_REGION)),
    ]


def glance_html(meta: dict) -> str:
    rows = fact_rows(meta)
    # One line per term: search reads the box as text, and "back</dd><dt>Position" would
    # otherwise become the single word "backPosition".
    items = "".join(f"\n<dt>{name}</dt>\n<dd>{escape(', '.join(values))}</dd>" for name, values in rows if values)
    return (
        '<aside class="at-a-glance" aria-labelledby="at-a-glance">'
        '<p class="at-a-glance__title" id="at-a-glance">At a glance</p>'
        f"<dl>{items}</dl></aside>"
    )
