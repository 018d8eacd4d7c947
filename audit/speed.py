"""LCP side by side: each page against its bare-HTML twin, and a short link against its page, in one run.

Absolute times move with the machine; a ratio of two pages measured in turn on the same
machine moves much less. Each side is the median of RUNS Lighthouse runs (Performance
only), taken alternately so a burst of load hits both sides alike.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from pathlib import Path

from audit.lighthouse import run_lighthouse

RUNS = 3
FAIL_ABOVE = 1.6  # a page slower than this, against its bare twin, fails the audit
AIM = 1.35  # at most this is the aim; between the two a page is listed as short of it


@dataclass
class Ratio:
    page_ms: list[float] = field(default_factory=list)
    other_ms: list[float] = field(default_factory=list)  # the bare twin's runs, or the page's for a short link

    @property
    def value(self) -> float | None:
        if not self.page_ms or not self.other_ms:
            return None
        return statistics.median(self.page_ms) / statistics.median(self.other_ms)

    def shown(self) -> str:
        if self.value is None:
            return "-"
        return f"{self.value:.2f}x ({statistics.median(self.page_ms) / 1000:.2f}/{statistics.median(self.other_ms) / 1000:.2f} s)"


def lcp_ms(url: str, report_path: Path, chrome: str) -> float | None:
    report = run_lighthouse(url, report_path, chrome, only_performance=True)
    return report.get("audits", {}).get("largest-contentful-paint", {}).get("numericValue")


def side_by_side(
    first_url: str, second_url: str, reports: Path, chrome: str, first_known: list[float] = (), second_known: list[float] = ()
) -> Ratio:
    """Median LCPs of two addresses over RUNS alternate runs; `*_known` are runs of either already made."""
    ratio = Ratio(page_ms=[ms for ms in first_known if ms is not None], other_ms=list(second_known))
    for run in range(1, RUNS + 1):
        if len(ratio.other_ms) < RUNS and (ms := lcp_ms(second_url, reports / f"other.run{run}.json", chrome)) is not None:
            ratio.other_ms.append(ms)
        if len(ratio.page_ms) < RUNS and (ms := lcp_ms(first_url, reports / f"page.run{run}.json", chrome)) is not None:
            ratio.page_ms.append(ms)
    return ratio


def verdict(ratio: Ratio) -> tuple[str | None, str | None]:
    """(miss, shortfall) for a page's ratio to its bare twin."""
    if ratio.value is None:
        return "no LCP ratio: Lighthouse measured no LCP for the page or its bare twin", None
    if ratio.value > FAIL_ABOVE:
        return f"LCP {ratio.shown()} of the bare page, above the limit of {FAIL_ABOVE}x", None
    if ratio.value > AIM:
        return None, f"LCP {ratio.shown()} of the bare page, above the aim of {AIM}x"
    return None, None
