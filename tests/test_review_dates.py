"""`make audit` lists pages past their next review; the build never reads the calendar."""

from __future__ import annotations

import datetime
from pathlib import Path

from audit.review_dates import overdue_pages, review_report

from backguide.rules import check_review_dates
from backguide.site import ROOT


def write(docs: Path, name: str, front_matter: str) -> None:
    (docs / name).write_text(f"---\n{front_matter}\n---\n\nText.\n")


def test_an_overdue_page_is_listed(tmp_path: Path) -> None:
    write(tmp_path, "late.md", "reviewed: 2024-01-01\nnext_review: 2025-01-01")
    write(tmp_path, "fine.md", "reviewed: 2026-01-01\nnext_review: 2027-01-01")
    write(tmp_path, "undated.md", "title: x")
    assert overdue_pages(tmp_path, datetime.date(2026, 1, 31)) == [
        "docs/late.md: review was due on 2025-01-01 (395 days ago)",
        "docs/undated.md: no next_review date in its front matter",
    ]


def test_no_page_of_the_guide_is_overdue_on_its_review_day() -> None:
    assert "no page is past" in review_report(ROOT / "docs", datetime.date(2026, 11, 28))


def test_review_dates_are_checked_when_given() -> None:
    assert check_review_dates({}) == []
    assert check_review_dates({"reviewed": datetime.date(2026, 1, 1), "next_review": datetime.date(2027, 1, 1)}) == []
    assert check_review_dates({"reviewed": "soon"}) == [
        "front matter 'reviewed' must be a date written as  reviewed: 2026-11-28  (got 'soon')"
    ]
    assert check_review_dates({"reviewed": datetime.date(2026, 1, 1), "next_review": datetime.date(2025, 1, 1)}) == [
        "front matter 'next_review' must come after 'reviewed'"
    ]
