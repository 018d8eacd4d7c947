"""Text of the guide, as the source has it and as the built site shows it.

Both sides are cut into sentences and compared after `rules.normalize`, so
typographic quotes, spacing and case do not count as changes.
"""

from __future__ import annotations

import re
from pathlib import Path

from backguide import html
from backguide.rules import normalize

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "source" / "how-to-crack-your-own-back.txt"
# The owner keeps the original beside the project; the copy above must not drift from it.
OWNER_SOURCE = ROOT.parent / "shared" / "source" / SOURCE.name
CONTENT_MD = ROOT / "CONTENT.md"

# Labels of the source that the site turns into structure (an admonition or a heading).
STRUCTURAL_LABELS = ("Note: ", "Variation: ")
# Parts of a page that are navigation or generated from front matter, not prose.
NOT_PROSE = frozenset(
    {"headerlink", "admonition-title", "at-a-glance", "method-overview", "method-finder", "share"}
)
BLOCKS = {"p", "li", "td", "th", "dd", "dt", "blockquote", "figure", "figcaption"}  # a drawing's title is its own block
SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’)]*\s+(?=[A-Z(“\"‘])")


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph; 'Dr.' does not end a sentence."""
    pieces, sentences = [], []
    last = 0
    for match in SENTENCE_END.finditer(text):
        pieces.append(text[last : match.end()].strip())
        last = match.end()
    pieces.append(text[last:].strip())
    for piece in filter(None, pieces):
        if sentences and sentences[-1].endswith("Dr."):
            sentences[-1] += " " + piece
        else:
            sentences.append(piece)
    return sentences


def source_units(text: str) -> tuple[list[str], list[str]]:
    """The source's headings and sentences.

    A line without closing punctuation is a heading, unless the next line
    continues it in lower case (the source breaks one sentence that way).
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    joined: list[str] = []
    for line in lines:
        if joined and not re.search(r"[.!?”\")]$", joined[-1]) and line[0].islower():
            joined[-1] += " " + line
        else:
            joined.append(line)
    headings, sentences = [], []
    for line in joined:
        if re.search(r"[.!?”\")]$", line):
            for label in STRUCTURAL_LABELS:
                line = line.removeprefix(label)
            sentences.extend(split_sentences(line))
        else:
            headings.append(line)
    return headings, sentences


def article(page_html: str) -> html.Node:
    """The page's main content, without the theme's header, navigation and footer."""
    return html.article(html.parse(page_html))


def prose_blocks(content: html.Node) -> list[str]:
    """The text of each paragraph, list item and cell, without nested blocks or headings."""
    blocks = []
    for node in html.elements(content):
        if node.tag not in BLOCKS or any(html.classes(n) & NOT_PROSE for n in (node, *html.ancestors(node))):
            continue
        own = "".join(
            (child.text_content or "") if child.is_text_node else html.text(child, NOT_PROSE)
            for child in node.iter(include_text=True)
            if child.is_text_node or (child.is_element_node and child.tag not in BLOCKS | {"ol", "ul", "div", "details", "dl"})
        )
        if own.strip():
            blocks.append(" ".join(own.split()))
    return blocks


def page_sentences(page_html: str) -> list[str]:
    return [s for block in prose_blocks(article(page_html)) for s in split_sentences(block)]


def reviewed_sentences(content_md: str) -> list[str]:
    """The first column of the table under '## Sentences not from the source' in CONTENT.md."""
    section = content_md.split("## Sentences not from the source", 1)[-1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    return [row.split("|")[1].strip() for row in rows[2:]]


def unpublished(source_text: str, site_text: str) -> list[str]:
    """Source headings and sentences that the site does not show word for word."""
    headings, sentences = source_units(source_text)
    site = normalize(site_text)
    return [unit for unit in headings + sentences if normalize(unit) not in site]


def unreviewed(sentences: list[str], source_text: str, reviewed: list[str]) -> list[str]:
    """Sentences that come neither from the source nor from the reviewed list."""
    source = normalize(" ".join(source_text.split()))
    allowed = {normalize(sentence) for sentence in reviewed}
    return [s for s in sentences if normalize(s) not in allowed and normalize(s) not in source]
