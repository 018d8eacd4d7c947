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


def test_the_audit_counts_what_no_clinician_has_reviewed() -> None:
    from audit.review_dates import clinician_review_report

    table = "\n## Sentences not from the source\n\n| Sentence | Where | Why | Review |\n|---|---|---|---|\n"
    rows = "| A. | x | y | needs review |\n| B. | x | y | reviewed 2027-01-15 by physiotherapist |\n"
    empty = "".join(f"\n## {name}\n\n| Text | Review |\n|---|---|\n" for name in
                    ("Source sentences shortened", "Words the layout shows", "Glance facts", "Page descriptions"))
    assert clinician_review_report(table + rows + empty) == (
        'Clinician review: 1 of 2 added texts in CONTENT.md still need review (1 in "Sentences not from the source")'
        " (not a miss)"
    )


def test_the_nhs_reference_is_due_for_a_new_check_after_a_year() -> None:
    from audit.review_dates import reference_report
    from backguide.red_flags import reference

    checked = reference().checked
    assert "due for a new check" not in reference_report(checked + datetime.timedelta(days=365))
    assert reference_report(checked + datetime.timedelta(days=366)).endswith("due for a new check")
