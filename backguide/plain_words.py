"""Plain words: every sentence the site adds to its safety text is short and easy to read.

The NHS writes for a reading age of 9 to 11; the source itself reads at about grade 5.5. So
each added sentence of safety text (the method pages' safety panel, every warning box, the
help page, the follow-along view's safety line, a line that sends readers back to the panel)
has at most MAX_WORDS words and a Flesch-Kincaid grade of at most MAX_GRADE. The source's own
sentences are the owner's words and are never judged or changed here.

The grade comes from `textstat` (pinned: 0.7.3 counts syllables with pyphen, offline; later
versions download a dictionary on first use). Flesch-Kincaid is noisy on one short sentence,
so the word count is a rule of its own. A list item is read as the end of the sentence that
leads into it ("Ask first if you:" + "have had cancer"), so it is graded that way, and its
own words are counted.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from functools import cache

import textstat

from backguide import html
from backguide.content import NOT_PROSE, normalize, own_text, source_units, split_sentences

MAX_WORDS = 25
MAX_GRADE = 9.0

# Where safety text stands on a built page. The help page is safety text as a whole.
SAFETY_SELECTORS = (".safety-panel", ".admonition.danger", ".admonition.warning", ".follow-along__safety")
HELP_PAGE = "help.md"
# A paragraph that links back to the page's safety panel ("Stop at once if it hurts, and read
# the safety rules first.") is safety text wherever it stands.
BACK_TO_THE_PANEL = "#before-you-start"

_BLOCKS = {"p", "li"}
_LISTS = {"ul", "ol"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SKIP = NOT_PROSE | {"admonition-title"}


@dataclass(frozen=True)
class Sentence:
    text: str  # as the page shows it
    read_as: str  # what is graded: a list item with the words that lead into it
    where: str

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def grade(self) -> float:
        return grade(self.read_as)


def grade(sentence: str) -> float:
    """The Flesch-Kincaid grade of one sentence (textstat 0.7.3)."""
    return float(textstat.flesch_kincaid_grade(sentence))


def count_words(sentence: str) -> int:
    return len(sentence.split())


@cache
def _source_words(source_text: str) -> str:
    return normalize(" ".join(source_units(source_text)[1]))


def is_source(sentence: str, source_text: str) -> bool:
    """A sentence of the source, whole or shortened (the owner's words, never judged here)."""
    return normalize(sentence) in _source_words(source_text)


def _lead_in(item: html.Node) -> str:
    """The words that lead into a list item: the paragraph or heading before its list, if it ends with ':'."""
    container = item.parent
    before = _previous_element(container)
    # The help page's lists stand alone in a <div> right under their heading.
    while before is None and container is not None and container.tag in {"ul", "ol", "div"} and container.parent is not None:
        container = container.parent
        before = _previous_element(container)
    if before is None or (before.tag != "p" and before.tag not in _HEADINGS):
        return ""
    lead = own_text(before, _LISTS, _SKIP)
    return lead[:-1].strip() if lead.endswith(":") else ""


def _previous_element(node: html.Node | None) -> html.Node | None:
    before = node.prev if node is not None else None
    while before is not None and not before.is_element_node:
        before = before.prev
    return before


def block_sentences(node: html.Node, where: str) -> list[Sentence]:
    """The sentences of the blocks in (and including) a node, a list item read with its lead-in."""
    found = []
    for block in (node, *html.elements(node)) if node.tag in _BLOCKS else html.elements(node):
        if block.tag not in _BLOCKS or any(html.classes(n) & _SKIP for n in (block, *html.ancestors(block))):
            continue
        text = own_text(block, _LISTS, _SKIP)
        if not text:
            continue
        if block.tag == "li":
            lead = _lead_in(block)
            read = f"{lead} {text}" if lead else text
            found.append(Sentence(text, read if re.search(r"[.!?]$", read) else read + ".", where))
        else:
            found += [Sentence(sentence, sentence, where) for sentence in split_sentences(text)]
    return found


def safety_sentences(page_html: str, src_uri: str, source_text: str) -> list[Sentence]:
    """Each added sentence of safety text on a built page, once, in page order."""
    root = html.parse(page_html)
    body = html.article(root)
    scopes = [body] if src_uri == HELP_PAGE else []
    roots = [body, *body.template_fragments()]
    for part in roots:
        for selector in SAFETY_SELECTORS:
            scopes += [node for node in part.css(selector) if not any(html.classes(a) & {"safety-panel"} for a in html.ancestors(node))]
        scopes += [
            node for node in part.css("p")
            if any((link.attributes.get("href") or "").endswith(BACK_TO_THE_PANEL) for link in node.css("a"))
        ]
    seen: dict[tuple[str, str], Sentence] = {}
    for scope in scopes:
        for sentence in block_sentences(scope, src_uri):
            if not is_source(sentence.text, source_text):
                seen.setdefault((sentence.text, sentence.read_as), sentence)
    return list(seen.values())


def problems(sentences: list[Sentence]) -> list[str]:
    """One line per safety sentence that is too long or too hard, with its figures."""
    found = []
    for sentence in sentences:
        reasons = []
        if sentence.words > MAX_WORDS:
            reasons.append(f"has {sentence.words} words (at most {MAX_WORDS})")
        if sentence.grade > MAX_GRADE:
            reasons.append(f"reads at grade {sentence.grade:.1f} (at most {MAX_GRADE:g})")
        if reasons:
            found.append(
                f"{sentence.where}: \"{sentence.text}\" {' and '.join(reasons)};"
                " use shorter words and sentences, or make it a list"
            )
    return found


def median_grade(sentences: list[str]) -> float:
    """The median Flesch-Kincaid grade of sentences (the audit's figure for every added sentence)."""
    return statistics.median(grade(sentence) for sentence in sentences) if sentences else 0.0


def grade_report(content_md: str) -> str:
    """The audit's line: the median grade of every sentence CONTENT.md lists as added."""
    from backguide.content import listed

    added = listed(content_md).sentences
    return (
        f"Plain words: median Flesch-Kincaid grade {median_grade(added):.1f} over {len(added)} added sentences"
        f" (safety text: at most grade {MAX_GRADE:g} and {MAX_WORDS} words each, tests/test_plain_words.py)"
    )
