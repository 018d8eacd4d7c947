"""Each page in Debian's Chromium via Playwright: axe-core, requests to other hosts, CSP violations, errors.

axe runs in the light and the dark palette, with the search dialog closed and open. Every
request to another host is refused and counted. The page's own Content-Security-Policy
stays on, so a violation it reports while a reader searches or navigates is a miss.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from backguide.chromium import CHROMIUM_ARGS

AXE = Path(__file__).with_name("node_modules") / "axe-core" / "axe.min.js"
# WCAG 2.2 AA: the rules axe tags for levels A and AA of WCAG 2.0, 2.1 and 2.2.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DESKTOP = {"width": 1280, "height": 800}
PALETTES = {"light": "default", "dark": "slate"}  # emulated colour scheme -> Material's scheme
# The header's search button and Pagefind's input in the dialog it opens (overrides/partials/search.html).
SEARCH_BUTTON = "[data-search-open]"
SEARCH_INPUT = "[data-search-dialog] pagefind-input input"
SEARCH_RESULT = "[data-search-dialog] pagefind-results .pf-result a[href]"
# Words the help page has, so results show, and that name NHS urgent signs of both lists, so
# axe also judges the urgent answer above the results (docs/javascripts/urgent-answer.js).
SEARCH_TEXT = "chest pain and back pain at night"
URGENT_ANSWER = "[data-search-dialog] [data-urgent-answer] li"

REPORT_VIOLATIONS = """
document.addEventListener('securitypolicyviolation', event =>
  reportCspViolation(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`))
"""


@dataclass
class BrowserFindings:
    axe: list[str] = field(default_factory=list)
    privacy: list[str] = field(default_factory=list)
    csp: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def axe_misses(violations: list[dict[str, Any]], state: str) -> list[str]:
    """One line per axe violation: the rule, where it happened, and the first elements it hit."""
    lines = []
    for violation in violations:
        targets = [" ".join(map(str, node.get("target", []))) for node in violation.get("nodes", [])]
        lines.append(f"axe {violation['id']} ({state}): {len(targets)} element(s), e.g. {', '.join(targets[:2])}")
    return lines


def run_axe(page, axe_source: str) -> list[dict[str, Any]]:
    # Injected through the DevTools protocol, which the page's CSP does not govern.
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source)
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
        ".then(result => result.violations)",
        WCAG_TAGS,
    )


@contextmanager
def chromium_browser(chromium: str) -> Iterator[Any]:
    """Debian's Chromium, driven by Playwright; no browser is downloaded."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class BrowserChecks:
    """The audit's view of a running Chromium; `check(path)` gives a page's findings."""

    def __init__(self, browser: Any, base_url: str) -> None:
        self.base_url = base_url
        self._browser = browser

    @property
    def axe_source(self) -> str:
        """Read when axe first runs: the privacy and CSP checks work without it."""
        return AXE.read_text()

    def open_page(self, findings: BrowserFindings, color_scheme: str):
        """A fresh context and page that record into `findings`; close the context after use."""
        context = self._browser.new_context(base_url=self.base_url, viewport=DESKTOP, color_scheme=color_scheme)

        def route(route_) -> None:
            url = route_.request.url
            if url.startswith(self.base_url) or url.startswith(("data:", "blob:")):
                route_.continue_()
            else:
                findings.privacy.append(f"request to another host: {url}")
                route_.abort()

        context.route("**/*", route)
        context.expose_function("reportCspViolation", lambda text: findings.csp.append(f"CSP violation: {text}"))
        context.add_init_script(REPORT_VIOLATIONS)
        page = context.new_page()
        page.on("pageerror", lambda error: findings.errors.append(f"script error: {error}"))
        page.on("console", lambda message: message.type == "error" and findings.errors.append(
            f"console error: {message.text[:200]}"))
        return context, page

    def check(self, path: str, instant_from: str | None) -> BrowserFindings:
        findings = BrowserFindings()
        for palette, scheme in PALETTES.items():
            context, page = self.open_page(findings, palette)
            try:
                self._check_in(page, findings, path, palette, scheme, instant_from)
            except Exception as error:  # one page that hangs must not stop the audit of the rest
                findings.errors.append(f"browser check stopped ({palette}): {str(error).splitlines()[0]}")
            finally:
                context.close()
        return findings

    def _check_in(
        self, page, findings: BrowserFindings, path: str, palette: str, scheme: str, instant_from: str | None
    ) -> None:
        page.goto(path)
        page.wait_for_load_state("networkidle")
        wait_for_transitions(page)
        shown = page.evaluate("document.body.dataset.mdColorScheme")
        if shown != scheme:
            findings.axe.append(f"the {palette} palette shows scheme '{shown}', not '{scheme}'")
        findings.axe += axe_misses(run_axe(page, self.axe_source), f"{palette}, search closed")
        if page.locator(SEARCH_BUTTON).count():
            open_search(page)
            findings.axe += axe_misses(run_axe(page, self.axe_source), f"{palette}, search open")
        if palette == "light" and instant_from is not None:
            findings.csp += instant_navigation_misses(page, self.base_url, instant_from, path)


def open_search(page) -> None:
    page.locator(SEARCH_BUTTON).click()
    page.locator(SEARCH_INPUT).press_sequentially(SEARCH_TEXT, delay=20)
    # A card shows a placeholder until its page's data loads; axe must see the finished results.
    page.locator(SEARCH_RESULT).first.wait_for(timeout=10_000)
    page.locator(URGENT_ANSWER).first.wait_for(timeout=10_000)
    page.wait_for_load_state("networkidle")
    wait_for_transitions(page)


def wait_for_transitions(page) -> None:
    """Colours fade in over a quarter second; axe must see the final ones."""
    # Polled from here: wait_for_function evaluates a string in the page, which the CSP refuses.
    for _ in range(50):
        if page.evaluate("document.getAnimations().every(animation => animation.playState !== 'running')"):
            return
        page.wait_for_timeout(50)


def instant_navigation_misses(page, base_url: str, start: str, path: str) -> list[str]:
    """Reach the page from `start` by Material's instant navigation, which swaps the content in place."""
    page.goto(start)
    page.wait_for_load_state("networkidle")
    page.evaluate("window.auditSameDocument = true")
    # A link added through the DOM: Material's click handler takes it like any link of the page.
    # At the top, so clicking it does not scroll (navigation.tracking would add a #hash).
    page.evaluate(
        "url => { const link = document.createElement('a'); link.href = url; link.id = 'audit-link';"
        " link.textContent = 'next'; document.querySelector('article').prepend(link); }",
        base_url + path,
    )
    page.locator("#audit-link").click()
    page.wait_for_url(lambda url: url.split("#")[0] == base_url + path, timeout=10_000)
    page.wait_for_load_state("networkidle")
    if not page.evaluate("window.auditSameDocument === true"):
        return ["instant navigation did a full page load instead"]
    return []
