"""The theme's scripts become one loader that adds them after the first paint (backguide.after_paint)."""

from __future__ import annotations

import pytest

from backguide import html
from backguide.after_paint import ATTRIBUTE, LOADER, after_first_paint

MATERIAL_BLOCK = """
  <script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>
  <script src="../javascripts/share.js"></script>
  <script src="../javascripts/search.js"></script>
"""


def scripts(block: str) -> list[html.Node]:
    return html.parse(str(after_first_paint(block))).css("script")


def test_the_scripts_are_listed_in_their_order_on_one_loader() -> None:
    [loader] = scripts(MATERIAL_BLOCK)
    assert loader.attributes[ATTRIBUTE].split() == [
        "../assets/javascripts/bundle.a5f9d56c.min.js", "../javascripts/share.js", "../javascripts/search.js",
    ]
    assert "src" not in loader.attributes
    assert loader.text() == LOADER  # one text on every page: one hash in the CSP


def test_a_module_or_async_script_is_left_as_it_is() -> None:
    block = MATERIAL_BLOCK + '<script type="module" src="m.js"></script><script async src="a.js"></script>'
    loader, module, later = scripts(block)
    assert "m.js" not in loader.attributes[ATTRIBUTE] and "a.js" not in loader.attributes[ATTRIBUTE]
    assert (module.attributes["src"], later.attributes["src"]) == ("m.js", "a.js")


def test_no_script_files_means_no_loader() -> None:
    assert scripts('<script type="application/json">{}</script>')[0].attributes == {"type": "application/json"}


def test_an_address_with_a_space_is_refused() -> None:
    with pytest.raises(ValueError, match="space"):
        after_first_paint('<script src="my script.js"></script>')
