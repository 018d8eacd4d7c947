"""The search index holds every page readers read, and only those, as whole words.

Pagefind writes it into SITE/pagefind/ (backguide/search.py); these tests read it back.
"""

from __future__ import annotations

import re
from pathlib import Path

from project import ROOT

from backguide.search import indexed_pages
from backguide.site import page_url, source_pages


def glued_words(text: str) -> list[str]:
    """Two words run together by markup without white space, such as "backPosition"."""
    return sorted(set(re.findall(r"\b[a-z]+[A-Z]\w*", text)))


def test_every_page_from_docs_is_indexed_and_nothing_else(site: Path) -> None:
    """Not the short links' redirect pages, nor the 404 page: they answer nothing."""
    expected = sorted(page_url(page.src_uri) for page in source_pages(ROOT / "docs"))
    assert [record["url"] for record in indexed_pages(site)] == expected


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
