"""The search index holds every page readers read, and only those, as whole words.

Pagefind writes it into SITE/pagefind/ (backguide/search.py); these tests read it back.
"""

from __future__ import annotations

import re
from pathlib import Path

from project import ROOT

from backguide.html import article, attribute, parse, text
from backguide.search import SHARED_SECTION_WEIGHT, for_index, indexed_pages, page_count, searchable
from backguide.site import built_page, page_url, source_pages


def glued_words(text: str) -> list[str]:
    """Two words run together by markup without white space, such as "backPosition"."""
    return sorted(set(re.findall(r"\b[a-z]+[A-Z]\w*", text)))


def test_every_page_from_docs_is_indexed_and_nothing_else(site: Path) -> None:
    """Not the short links' redirect pages, nor the 404 page, nor the offline page: they answer nothing."""
    expected = sorted(page_url(page.src_uri) for page in searchable(source_pages(ROOT / "docs")))
    assert "/offline/" not in expected and len(expected) == len(source_pages(ROOT / "docs")) - 1
    assert [record["url"] for record in indexed_pages(site)] == expected


def test_the_index_lists_every_article_and_section_the_site_has(site: Path) -> None:
    """Read from the built pages, not from what was handed to Pagefind: nothing is lost on the way."""
    pages = searchable(source_pages(ROOT / "docs"))
    expected = {}
    for page in pages:
        content = article(parse(built_page(site, page.src_uri).read_text(encoding="utf-8")))
        expected[page_url(page.src_uri)] = [attribute(heading, "id") for heading in content.css("h2[id]")]
    indexed = {record["url"]: [a["id"] for a in record["anchors"] if a["element"] == "h2"] for record in indexed_pages(site)}
    assert indexed == expected
    assert page_count(site) == len(pages)


def test_each_page_is_indexed_by_its_title(site: Path) -> None:
    for record in indexed_pages(site):
        assert record["meta"]["title"], record["url"]
        assert record["content"].startswith(record["meta"]["title"]), record["url"]


def test_only_the_article_is_indexed(site: Path) -> None:
    """No header, navigation, footer, heading links ("¶") or share buttons."""
    for record in indexed_pages(site):
        text = record["content"]
        assert "¶" not in text and "Share" not in text and "Skip to content" not in text, record["url"]
        assert "Exercises are not a substitute for medical advice" not in text, record["url"]  # the footer


def test_no_words_are_glued_together(site: Path) -> None:
    assert {record["url"]: glued_words(record["content"]) for record in indexed_pages(site)} == {
        record["url"]: [] for record in indexed_pages(site)
    }


def test_a_glued_word_is_caught() -> None:
    assert glued_words("You need A chair with a solid backPositionSittingWorks on") == ["backPositionSittingWorks"]


def test_no_page_lists_its_own_title_as_a_section(site: Path) -> None:
    """A result card links to the page once, not again to "#its-title" beneath it."""
    for record in indexed_pages(site):
        assert [anchor for anchor in record["anchors"] if anchor["element"] == "h1"] == [], record["url"]
        assert len(record["anchors"]) >= 2, record["url"]  # its sections are still there


def test_the_texts_every_method_page_repeats_weigh_less() -> None:
    page = (
        '<html><head><meta name="description" content="d"></head><body><article><h1 id="t">T</h1><p>intro</p>'
        '<h2 id="before-you-start">Before you start</h2><div class="admonition">stop</div>'
        '<h2 id="steps">Steps</h2><ol><li>sit</li></ol>'
        '<h2 id="good-to-know">Good to know</h2><div class="admonition">once</div></article></body></html>'
    )
    content = article(parse(for_index(page)))
    assert attribute(content.css_first("h1"), "id") is None
    weights = {text(node): attribute(node, "data-pagefind-weight") for node in content.css("p, div, ol, h2")}
    assert weights == {"intro": None, "Before you start": None, "stop": SHARED_SECTION_WEIGHT,
                       "Steps": None, "sit": None, "Good to know": None, "once": SHARED_SECTION_WEIGHT}
