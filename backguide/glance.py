"""The "At a glance" box under a method page's title, from its front matter facts."""

from __future__ import annotations

import re
from html import escape
from typing import Mapping

from backguide.facts import fact_rows

FIRST_H1 = re.compile(r"^# .*$", re.MULTILINE)  # over Markdown, before it is HTML


def glance_html(meta: Mapping) -> str:
    rows = fact_rows(dict(meta))
    # One line per term: search reads the box as text, and "back</dd><dt>Position" would
    # otherwise become the single word "backPosition".
    items = "".join(f"\n<dt>{name}</dt>\n<dd>{escape(', '.join(values))}</dd>" for name, values in rows if values)
    return (
        '<aside class="at-a-glance" aria-labelledby="at-a-glance">'
        '<p class="at-a-glance__title" id="at-a-glance">At a glance</p>'
        f"<dl>{items}</dl></aside>"
    )


def with_glance_box(markdown: str, meta: Mapping) -> str:
    """The page's Markdown with the box right under its `# ` title (or first, if it has none)."""
    box = glance_html(meta)
    title = FIRST_H1.search(markdown)
    if title is None:
        return box + "\n\n" + markdown
    return markdown[: title.end()] + "\n\n" + box + "\n" + markdown[title.end() :]
