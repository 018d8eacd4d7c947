"""Text of the guide: the owner's source, what CONTENT.md lists, and what a built page shows.

Both sides are cut into sentences and compared after `normalize`, so typographic quotes,
spacing and case do not count as changes. A sentence a reader sees must be a whole sentence
of the source, or be listed in CONTENT.md; a shortened source sentence is a change like any
other, and CONTENT.md lists it with the original beside it. CONTENT.md also marks the
source's cautions (they must come before the steps) and says which source sentence backs
each "At a glance" value; the build and the tests read those tables here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from backguide import html
from backguide.facts import FACTS
from backguide.site import ROOT

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
        "print-footer",  # the short address and the review date again, for paper
        "method-finder",
    }
)
BLOCKS = {"p", "li", "td", "th", "dd", "blockquote", "figcaption"}
NESTED = BLOCKS | {"ol", "ul", "div", "details", "dl", "table", "figure", "nav", "aside", "header", "section"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’)]*\s+(?=[A-Z(“\"‘])")
# Where a built page says something about itself outside its body.
DESCRIPTIONS = ('meta[name="description"]', 'meta[property="og:description"]', 'meta[name="twitter:description"]')


def normalize(text: str) -> str:
    """Text as compared by the rules: straight quotes, single spaces, any case."""
    text = text.translate(str.maketrans("‘’“”", "''\"\"")).replace("\u00a0", " ")
    return " ".join(text.split()).casefold()


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


def own_text(node: html.Node, nested: frozenset[str] | set[str] = NESTED, skip: frozenset[str] = NOT_PROSE) -> str:
    """A block's text without the blocks nested in it (`nested` tags) and without labels (`skip` classes)."""
    parts = []
    for child in node.iter(include_text=True):
        if child.is_text_node:
            parts.append(child.text_content or "")
        elif child.is_element_node and child.tag not in nested and not (html.classes(child) & skip):
            parts.append(html.text(child, skip))
    return " ".join("".join(parts).split())


def prose_blocks(content: html.Node) -> list[str]:
    """The text of each paragraph, list item, cell and caption, without nested blocks or labels."""
    blocks = []
    for node in html.elements(content):
        if node.tag in BLOCKS and not _skipped(node) and (own := own_text(node)):
            blocks.append(own)
    return blocks


def shown_texts(page_html: str) -> list[str]:
    """Everything a reader meets on a built page that is not a label: the body's prose (with
    its templates', which scripts show), the page's descriptions (search results and link previews), image alt texts and SVG titles in
    the body, the footer's copyright line and the update note."""
    root = html.parse(page_html)
    body = html.article(root)
    texts = prose_blocks(body)
    # What a script shows from the page's <template>s (the follow-along view) is read too.
    texts += [block for fragment in body.template_fragments() for block in prose_blocks(fragment)]
    for selector in DESCRIPTIONS:
        texts += [node.attributes.get("content") or "" for node in root.css(selector)]
    texts += [node.attributes.get("alt") or "" for node in body.css("img[alt]")]
    texts += [html.text(node) for node in body.css("svg title, svg desc")]
    texts += [html.text(node) for fragment in body.template_fragments() for node in fragment.css("svg title, svg desc")]
    texts += [html.text(node) for node in body.css(".facts-line__value")]
    texts += [html.text(node) for node in root.css(".md-copyright")]
    # The update note a script shows in a tab opened before a new version (overrides/main.html).
    texts += [html.text(node) for node in root.css(".update-note p, .update-note button")]
    return [" ".join(text.split()) for text in texts if text.strip()]


def page_sentences(page_html: str) -> list[str]:
    return [sentence for text in shown_texts(page_html) for sentence in split_sentences(text)]


def headings(page_html: str) -> list[str]:
    return [" ".join(html.text(node, NOT_PROSE).split()) for node in html.elements(html.article(html.parse(page_html))) if node.tag in HEADINGS]


def visible_text(page_html: str) -> str:
    """The body's whole text as a reader reads it, for finding the source's sentences in it."""
    return html.text(html.article(html.parse(page_html)), frozenset({"headerlink"}))


# What CONTENT.md lists ---------------------------------------------------------------------

# The tables of text that is not the owner's, each with a Review column a clinician fills in.
REVIEWED_TABLES = (
    "Sentences not from the source",
    "Source sentences shortened",
    "Words the layout shows",
    "Glance facts",
    "Page descriptions",
)
NEEDS_REVIEW = "needs review"
# "reviewed 2027-01-15 by physiotherapist": only a clinician's review changes the status.
REVIEWED = re.compile(r"reviewed (\d{4}-\d{2}-\d{2}) by [a-z][a-z ,'-]+")
# A Pages cell naming every method page rather than a file.
EVERY_METHOD_PAGE = "every method page"


