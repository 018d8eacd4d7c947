"""The rendered gate: every HTML file the build ships, opened in Chromium and judged as a reader gets it.

The rules in backguide.gate judge each page's HTML as MkDocs writes it. A reader gets more:
the site's stylesheets and scripts, the theme, the window they read in, their settings, a
printout, a second visit, the follow-along view. Here each shipped page is opened over a
local HTTP server in Debian's Chromium (Playwright), under the covering set of conditions of
`conditions.VISITS`, and one probe (probe.js) measures, for each warning the page must show:

- its rendered text (innerText, plus any ::before/::after `content`) equals its include's, title included;
- each line box is on the screen, not cut off, and the element on top at its centre (elementFromPoint,
  scrolled into view, with nothing made click-through), not covered by a positioned pseudo-element;
- contrast of at least 4.5:1 against the backgrounds really behind it, at least 12 px, opacity of
  its ancestors at least 0.9, no filter, blend, clip, mask or hidden visibility;
- shown above the first step, and read out before it in the accessibility tree;
- the page opens at the top (after load, after 3 s, on a second visit).

On a method page the follow-along view is opened with its own button and every screen's safety
line is judged the same way, also while the hold timer runs. A page that is not a method page
must show no steps, judged on its rendered DOM and CSS-added text by the same rules as its
Markdown (backguide.markup).

`check(site_dir, project)` returns the Problems; `backguide.ship.build_site` runs it after
check-site, from a cache when the same bytes were judged before (backguide/rendered/cache.py).
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit
from dataclasses import dataclass
from pathlib import Path

from backguide import html
from backguide.markup import check_no_steps
from backguide.rendered.conditions import DESIGN, VISITS
from backguide.rendered.run import Finding, find_chromium
from backguide.rendered.run import run as run_targets
from backguide.rendered.targets import Target, targets
from backguide.rules import Problem

__all__ = ["check", "Verdict", "find_chromium", "DESIGN"]

FIX = (
    "a reader must get every warning whole, readable and on top in every view; find what changes it"
    " under this condition ({where}) and take it out"
)


@dataclass(frozen=True)
class Verdict:
    problems: list[Problem]
    pages: int  # HTML files opened
    visits: int
    probes: int
    seconds: float
    cached: bool = False

    def summary(self) -> str:
        how = "from the cache of an identical build" if self.cached else f"{self.visits} visits, {self.probes} probes, {self.seconds:.0f} s"
        outcome = f"{len(self.problems)} problem(s)" if self.problems else "every warning whole and on top"
        return f"rendered gate: {self.pages} pages in Chromium ({how}): {outcome}"


def check(site_dir: Path, project: Path, chromium: str, site_url: str | None = None, only: list[str] | None = None,
          use_cache: bool = True, fresh: bool = False) -> Verdict:
    """Open every shipped page (or only those whose path is in `only`) and judge it; the problems found.

    A verdict for the same bytes comes from the cache (backguide/rendered/cache.py); `fresh`
    judges again and stores the new verdict.
    """
    from backguide.rendered import cache

    start = time.monotonic()
    found = targets(site_dir, project)
    if only is not None:
        found = [target for target in found if target.path in only or target.url in only]
    pages = len({target.url for target in found})
    cache_key = cache.key(site_dir, project, chromium, site_url, only)
    if use_cache and not fresh and (known := cache.load(cache_key)) is not None:
        return Verdict(known, pages, 0, 0, time.monotonic() - start, cached=True)
    prefix = urlsplit(site_url).path or "/" if site_url else "/"
    result = run_targets(site_dir, found, chromium, prefix)
    problems = _problems(result.findings, project)
    problems += _steps_on_other_pages(result.texts)
    problems = _unique(problems)
    if use_cache:
        cache.store(cache_key, problems)
    return Verdict(problems, pages, result.visits, result.probes, time.monotonic() - start)


def _unique(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))


def _problems(findings: list[Finding], project: Path) -> list[Problem]:
    """One Problem per page, subject and problem, naming the first condition it was met in (and how many more).

    "First" is in the order of VISITS, then of the probes within a visit, whatever order the
    parallel visits finished in, so the same site always gets the same message.
    """
    order = {visit: index for index, visit in enumerate(VISITS)}
    ranked = sorted(findings, key=lambda one: (order.get(one.moment.visit, len(order)), one.target.url))  # stable: keeps each visit's own order
    grouped: dict[tuple[str, str, str], list[Finding]] = {}
    for finding in ranked:
        grouped.setdefault((finding.target.path, finding.subject, finding.problem), []).append(finding)
    problems = []
    for (path, subject, problem), met in grouped.items():
        first = met[0]
        where = str(first.moment)
        more = len({str(one.moment) for one in met}) - 1
        also = f" (and in {more} more condition{'s' if more != 1 else ''})" if more else ""
        fix = FIX.format(where=where)
        blame = responsible(project, first)
        if blame:
            fix = f"{blame}; {fix}"
        problems.append(Problem(path, f"{where}{also}: {subject} {problem}; fix: {fix}"))
    return problems


def responsible(project: Path, finding: Finding) -> str:
    """The site's own stylesheet or script that can do this, where the page's files name one."""
    from backguide.rendered.blame import blame

    return blame(project, finding)


def _steps_on_other_pages(texts: list[tuple[Target, object, dict]]) -> list[Problem]:
    """A page that is not a method page shows no steps: its rendered DOM and CSS-added words, by the Markdown's rules."""
    problems = []
    for target, moment, text in texts:
        if target.method or target.src_uri is None and target.path.endswith(".md"):
            continue
        added = "".join(f"<p>{html_escape(words)}</p>" for words in text.get("added", []))
        root = html.content(text["html"] + added)
        for message in check_no_steps(root, target.src_uri or "404.md"):
            problems.append(Problem(target.path, f"{moment}: as rendered, {message}"))
    return problems


def html_escape(text: str) -> str:
    from html import escape

    return escape(text)
