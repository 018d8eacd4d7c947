"""Opening a shared link in a real browser: short links land on their method page and section,
and the preview card a page names is served."""

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


def test_the_card_a_page_names_is_served(desktop) -> None:
    desktop.goto("methods/floor/")
    image = desktop.locator('meta[property="og:image"]').get_attribute("content")
    assert image is not None and image.endswith("/assets/cards/methods/floor.png")
    response = desktop.request.get(image)
    assert response.ok and response.headers["content-type"] == "image/png"
    assert response.body()[:8] == b"\x89PNG\r\n\x1a\n"