@dataclass(frozen=True)
class Listed:
    sentences: list[str]  # "Sentences not from the source" and "Words the layout shows"
    shortened: list[str]  # the shown column of "Source sentences shortened"
    descriptions: list[str]  # "Page descriptions"
    glance: list[str] = field(default_factory=list)  # the values of "Glance facts"

    def all(self) -> list[str]:
        return self.sentences + self.shortened + self.descriptions + self.glance


def _section(content_md: str, section: str) -> str:
    parts = content_md.split(f"\n## {section}\n", 1)
    if len(parts) != 2:
        raise ValueError(f"CONTENT.md has no section '## {section}'")
    return parts[1].split("\n## ", 1)[0]


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def table_rows(content_md: str, section: str) -> list[dict[str, str]]:
    """The first table under '## <section>' in CONTENT.md: one dict a row, keyed by the header, cells as written."""
    lines = [line for line in _section(content_md, section).splitlines() if line.startswith("|")]
    if len(lines) < 2:
        raise ValueError(f"CONTENT.md's section '## {section}' has no table")
    header = _cells(lines[0])
    return [dict(zip(header, _cells(line))) for line in lines[2:]]


def table_column(content_md: str, section: str, column: int = 0) -> list[str]:
    """A column of the first table under '## <section>' in CONTENT.md, without its markup."""
    lines = [line for line in _section(content_md, section).splitlines() if line.startswith("|")]
    return [_cells(line)[column].replace("`", "") for line in lines[2:]]


def listed(content_md: str) -> Listed:
    return Listed(
        sentences=table_column(content_md, "Sentences not from the source")
        + table_column(content_md, "Words the layout shows"),
        shortened=table_column(content_md, "Source sentences shortened"),
        descriptions=table_column(content_md, "Page descriptions", 1),
        glance=[row["Value"] for row in table_rows(content_md, "Glance facts")],
    )


def reviewed_sentences(content_md: str) -> list[str]:
    return listed(content_md).all()


def pages_cell(cell: str) -> tuple[str, ...]:
    """A Pages cell: 'every method page', or files in backquotes, e.g. `docs/methods/standing.md`."""
    if cell.strip().lower() == EVERY_METHOD_PAGE:
        return (EVERY_METHOD_PAGE,)
    return tuple(re.findall(r"`([^`]+)`", cell))


@dataclass(frozen=True)
class Caution:
    """A source sentence that warns or says who can do a move: it must come before the steps."""

    sentence: str
    pages: tuple[str, ...]  # docs/... files, or EVERY_METHOD_PAGE
    kind: str  # caution or prerequisite

    def applies_to(self, path: str) -> bool:
        return EVERY_METHOD_PAGE in self.pages or path in self.pages


def cautions(content_md: str) -> list[Caution]:
    return [
        Caution(row["Source sentence"], pages_cell(row["Pages"]), row["Kind"])
        for row in table_rows(content_md, "Cautions and prerequisites")
    ]


@dataclass(frozen=True)
class GlanceSource:
    """A row of "Glance facts": the source sentence an "At a glance" value summarises."""

    page: str  # docs/methods/chair.md, docs/methods/floor.md#knees-to-chest, or EVERY_METHOD_PAGE
    fact: str  # the label readers see: "Works on"
    value: str  # one value as readers see it: "Upper back"
    sentence: str  # a whole sentence of the source


def glance_sources(content_md: str) -> list[GlanceSource]:
    rows = table_rows(content_md, "Glance facts")
    return [
        GlanceSource(row["Page"].replace("`", "").strip(), row["Fact"], row["Value"], row["Source sentence"])
        for row in rows
    ]


@dataclass(frozen=True)
class ReviewStatus:
    table: str
    text: str  # the row's first cell
    status: str  # "needs review" or "reviewed YYYY-MM-DD by role"


def review_statuses(content_md: str) -> list[ReviewStatus]:
    """The Review cell of every row of text that is not the owner's."""
    found = []
    for table in REVIEWED_TABLES:
        for row in table_rows(content_md, table):
            first = next(iter(row.values()), "")
            found.append(ReviewStatus(table, first.replace("`", ""), row.get("Review", "")))
    return found


def bad_review_statuses(content_md: str) -> list[str]:
    """Rows whose Review cell is neither 'needs review' nor 'reviewed YYYY-MM-DD by role'."""
    return [
        f"CONTENT.md, {status.table}: the row \"{status.text}\" has Review \"{status.status}\";"
        f" write  {NEEDS_REVIEW}  (or, after a clinician's review,  reviewed 2027-01-15 by physiotherapist)"
        for status in review_statuses(content_md)
        if status.status != NEEDS_REVIEW and not REVIEWED.fullmatch(status.status)
    ]


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
    """'Middle back and upper back': a glance value made of facts-table labels only."""
    one = "|".join(re.escape(normalize(label)) for label in sorted(vocabulary_labels(), key=len, reverse=True))
    return re.fullmatch(f"(?:{one})(?:(?:, | and )(?:{one}))*", normalize(text)) is not None
