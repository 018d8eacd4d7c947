"""Pages past their next review: read from each page's front matter, reported by `make audit`.

The build never looks at the calendar (two builds of one commit stay byte-identical), so the
date is checked here, against today, and an overdue page is listed for its owner to review,
without failing the audit: a late review is a task, not a broken page.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from backguide.content import NEEDS_REVIEW, review_statuses
from backguide.red_flags import REFERENCE_NAME, reference
from backguide.site import source_pages

# The NHS's urgent signs are read again at least this often (backguide/data/...yml says so).
REFERENCE_CHECK_DAYS = 365


def overdue_pages(docs_dir: Path, today: datetime.date) -> list[str]:
    """One line per page whose `next_review` is before today, or that has no review dates."""
    lines = []
    for page in source_pages(docs_dir):
        due = page.meta.get("next_review")
        if not isinstance(due, datetime.date):
            lines.append(f"docs/{page.src_uri}: no next_review date in its front matter")
        elif due < today:
            lines.append(f"docs/{page.src_uri}: review was due on {due.isoformat()} ({(today - due).days} days ago)")
    return lines


def review_report(docs_dir: Path, today: datetime.date) -> str:
    lines = overdue_pages(docs_dir, today)
    if not lines:
        return f"Reviews: no page is past its next review ({today.isoformat()})"
    return "\n".join([f"Past their next review ({today.isoformat()}), to review (not a miss):", *(f"  {line}" for line in lines)])


def clinician_review_report(content_md: str) -> str:
    """How many added texts of CONTENT.md no clinician has reviewed yet (a status only a review changes)."""
    statuses = review_statuses(content_md)
    waiting = [status for status in statuses if status.status == NEEDS_REVIEW]
    by_table = {}
    for status in waiting:
        by_table[status.table] = by_table.get(status.table, 0) + 1
    detail = ", ".join(f"{count} in \"{table}\"" for table, count in by_table.items())
    return (
        f"Clinician review: {len(waiting)} of {len(statuses)} added texts in CONTENT.md still need review"
        + (f" ({detail})" if detail else "")
        + " (not a miss)"
    )


def reference_report(today: datetime.date) -> str:
    """When the NHS's urgent signs were last read; due again after a year."""
    checked = reference().checked
    age = (today - checked).days
    due = " - due for a new check" if age > REFERENCE_CHECK_DAYS else ""
    return f"NHS urgent signs ({REFERENCE_NAME}) last checked {checked.isoformat()}, {age} days ago{due}"
