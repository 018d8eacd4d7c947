"""The card a shared link shows is served with the site, as a PNG, from the address the page names."""

from __future__ import annotations


def test_the_card_a_page_names_is_served(desktop) -> None:
    desktop.goto("methods/floor/")
    image = desktop.locator('meta[property="og:image"]').get_attribute("content")
    assert image is not None and image.endswith("/assets/cards/methods/floor.png")
    response = desktop.request.get(image)
    assert response.ok and response.headers["content-type"] == "image/png"
    assert response.body()[:8] == b"\x89PNG\r\n\x1a\n"
