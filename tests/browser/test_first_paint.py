"""The first paint needs the page and its one stylesheet; the scripts start after it, and Material with them.

No browser event is faked to start Material (backguide/first_paint.py): each DOMContentLoaded
listener hears the browser's one event, and a tab opened in the background starts too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from waits import material_started

METHOD_PAGE = "methods/chair/"
# Material's colours for the two schemes' page background and the teal header.
BACKGROUNDS = {"light": "rgb(255, 255, 255)", "dark": "rgb(30, 33, 41)"}
TEAL = "rgb(0, 121, 107)"
LOOKS = """() => ({
  background: getComputedStyle(document.body).backgroundColor,
  header: getComputedStyle(document.querySelector('.md-header')).backgroundColor,
  drawer: getComputedStyle(document.querySelector('.md-sidebar--primary')).transform,
  title: getComputedStyle(document.querySelector('article h1')).fontWeight,
  titleSize: getComputedStyle(document.querySelector('article h1')).fontSize,
})"""
# Counts, from before the page's own scripts, of what each listener hears.
COUNT_EVENTS = """
window.heard = {window: 0, document: 0};
addEventListener('DOMContentLoaded', () => heard.window++);
document.addEventListener('DOMContentLoaded', () => heard.document++);
"""
# A tab in the background: hidden, and it paints nothing, so no paint entry ever comes.
BACKGROUND_TAB = """
Object.defineProperty(Document.prototype, 'visibilityState', {get: () => 'hidden'});
Object.defineProperty(Document.prototype, 'hidden', {get: () => true});
const observe = PerformanceObserver.prototype.observe;
PerformanceObserver.prototype.observe = function (options) {
  if (options && options.type !== 'paint') observe.call(this, options);
};
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_first_screen_is_styled_before_any_script_arrives(browser, base_url: str, optimised_site: Path, scheme: str) -> None:
    context = browser.new_context(base_url=base_url, viewport={"width": 360, "height": 740}, color_scheme=scheme)
    # Script files never arrive; the inline palette script still runs.
    context.route("**/*.js", lambda route: route.abort())
    page = context.new_page()
    try:
        page.goto(METHOD_PAGE, wait_until="load")
        looks = page.evaluate(LOOKS)
    finally:
        context.close()
    # Dark means dark from the first frame: the palette script ran before paint, and the
    # stylesheet has the dark scheme's colours.
    assert looks["background"] == BACKGROUNDS[scheme]
    assert looks["header"] == TEAL
    assert looks["title"] == "700"  # the site's strong title (extra.css)
    assert looks["titleSize"] == "22.4px"  # 1.4em of the 16px typeset, as extra.css sets it
    assert looks["drawer"] != "none"  # the navigation drawer is off screen on a phone, not on top of the title


def test_only_the_stylesheet_is_fetched_before_the_first_paint(phone, optimised_site: Path) -> None:
    """A file fetched before the first frame counts against the page's LCP in Lighthouse's simulation of a phone."""
    phone.goto(METHOD_PAGE)  # waits until Material has started
    first_paint_at = phone.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime")
    fetched = phone.evaluate("performance.getEntriesByType('resource').map(r => [r.name.split('/').pop(), r.startTime])")
    footer = phone.evaluate("getComputedStyle(document.querySelector('.md-footer')).backgroundColor")
    before = [name for name, at in fetched if at < first_paint_at]
    assert len(before) == 1 and before[0].startswith("site.") and before[0].endswith(".css"), before
    assert any(name.startswith("bundle.") for name, _ in fetched), "Material's bundle was never fetched"
    assert footer != "rgba(0, 0, 0, 0)", "the stylesheet does not style the footer"


def test_each_domcontentloaded_listener_hears_it_once(phone) -> None:
    phone.add_init_script(COUNT_EVENTS)
    phone.goto(METHOD_PAGE)
    emitted = phone.evaluate("() => { let count = 0; document$.subscribe(() => count++); return count }")
    phone.wait_for_load_state("networkidle")
    assert phone.evaluate("heard") == {"window": 1, "document": 1}
    assert emitted == 1  # Material's document$ gave this page once
    phone.locator(".share__button").first.wait_for()  # and Material's scripts and the guide's run


def test_a_tab_opened_in_the_background_starts_its_scripts(phone) -> None:
    phone.add_init_script(BACKGROUND_TAB + COUNT_EVENTS)
    phone.goto(METHOD_PAGE, wait_until="load")
    material_started(phone)
    assert phone.evaluate("document.visibilityState") == "hidden"
    assert phone.evaluate("heard") == {"window": 1, "document": 1}
    assert phone.locator(".share__button[data-share-ready]").count() > 0  # the guide's own script ran on document$
