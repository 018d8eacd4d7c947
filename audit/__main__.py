"""`python -m audit`: build the site, serve it with nginx, audit every page, print the summary.

Exits 1 on any miss. `--only PATH` audits the pages whose address contains PATH (for a
quick look while fixing one page); `--no-lighthouse` leaves out the slow part.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import tempfile
import time
from pathlib import Path

from backguide.chromium import find_chromium
from backguide.csp import check_policy
from backguide.ship import build_site, show_mkdocs_log
from backguide.plain_words import grade_report
from backguide.site import ROOT

from audit.bare import write_bare_pages
from audit.browser import BrowserChecks, chromium_browser
from audit.html_checker import check_html
from audit.lighthouse import audit_page
from audit.links import ALLOWED_EXTERNAL, allowed_external, check_site_links
from audit.offline import check_offline
from audit.pages import Page, redirect_shape, site_pages
from audit.report import PageReport, summary
from audit.review_dates import clinician_review_report, reference_report, review_report
from audit.server import nginx
from audit.speed import RUNS, side_by_side, verdict
from support.ports import free_port

# Lighthouse's JSON reports stay here after a run, for a person to open.
RESULTS = ROOT / "audit-results"


def build(site: Path, site_url: str) -> None:
    """The site as it ships (backguide.ship, as `make build` builds it), for the address nginx serves."""
    show_mkdocs_log()
    shipped = build_site(site, config_file=ROOT / "mkdocs.yml", site_url=site_url)
    for line in shipped.report():
        log(line)


def chromium_path() -> str:
    path = find_chromium()
    if not path:
        sys.exit("no Chromium: install Debian's 'chromium' package or set CHROMIUM to its path")
    return path


def report_name(page: Page) -> str:
    return (page.path.strip("/").replace("/", "-") or "home").removesuffix(".html") + ".json"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m audit", description=__doc__)
    parser.add_argument("--only", help="audit only pages whose address contains this text")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (the slow part)")
    options = parser.parse_args()
    started = time.monotonic()
    chromium = chromium_path()
    port = free_port()
    site_url = f"http://127.0.0.1:{port}/"

    with tempfile.TemporaryDirectory(prefix="audit-") as scratch:
        site = Path(scratch) / "site"
        log(f"Building for {site_url}")
        build(site, site_url)
        pages = [page for page in site_pages(site) if not options.only or options.only in page.path]
        reports = {page.path: PageReport(page.name, page.is_redirect) for page in pages}

        log("Checking links, Content-Security-Policy tags and HTML")
        for path, problems in check_site_links(site, site_url, allowed_external(ALLOWED_EXTERNAL.read_text())).items():
            page_path = next((page.path for page in pages if page.file == site / path), None)
            if page_path is not None:
                reports[page_path].misses["Links"] += problems
        for page in pages:
            reports[page.path].misses["CSP"] += check_policy(page.file.read_text(encoding="utf-8"))
        html_errors = check_html([page.file for page in pages], site)
        for page in pages:
            reports[page.path].misses["HTML"] += html_errors.get(page.file.relative_to(site).as_posix(), [])

        readable = [page for page in pages if not page.is_redirect]
        # Written after the checks listed the pages, so the twins are measured but not audited.
        twins = write_bare_pages(site, readable)
        with nginx(site, port, Path(scratch) / "nginx") as base_url:
            log(f"Serving with nginx on {base_url}; checking {len(readable)} pages in Chromium")
            with chromium_browser(chromium) as running:
                browser = BrowserChecks(running, base_url)
                for page in readable:
                    # Reached by instant navigation from another page too (not the 404 page, which
                    # the sitemap does not list, so Material loads it in full).
                    start = None if page.path.endswith(".html") else ("rules/" if page.path == "" else "")
                    found = browser.check(page.path, start)
                    misses = reports[page.path].misses
                    misses["axe"] += found.axe
                    misses["Privacy"] += found.privacy
                    misses["CSP"] += found.csp
                    misses["Errors"] += found.errors
                # Installable, and a second visit answered by the service worker (audit/offline.py).
                # The 404 page is not one a reader opens, so it is left for first use, not saved.
                offline = check_offline(running, chromium, base_url, [page.path for page in readable if not page.path.endswith(".html")],
                                        Path(scratch) / "chromium-profile")
                log(offline.report())
            if not options.no_lighthouse:
                for number, page in enumerate(readable, start=1):
                    log(f"Lighthouse {number}/{len(readable)}: {page.name}")
                    report_path = RESULTS / "lighthouse" / report_name(page)
                    result = audit_page(base_url + page.path, report_path, chromium)
                    reports[page.path].lighthouse = result
                    log(f"  LCP against its bare twin: {RUNS} runs each")
                    ratio = side_by_side(base_url + page.path, base_url + twins[page.path],
                                         report_path.with_suffix(""), chromium, result.lcp_runs)
                    reports[page.path].ratio = ratio
                    miss, shortfall = verdict(ratio)
                    reports[page.path].misses["Speed"] += [miss] if miss else []
                    reports[page.path].speed_short_of_aim += [shortfall] if shortfall else []
                timed_shapes: dict[str, str] = {}  # one short link per shape is timed (audit/pages.redirect_shape)
                for page in pages:
                    if page.is_redirect and page.redirect_to in reports:
                        shape = redirect_shape(page.file.read_text(encoding="utf-8"), page.redirect_to)
                        if shape in timed_shapes:
                            reports[page.path].timed_as = timed_shapes[shape]
                            continue
                        timed_shapes[shape] = page.name
                        log(f"Short link {page.name} -> {page.redirect_to}: {RUNS} runs")
                        direct = reports[page.redirect_to].ratio
                        # Against the page's own runs, made minutes before on the same machine.
                        reports[page.path].ratio = side_by_side(
                            base_url + page.path, base_url + page.redirect_to,
                            RESULTS / "lighthouse" / report_name(page).removesuffix(".json"), chromium,
                            second_known=direct.page_ms,
                        ) if direct else None

    ordered = [reports[page.path] for page in pages]
    print(summary(ordered))
    print(offline.report())
    print(review_report(ROOT / "docs", datetime.date.today()))
    print(clinician_review_report((ROOT / "CONTENT.md").read_text(encoding="utf-8")))
    print(grade_report((ROOT / "CONTENT.md").read_text(encoding="utf-8")))
    print(reference_report(datetime.date.today()))
    log(f"Audit took {time.monotonic() - started:.0f} s")
    return 1 if any(report.all_misses() for report in ordered) or offline.misses else 0


if __name__ == "__main__":
    sys.exit(main())
