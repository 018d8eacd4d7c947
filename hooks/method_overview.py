"""The home page overview: a card per method page, built from front matter.

`method_lists.py` puts it where a page says `<!-- method-overview -->`, so a new method
page shows up on the home page without anyone editing the home page.
"""

from __future__ import annotations

from html import escape

from at_a_glance import fact_rows
from method_pages import Methods, in_method_order, link


def overview_markdown(methods: Methods, from_uri: str) -> str:
    """Material grid cards, one per method, with links relative to the page that shows them."""
    cards = []
    for src_uri, meta in in_method_order(methods).items():
        lines = "\n".join(f"    **{name}:** {escape(', '.join(values))}  " for name, values in fact_rows(meta))
        cards.append(f"-   **[{escape(str(meta.get('title', src_uri)))}]({link(src_uri, from_uri)})**\n\n    ---\n\n{lines}")
    return '<div class="grid cards method-overview" markdown>\n\n' + "\n\n".join(cards) + "\n\n</div>"
