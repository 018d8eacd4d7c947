"""The audit's summary: each miss in full, a table with one row per page, and a final line of misses."""

from __future__ import annotations

from dataclasses import dataclass, field

from audit.lighthouse import AIM_BYTES, AIM_LCP_MS, CATEGORIES, LighthouseResult
from audit.speed import AIM, Ratio

CHECKS = ("axe", "HTML", "Links", "CSP", "Privacy", "Errors", "Speed")


@dataclass
class PageReport:
    name: str  # "/", "methods/chair/", ...
    is_redirect: bool = False
    lighthouse: LighthouseResult | None = None
    misses: dict[str, list[str]] = field(default_factory=lambda: {check: [] for check in CHECKS})
    # LCP against the bare twin (a page), or against the page it opens (a short link).
    ratio: Ratio | None = None
    timed_as: str | None = None  # a short link of the same shape as one timed: that one's name
    speed_short_of_aim: list[str] = field(default_factory=list)

    def all_misses(self) -> list[str]:
        lighthouse = self.lighthouse.misses if self.lighthouse else []
        return lighthouse + [miss for check in CHECKS for miss in self.misses[check]]


def aim(value: float | None, limit: float, scale: float, unit: str) -> str:
    """A figure and how far it is over its aim, e.g. '1.52 s +0.52' or '48 KB ok'."""
    if value is None:
        return "-"
    shown, over = value / scale, (value - limit) / scale
    digits = 2 if unit == "s" else 0
    return f"{shown:.{digits}f} {unit} " + (f"+{over:.{digits}f}" if over > 0 else "ok")


def row(page: PageReport) -> list[str]:
    result = page.lighthouse
    if result is None:
        scores = ["-"] * len(CATEGORIES)
        figures = ["-", "-"]
    else:
        scores = [str(result.scores[category]) if category in result.scores else "-" for category in CATEGORIES]
        if result.performance_runs:
            scores[0] += f" ({'/'.join(map(str, result.performance_runs))})"
        figures = [aim(result.lcp_ms, AIM_LCP_MS, 1000, "s"), aim(result.bytes, AIM_BYTES, 1024, "KB")]
    checks = ["ok" if not page.misses[check] else f"{len(page.misses[check])} miss" for check in CHECKS]
    name = page.name + (" (redirect)" if page.is_redirect else "")
    ratio = f"as {page.timed_as}" if page.timed_as else page.ratio.shown() if page.ratio else "-"
    return [name, *scores, *figures, ratio, *checks]


def table(pages: list[PageReport]) -> str:
    header = ["Page", *CATEGORIES.values(), f"LCP (aim {AIM_LCP_MS / 1000:.1f} s)", f"Bytes (aim {AIM_BYTES // 1024} KB)",
              f"LCP ratio (aim {AIM}x; short link: to the page)", *CHECKS]
    rows = [header] + [row(page) for page in pages]
    widths = [max(len(cells[i]) for cells in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip() for cells in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def details(pages: list[PageReport]) -> str:
    lines = []
    for page in pages:
        for miss in page.all_misses():
            lines.append(f"  {page.name}: {miss}")
    return "\n".join(lines)


def final_line(pages: list[PageReport]) -> str:
    missed = [page for page in pages if page.all_misses()]
    if not missed:
        return f"Misses: none ({len(pages)} pages audited)"
    count = sum(len(page.all_misses()) for page in missed)
    where = "; ".join(f"{page.name} ({len(page.all_misses())})" for page in missed)
    return f"Misses: {count} on {len(missed)} of {len(pages)} pages: {where}"


def short_of_aim(pages: list[PageReport]) -> str:
    return "\n".join(
        f"  {page.name}: {line}" for page in pages if page.lighthouse for line in page.lighthouse.short_of_aim
    )


def speed_short_of_aim(pages: list[PageReport]) -> str:
    return "\n".join(f"  {page.name}: {line}" for page in pages for line in page.speed_short_of_aim)


def summary(pages: list[PageReport]) -> str:
    parts = []
    if any(page.all_misses() for page in pages):
        parts += ["What to fix:", details(pages), ""]
    if shortfalls := short_of_aim(pages):
        parts += ["Performance short of its aim of 100, from timed metrics only (a figure; Speed judges time as a ratio):", shortfalls, ""]
    if shortfalls := speed_short_of_aim(pages):
        parts += [f"Short of the aim of {AIM}x the bare page's LCP, within the limit:", shortfalls, ""]
    parts += [table(pages), "", final_line(pages)]
    return "\n".join(parts)
