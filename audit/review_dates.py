"""Pages past their next review: read from each page's front matter, reported by `make audit`.

The build never looks at the calendar (two builds of one commit stay byte-identical), so the
date is checked here, against today, and an overdue page is listed for its owner to review,
without failing the audit: a late review is a task, not a broken page.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from backguide.site import source_pages


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
