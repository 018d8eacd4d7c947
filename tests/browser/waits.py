"""Waits on conditions in the page, polled from here.

Playwright's wait_for_function evaluates a string in the page, which the pages' CSP refuses
(no 'unsafe-eval'); page.evaluate goes through DevTools, which the CSP does not govern.
"""

from __future__ import annotations

# The theme's scripts start after the first paint (backguide.first_paint); this page has them.
HAS_SCRIPTS = "() => Boolean(document.querySelector('script[data-scripts]'))"


def wait_until(page, script: str, arg: object = None, timeout_s: float = 20) -> None:
    """Until `script` is true in the page, checked every 50 ms; fails after timeout_s."""
    for _ in range(int(timeout_s / 0.05)):
        if page.evaluate(script, arg):
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"timed out waiting for {script[:60]!r}")


def settled(page, script: str, timeout_s: float = 30, still_ms: int = 800) -> object:
    """What `script` returns once it is non-empty and the same for still_ms (results that load in
    several fetches, under load one at a time); fails after timeout_s."""
    last, since = None, 0
    for _ in range(int(timeout_s / 0.1)):
        now = page.evaluate(script)
        if now and now == last:
            since += 100
            if since >= still_ms:
                return now
        else:
            last, since = now, 0
        page.wait_for_timeout(100)
    raise AssertionError(f"never settled: {script[:60]!r} (last: {last!r})")


# Material fetches the sitemap as it starts; instant navigation takes a click only once it is in.
SITEMAP_IN = "() => performance.getEntriesByType('resource').some(entry => entry.name.endsWith('/sitemap.xml') && entry.responseEnd > 0)"


def material_started(page) -> None:
    """Until Material has started on this page: its document$ has emitted and its sitemap is in, as for a reader's tap."""
    wait_until(page, "() => typeof document$ !== 'undefined'")
    page.evaluate("() => new Promise(resolve => document$.subscribe(() => resolve(true)))")
    wait_until(page, SITEMAP_IN)
