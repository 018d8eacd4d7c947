"""Every line of every drawing is seen: 3:1 against what it is drawn on, light and dark (WCAG 1.4.11).

The drawings take their colours from the site's stylesheet (docs/stylesheets/extra.css), so
the check runs in Chromium on the colours it computes: each outline, prop, mat edge, arrow
and contact mark of every drawing on every page that has one, against the page behind the
drawing and the mat the floor drawings lie on.
"""

from __future__ import annotations

import measure
import pytest
from site_pages import PAGES

PALETTES = {"light": "default", "dark": "slate"}  # the reader's setting -> Material's scheme
DRAWINGS = "article svg.drawing__art, article svg.method-thumb, article svg.at-a-glance__art"
# Pages that show a drawing: every method page, the home page's overview and the finder.
WITH_DRAWINGS = [path for path in PAGES if path.startswith("methods/") or path == ""]
# The mat's and props' line before this test: blue grey 300, 2.6:1 on white.
OLD_PROP_COLOUR = ".md-typeset .drawing, .method-thumb { --drawing-prop: #90a4ae }"


def in_palette(page, setting: str) -> None:
    page.emulate_media(color_scheme=setting)
    page.wait_for_function(f"() => document.body.dataset.mdColorScheme === '{PALETTES[setting]}'", timeout=2000)


@pytest.mark.parametrize("setting", PALETTES)
@pytest.mark.parametrize("path", WITH_DRAWINGS, ids=lambda path: path.strip("/") or "home")
def test_every_line_of_every_drawing_has_3_to_1(phone, path: str, setting: str) -> None:
    phone.goto(path)
    in_palette(phone, setting)
    assert measure.drawing_contrast(phone, DRAWINGS) == []


def test_the_old_mat_colour_fails(browser, base_url: str) -> None:
    """The check catches the mat and prop line this site had (#90a4ae, 2.6:1 on white)."""
    # The site's CSP refuses inline styles, rightly; this test plays the old stylesheet rule.
    context = browser.new_context(base_url=base_url, viewport={"width": 360, "height": 740}, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto("methods/floor/")
        in_palette(page, "light")
        assert measure.drawing_contrast(page, DRAWINGS) == []
        page.add_style_tag(content=OLD_PROP_COLOUR)
        found = measure.drawing_contrast(page, DRAWINGS)
        assert any("a .mat line has contrast 2." in problem and "on the page" in problem for problem in found), found
    finally:
        context.close()
