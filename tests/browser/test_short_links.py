"""Short links land on their method page in a real browser, and keep the section a reader shared."""

from __future__ import annotations

import pytest

SHORT_LINKS = ["chair", "floor", "standing", "sitting", "foam-roller"]


@pytest.mark.parametrize("slug", SHORT_LINKS)
def test_short_link_opens_its_method_page(phone, base_url: str, slug: str) -> None:
    phone.goto(f"{slug}/")
    phone.wait_for_url(f"{base_url}methods/{slug}/")
    assert phone.locator("h1").first.is_visible()
    assert phone.foreign_requests == []


def test_short_link_keeps_the_anchor(phone, base_url: str) -> None:
    # mkdocs-redirects adds the anchor in a script; its meta refresh alone would drop it.
    phone.goto("floor/#knees-to-chest")
    phone.wait_for_url(f"{base_url}methods/floor/#knees-to-chest")
    assert phone.locator("#knees-to-chest").is_visible()
