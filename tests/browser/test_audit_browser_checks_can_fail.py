"""The audit's browser checks can fail: low contrast fails axe, a request to another host is caught."""

from __future__ import annotations

from audit_tools import audit_tool

from audit.browser import AXE, BrowserChecks, BrowserFindings, axe_misses, run_axe

PAGE = '<!doctype html><html lang="en"><head><title>Test</title></head><body><main>{}</main></body></html>'


def test_a_low_contrast_element_fails_axe(desktop) -> None:
    axe = audit_tool(AXE, "axe-core").read_text()
    desktop.set_content(PAGE.format('<p style="color:#999;background:#fff">Pale grey on white: 2.8:1.</p>'))
    misses = axe_misses(run_axe(desktop, axe), "light, search closed")
    assert len(misses) == 1 and misses[0].startswith("axe color-contrast (light, search closed): 1 element(s)")


def test_the_real_pages_pass_axe(desktop) -> None:
    axe = audit_tool(AXE, "axe-core").read_text()
    for path in ("", "methods/floor/"):
        desktop.goto(path)
        desktop.wait_for_load_state("networkidle")
        assert axe_misses(run_axe(desktop, axe), path) == []


def test_a_request_to_another_host_is_caught(browser, base_url: str) -> None:
    """No axe here: the privacy check only watches the page's requests."""
    findings = BrowserFindings()
    context, page = BrowserChecks(browser, base_url).open_page(findings, "light")
    # A page without the site's CSP, which would refuse the request before it left the browser.
    page.set_content(PAGE.format('<img src="https://tracker.example/pixel.gif" alt="">'))
    context.close()
    assert findings.privacy == ["request to another host: https://tracker.example/pixel.gif"]
