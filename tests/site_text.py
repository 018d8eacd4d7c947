"""Text of the guide, as the source has it and as the built site shows it to readers.

Both sides are cut into sentences and compared after `rules.normalize`, so typographic
quotes, spacing and case do not count as changes. A sentence a reader sees must be a whole
sentence of the source, or be listed in CONTENT.md; a shortened source sentence is a change
like any other, and CONTENT.md lists it with the original beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from backguide import html
from backguide.facts import FACTS
from backguide.rules import normalize
from project import ROOT

SOURCE = ROOT / "source" / "how-to-crack-your-own-back.txt"
# The owner keeps the original beside the project; the copy above must not drift from it.
OWNER_SOURCE = ROOT.parent / "shared" / "source" / SOURCE.name
CONTENT_MD = ROOT / "CONTENT.md"

# Labels of the source that the site turns into structure (an admonition or a heading).
STRUCTURAL_LABELS = ("Note: ", "Variation: ")
# Parts of a page that are labels, not sentences: headings' anchors, admonition titles, the
# share buttons, the glance box's title and fact names, the option map's links (the option
# headings again), the home page's method cards (their titles and glance facts, which the
# method pages show and this check reads there) and the review dates (front matter dates).
NOT_PROSE = frozenset(
    {
        "headerlink",
        "admonition-title",
        "share",
        "at-a-glance__title",
        "facts-line",  # its values are read one by one, below
        "method-overview",  # the glance facts again, one card per method
        "option-map__link",
        "review-dates",
        "method-finder",
    }
)
BLOCKS = {"p", "li", "td", "th", "dd", "blockquote", "figcaption"}
NESTED = BLOCKS | {"ol", "ul", "div", "details", "dl", "table", "figure", "nav", "aside", "header", "section"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’)]*\s+(?=[A-Z(“\"‘])")
# Where a built page says something about itself outside its body.
DESCRIPTIONS = ('meta[name="description"]', 'meta[property="og:description"]', 'meta[name="twitter:description"]')


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


# What a built page shows -------------------------------------------------------------------


def _skipped(node: html.Node) -> bool:
    return any(html.classes(n) & NOT_PROSE for n in (node, *html.ancestors(node)))


def _own_text(node: html.Node) -> str:
    """A block's text without the blocks nested in it and without labels."""
    parts = []
    for child in node.iter(include_text=True):
        if child.is_text_node:
            parts.append(child.text_content or "")
        elif child.is_element_node and child.tag not in NESTED and not (html.classes(child) & NOT_PROSE):
            parts.append(html.text(child, NOT_PROSE))
    return " ".join("".join(parts).split())


def prose_blocks(content: html.Node) -> list[str]:
    """The text of each paragraph, list item, cell and caption, without nested blocks or labels."""
    blocks = []
    for node in html.elements(content):
        if node.tag in BLOCKS and not _skipped(node) and (own := _own_text(node)):
            blocks.append(own)
    return blocks


def shown_texts(page_html: str) -> list[str]:
    """Everything a reader meets on a built page that is not a label: the body's prose (with
    its templates', which scripts show), the page's descriptions (search results and link previews), image alt texts and SVG titles in
    the body, and the footer's copyright line."""
    root = html.parse(page_html)
    body = html.article(root)
    texts = prose_blocks(body)
    # What a script shows from the page's <template>s (the follow-along view) is read too.
    texts += [block for fragment in body.template_fragments() for block in prose_blocks(fragment)]
    for selector in DESCRIPTIONS:
        texts += [node.attributes.get("content") or "" for node in root.css(selector)]
    texts += [node.attributes.get("alt") or "" for node in body.css("img[alt]")]
    texts += [html.text(node) for node in body.css("svg title, svg desc")]
    texts += [html.text(node) for node in body.css(".facts-line__value")]
    texts += [html.text(node) for node in root.css(".md-copyright")]
    return [" ".join(text.split()) for text in texts if text.strip()]


def page_sentences(page_html: str) -> list[str]:
    return [sentence for text in shown_texts(page_html) for sentence in split_sentences(text)]


def headings(page_html: str) -> list[str]:
    return [" ".join(html.text(node, NOT_PROSE).split()) for node in html.elements(html.article(html.parse(page_html))) if node.tag in HEADINGS]


def visible_text(page_html: str) -> str:
    """The body's whole text as a reader reads it, for finding the source's sentences in it."""
    return html.text(html.article(html.parse(page_html)), frozenset({"headerlink"}))


# What CONTENT.md lists ---------------------------------------------------------------------


@dataclass(frozen=True)
class Listed:
    sentences: list[str]  # "Sentences not from the source" and "Words the layout shows"
    shortened: list[str]  # the shown column of "Source sentences shortened"
    descriptions: list[str]  # "Page descriptions"

    def all(self) -> list[str]:
        return self.sentences + self.shortened + self.descriptions


def table_column(content_md: str, section: str, column: int = 0) -> list[str]:
    """A column of the first table under '## <section>' in CONTENT.md, without its markup."""
    text = content_md.split(f"\n## {section}\n", 1)
    assert len(text) == 2, f"CONTENT.md has no section '## {section}'"
    rows = [line for line in text[1].split("\n## ", 1)[0].splitlines() if line.startswith("|")]
    return [row.split("|")[column + 1].strip().replace("`", "") for row in rows[2:]]


def listed(content_md: str) -> Listed:
    return Listed(
        sentences=table_column(content_md, "Sentences not from the source")
        + table_column(content_md, "Words the layout shows"),
        shortened=table_column(content_md, "Source sentences shortened"),
        descriptions=table_column(content_md, "Page descriptions", 1),
    )


def reviewed_sentences(content_md: str) -> list[str]:
    return listed(content_md).all()


def vocabulary_labels() -> list[str]:
    """The labels readers see for front matter words; CONTENT.md's front matter table lists them."""
    return [label for fact in FACTS for label in (fact.vocabulary or {}).values()]


# Comparisons -------------------------------------------------------------------------------


def unpublished(source_text: str, site_text: str) -> list[str]:
    """Source headings and sentences that the site does not show word for word."""
    source_headings, sentences = source_units(source_text)
    site = normalize(site_text)
    return [unit for unit in source_headings + sentences if normalize(unit) not in site]


def unreviewed(sentences: list[str], source_text: str, reviewed: list[str]) -> list[str]:
    """Sentences that are neither a whole sentence of the source nor listed.

    A list item or a fact may show a label of the facts table (CONTENT.md lists those in its
    front matter table), and a source sentence split into list items counts whole.
    """
    _, source_sentences = source_units(source_text)
    source = {normalize(sentence) for sentence in source_sentences}
    allowed = source | {normalize(sentence) for sentence in [*reviewed, *vocabulary_labels()]}
    return [sentence for sentence in sentences if normalize(sentence) not in allowed and not _labels_only(sentence)]


def _labels_only(text: str) -> bool:
    """'Middle back, Upper back': a glance value made of facts-table labels only."""
    one = "|".join(re.escape(normalize(label)) for label in sorted(vocabulary_labels(), key=len, reverse=True))
    return re.fullmatch(f"(?:{one})(?:, (?:{one}))*", normalize(text)) is not None
