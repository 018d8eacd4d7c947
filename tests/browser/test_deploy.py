"""A tab opened before a deploy keeps every page styled after it, with no policy violation.

Build A is the session's site; build B is the same project with one CSS rule more, built as
it ships for the same address. The test server swaps B in for A, as a static host does on a
deploy (A's stylesheet is gone from it), while a tab still shows a page of A. Following a link,
Material's instant navigation brings B's page into A's document, under A's policy.
"""

from __future__ import annotations

from pathlib import Path

from project import SITE_URL, copy_project
from waits import wait_until

from backguide.optimise import site_sheet
from backguide.ship import build_site

START = "methods/chair/"
# One rule more in B, on the title, so the test also sees B's stylesheet apply.
B_RULE = "\n.md-typeset h1 { letter-spacing: 0.01em; }\n"
LOOKS = """() => ({
  font: getComputedStyle(document.body).fontFamily,
  header: getComputedStyle(document.querySelector('.md-header')).backgroundColor,
  title: getComputedStyle(document.querySelector('article h1')).fontSize,
  spacing: getComputedStyle(document.querySelector('article h1')).letterSpacing,
})"""
REPORT_VIOLATIONS = (
    "document.addEventListener('securitypolicyviolation', event =>"
    " reportCspViolation(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`))"
)
SHOWING = "path => document.querySelector('link[rel=canonical]').href.endsWith(path)"
STYLESHEET_LOADED = "name => [...document.styleSheets].some(sheet => sheet.href && sheet.href.endsWith(name))"


def test_a_tab_keeps_every_page_styled_across_a_deploy(browser, base_url: str, served, site: Path, optimised_site: Path,
                                                       tmp_path: Path, output_dir: Path) -> None:
    project = copy_project(tmp_path / "project")
    extra = project / "docs" / "stylesheets" / "extra.css"
    extra.write_text(extra.read_text() + B_RULE)
    build_b = build_site(tmp_path / "b", config_file=project / "mkdocs.yml", site_url=SITE_URL).site
    sheet_a, sheet_b = site_sheet(site).name, site_sheet(build_b).name
    assert sheet_a != sheet_b and not (build_b / "assets" / "stylesheets" / sheet_a).exists()

    # Without the service worker: a browser that has none, or a first visit before it saved the
    # guide. With it, the tab keeps its own version to its end (tests/browser/test_offline.py).
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 800}, service_workers="block")
    violations: list[str] = []
    context.expose_function("reportCspViolation", lambda violation: violations.append(violation))
    context.add_init_script(REPORT_VIOLATIONS)
    page = context.new_page()
    try:
        page.goto(START)
        page.wait_for_load_state("networkidle")  # the sitemap, which instant navigation needs
        before = page.evaluate(LOOKS)
        page.evaluate("window.openBeforeTheDeploy = true")
        served.folder = build_b  # the deploy
        try:
            page.locator(".md-footer__link--next").click()
            wait_until(page, SHOWING, "/methods/floor/")
            wait_until(page, STYLESHEET_LOADED, sheet_b)
            after = page.evaluate(LOOKS)
            assert page.evaluate("window.openBeforeTheDeploy") is True, "a full page load, not instant navigation"
            page.screenshot(path=str(output_dir / "after-a-deploy.png"))
        finally:
            served.folder = site
    finally:
        context.close()
    assert violations == []
    assert {key: after[key] for key in ("font", "header", "title")} == {key: before[key] for key in ("font", "header", "title")}
    assert before["header"] != "rgba(0, 0, 0, 0)" and before["title"] == "22.4px"
    assert (before["spacing"], after["spacing"]) == ("normal", "0.224px")  # B's one rule applies
