"""`llms.txt` (https://llmstxt.org): the guide's title, summary and pages, for AI agents.

Not the mkdocs-llmstxt plugin: version 0.5.1 names pages by their nav label ("Chair") and
takes descriptions from mkdocs.yml, so it would need every front matter description twice.
Built from the nav and the front matter, it lists exactly the pages the site has, with the
descriptions that search results and link previews use.
"""

from __future__ import annotations

from typing import NamedTuple

# Top-level pages of the nav are listed under this heading; each nav section gets its own.
TOP_LEVEL_SECTION = "Guide"


class Link(NamedTuple):
    name: str
    url: str
    description: str



def page_link(page) -> Link:
    """A page as llms.txt lists it: its full title, its public address and its description."""
    meta = page.meta or {}
    name = str(meta.get("title") or page.title)
    return Link(name, page.canonical_url or page.url, " ".join(str(meta.get("description") or "").split()))


def section_pages(items: list) -> list:
    pages = []
    for item in items:
        if item.is_page:
            pages.append(item)
        elif item.is_section:
            pages.extend(section_pages(item.children))
    return pages


def nav_sections(items: list) -> list[tuple[str, list[Link]]]:
    """(heading, links) in nav order: loose top-level pages first, then one group per section."""
    top = [page_link(item) for item in items if item.is_page]
    sections = [(TOP_LEVEL_SECTION, top)] if top else []
    for item in items:
        if item.is_section:
            sections.append((str(item.title), [page_link(page) for page in section_pages(item.children)]))
    return sections


def llms_txt(title: str, summary: str, sections: list[tuple[str, list[Link]]]) -> str:
    """The file's text: an H1, a blockquote summary, then an H2 and a list of links per section."""
    lines = [f"# {title}", ""]
    if summary:
        lines += [f"> {summary}", ""]
    for heading, links in sections:
        lines += [f"## {heading}", ""]
        lines += [f"- [{name}]({url})" + (f": {description}" if description else "") for name, url, description in links]
        lines.append("")
    return "\n".join(lines)
