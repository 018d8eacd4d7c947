"""The first paint needs nothing but the page: its inlined CSS styles the first screen, in the reader's palette.

Any stylesheet and every script are held back (their requests never answer), so what the
test sees is what a phone on a slow line paints first.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from backguide.after_paint import RAN

METHOD_PAGE = "methods/chair/"
# Material's colours for the two schemes' page background and the teal header.
BACKGROUNDS = {"light": "rgb(255, 255, 255)", "dark": "rgb(30, 33, 41)"}
TEAL = "rgb(0, 121, 107)"


def first_paint(browser, base_url: str, scheme: str):
    context = browser.new_context(base_url=base_url, viewport={"width": 360, "height": 740}, color_scheme=scheme)
    # Stylesheets and scripts from files never arrive; the inline palette script still runs.
    context.route("**/*.css", lambda route: route.abort())
    context.route("**/*.js", lambda route: route.abort())
    page = context.new_page()
    page.goto(METHOD_PAGE, wait_until="domcontentloaded")
    return context, page


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_first_screen_is_styled_before_any_stylesheet_or_script_arrives(
    browser, base_url: str, optimised_site: Path, scheme: str
) -> None:
    context, page = first_paint(browser, base_url, scheme)
    try:
        looks = page.evaluate(
            """() => ({
              background: getComputedStyle(document.body).backgroundColor,
              header: getComputedStyle(document.querySelector('.md-header')).backgroundColor,
              drawer: getComputedStyle(document.querySelector('.md-sidebar--primary')).transform,
              title: getComputedStyle(document.querySelector('article h1')).fontWeight,
              titleSize: getComputedStyle(document.querySelector('article h1')).fontSize,
            })"""
        )
    finally:
        context.close()
    # Dark means dark from the first frame: the palette script ran before paint, and the
    # inlined CSS has the dark scheme's colours.
    assert looks["background"] == BACKGROUNDS[scheme]
    assert looks["header"] == TEAL
    assert looks["title"] == "700"  # the site's strong title (extra.css), as the full stylesheet sets it
    assert looks["titleSize"] == "22.4px"  # 1.4em of the 16px typeset, as extra.css sets it
    assert looks["drawer"] != "none"  # the navigation drawer is off screen on a phone, not on top of the title


def test_nothing_is_fetched_before_the_first_paint(browser, base_url: str, optimised_site: Path) -> None:
    """A file fetched before the first frame counts against the page's LCP in Lighthouse's simulation of a phone."""
    context = browser.new_context(base_url=base_url, viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.goto(METHOD_PAGE, wait_until="load")
        page.wait_for_selector(f"script[{RAN}]", state="attached")
        first_paint_at = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime")
        fetched = page.evaluate(
            "performance.getEntriesByType('resource').map(r => [r.name.split('/').pop(), r.startTime])"
        )
        ready = page.evaluate("typeof document$ !== 'undefined' && document.documentElement.classList.contains('js')")
        footer = page.evaluate("getComputedStyle(document.querySelector('.md-footer')).backgroundColor")
    finally:
        context.close()
    assert [name for name, at in fetched if at < first_paint_at] == []
    assert any(name.startswith("bundle.") for name, _ in fetched), "Material's bundle was never fetched"
    assert ready, "Material's bundle did not start"
    assert footer != "rgba(0, 0, 0, 0)", "the page's own CSS does not style its footer"
