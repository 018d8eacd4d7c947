"""Lighthouse (npm lighthouse, mobile preset, Debian's Chromium) on one page, read from its JSON report.

The pass mark is 100 in every category. LCP and bytes transferred are printed against the
aims (LCP at most 1.0 s, at most 60 KB on first view) so a person sees how far off a page is.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

LIGHTHOUSE = Path(__file__).with_name("node_modules") / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
# Every category must score 100. agentic-browsing is new in Lighthouse 13; it is required
# whenever the report has it.
CATEGORIES = {
    "performance": "Perf",
    "accessibility": "A11y",
    "best-practices": "BP",
    "seo": "SEO",
    "agentic-browsing": "Agent",
}
AIM_LCP_MS = 1000
AIM_BYTES = 60 * 1024


@dataclass
class LighthouseResult:
    scores: dict[str, int] = field(default_factory=dict)  # category id -> 0..100, as Lighthouse shows it
    lcp_ms: float | None = None
    bytes: float | None = None
    misses: list[str] = field(default_factory=list)


def failing_audits(report: dict, category: dict) -> list[str]:
    """The weighted audits that cost a category points, e.g. 'color-contrast' or 'total-blocking-time 180 ms'."""
    audits = report["audits"]
    failing = []
    for ref in category["auditRefs"]:
        audit = audits.get(ref["id"], {})
        score = audit.get("score")
        if ref.get("weight", 0) > 0 and score is not None and score < 1:
            shown = audit.get("displayValue")
            failing.append(f"{ref['id']} {shown}" if shown else ref["id"])
    return failing


def summarize(report: dict) -> LighthouseResult:
    """Scores, LCP, bytes and misses of one Lighthouse JSON report."""
    result = LighthouseResult()
    if report.get("runtimeError"):
        result.misses.append(f"Lighthouse failed: {report['runtimeError'].get('message', report['runtimeError'])}")
    for category_id, category in report.get("categories", {}).items():
        if category_id not in CATEGORIES:
            continue
        if category.get("score") is None:
            result.misses.append(f"Lighthouse {category['title']}: no score")
            continue
        score = round(category["score"] * 100)
        result.scores[category_id] = score
        if score < 100:
            why = ", ".join(failing_audits(report, category)) or "see the JSON report"
            result.misses.append(f"Lighthouse {category['title']} {score}: {why}")
    for required in list(CATEGORIES)[:4]:
        if required not in report.get("categories", {}):
            result.misses.append(f"Lighthouse report has no {required} category")
    audits = report.get("audits", {})
    result.lcp_ms = audits.get("largest-contentful-paint", {}).get("numericValue")
    result.bytes = audits.get("total-byte-weight", {}).get("numericValue")
    return result


def run_lighthouse(url: str, report_path: Path, chrome: str) -> dict:
    """Run Lighthouse's default (mobile) configuration on one address and return its JSON report."""
    report_path.parent.mkdir(parents=True, exist_ok=True)
    environment = {**os.environ, "CHROME_PATH": chrome}
    command = [
        str(LIGHTHOUSE), url,
        "--output=json", f"--output-path={report_path}", "--quiet", f"--chrome-flags={CHROME_FLAGS}",
    ]
    finished = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=300, check=False)
    if finished.returncode != 0 or not report_path.is_file():
        return {"runtimeError": {"message": (finished.stderr or finished.stdout).strip()[-500:]}}
    return json.loads(report_path.read_text())
