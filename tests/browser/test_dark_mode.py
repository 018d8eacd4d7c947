"""Dark mode on every page, and every text legible in both palettes, the admonitions above all."""

from __future__ import annotations

import measure
import pytest
from site_pages import PAGES, page_id

PALETTES = {"light": "default", "dark": "slate"}  # the reader's setting -> Material's scheme


@pytest.mark.parametrize("path", PAGES + ["404.html"], ids=page_id)
def test_every_text_is_legible_in_both_palettes(phone, path: str) -> None:
    problems = {}
    phone.emulate_media(color_scheme="light")
    phone.goto(path)
    for setting, scheme in PALETTES.items():
        # Material follows the reader's setting as it changes, as a phone does at dusk.
        phone.emulate_media(color_scheme=setting)
        # A function, not an expression string: the page's CSP forbids eval.
        phone.wait_for_function(f"() => document.body.dataset.mdColorScheme === '{scheme}'", timeout=2000)
        # The whole article, admonitions included: titles on their tint, text on the box.
        if found := measure.contrast(phone, "article"):
            problems[setting] = found
    assert problems == {}


def test_the_palette_toggle_switches_to_dark_and_keeps_it(phone) -> None:
    phone.emulate_media(color_scheme="light")
    phone.goto("methods/floor/")
    # The palettes cycle as mkdocs.yml lists them: system preference, light, dark.
    phone.get_by_title("Switch to light mode").click()
    phone.get_by_title("Switch to dark mode").click()
    assert phone.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert measure.contrast(phone, ".admonition") == []
    phone.goto("methods/chair/")
    assert phone.evaluate("document.body.dataset.mdColorScheme") == "slate"
