"""Search, instant navigation, the palette toggle and the share control all work under the page's CSP.

Every test fails on any `securitypolicyviolation` event the browser reports, so a feature
that only works by breaking the policy is caught here.
"""

from __future__ import annotations

import pytest
from waits import wait_until
from violations import record_csp_violations

# The share buttons on method pages (backguide/share_buttons.py).
SHARE_CONTROL = ".share__button"
# The header's search button, and Pagefind's input and results in the dialog it opens.
SEARCH_BUTTON = "[data-search-open]"
SEARCH_INPUT = "[data-search-dialog] pagefind-input input"
FIRST_RESULT = "[data-search-dialog] pagefind-results .pf-result"


@pytest.fixture
def violations(desktop) -> list[str]:
    return record_csp_violations(desktop)


def open_page(page, path: str) -> None:
    page.goto(path)
    page.wait_for_load_state("networkidle")


def test_search_works_under_the_policy(desktop, violations: list[str]) -> None:
    open_page(desktop, "")
    desktop.locator(SEARCH_BUTTON).click()
    desktop.locator(SEARCH_INPUT).press_sequentially("chair", delay=30)
    first = desktop.locator(FIRST_RESULT).first
    first.locator("a[href]").first.wait_for()  # the card's links come once its page's data loads
    assert "chair" in first.inner_text().lower()
    desktop.wait_for_load_state("networkidle")
    assert violations == []


def test_instant_navigation_works_under_the_policy(desktop, violations: list[str]) -> None:
    open_page(desktop, "")
    desktop.evaluate("window.stillTheSameDocument = true")
    desktop.locator("article a[href$='methods/floor/']").first.click()
    desktop.wait_for_url(lambda url: url.split("#")[0].endswith("/methods/floor/"))  # anchor tracking may add a #hash
    desktop.locator("h1", has_text="Lying on the Floor").wait_for()
    # Instant navigation swaps the content in place; a full page load would lose the mark.
    assert desktop.evaluate("window.stillTheSameDocument") is True
    desktop.wait_for_load_state("networkidle")
    assert violations == []


def test_palette_toggle_works_under_the_policy(desktop, violations: list[str]) -> None:
    open_page(desktop, "")
    schemes = [desktop.evaluate("document.body.dataset.mdColorScheme")]
    for _ in range(2):
        desktop.locator("form[data-md-component=palette] label:visible").click()
        schemes.append(desktop.evaluate("document.body.dataset.mdColorScheme"))
    assert {"default", "slate"} <= set(schemes)
    assert violations == []


def test_share_control_works_under_the_policy(desktop, violations: list[str]) -> None:
    open_page(desktop, "methods/chair/")
    control = desktop.locator(SHARE_CONTROL).first
    assert control.count() == 1, f"no share control ({SHARE_CONTROL}) on the chair page"
    desktop.context.grant_permissions(["clipboard-read", "clipboard-write"])
    control.click()
    # The share script has run when the button's live region says what it did.
    wait_until(desktop, "() => Boolean(document.querySelector('.share__status').textContent)")
    assert violations == []


def test_a_script_the_policy_does_not_allow_is_caught(desktop, violations: list[str], base_url: str) -> None:
    """The check above can fail: an inline script nobody hashed is refused and reported."""
    html = desktop.request.get(base_url).text()
    injected = html.replace("</body>", "<script>window.injected = true</script></body>")
    desktop.route(base_url, lambda route: route.fulfill(body=injected, content_type="text/html"))
    open_page(desktop, "")
    assert desktop.evaluate("window.injected") is None
    assert any(violation.startswith("script-src-elem blocked inline") for violation in violations)
