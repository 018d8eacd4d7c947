"""The theme's scripts become one loader that adds them after the first paint (backguide.first_paint)."""

from __future__ import annotations

import re

import pytest

from backguide import html
from backguide.first_paint import ATTRIBUTE, LOADER, scripts_after_first_paint

MATERIAL_BLOCK = """
  <script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>
  <script src="../javascripts/share.js"></script>
  <script src="../javascripts/search.js"></script>
"""


def scripts(block: str) -> list[html.Node]:
    return html.parse(str(scripts_after_first_paint(block))).css("script")


def test_the_scripts_are_listed_in_their_order_on_one_loader() -> None:
    [loader] = scripts(MATERIAL_BLOCK)
    assert loader.attributes[ATTRIBUTE].split() == [
        "../assets/javascripts/bundle.a5f9d56c.min.js", "../javascripts/share.js", "../javascripts/search.js",
    ]
    assert "src" not in loader.attributes
    assert loader.text() == LOADER  # one text on every page: one hash in the CSP


def test_the_loader_fakes_no_browser_event() -> None:
    """Material is handed the document on its own document$; no event is made or dispatched."""
    assert not re.search(r"dispatchEvent|new\s+(Custom)?Event\b|\.initEvent\(", LOADER)
    assert "document$.next(document)" in LOADER


def test_a_module_or_async_script_is_left_as_it_is() -> None:
    block = MATERIAL_BLOCK + '<script type="module" src="m.js"></script><script async src="a.js"></script>'
    loader, module, later = scripts(block)
    assert "m.js" not in loader.attributes[ATTRIBUTE] and "a.js" not in loader.attributes[ATTRIBUTE]
    assert (module.attributes["src"], later.attributes["src"]) == ("m.js", "a.js")


def test_no_script_files_means_no_loader() -> None:
    assert scripts('<script type="application/json">{}</script>')[0].attributes == {"type": "application/json"}


def test_an_address_with_a_space_is_refused() -> None:
    with pytest.raises(ValueError, match="space"):
        scripts_after_first_paint('<script src="my script.js"></script>')
