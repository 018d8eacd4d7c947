"""The site loads in a real browser and asks no other host for anything."""

from __future__ import annotations

import pytest
from site_pages import PAGES


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_page_loads_without_other_hosts(phone, path: str) -> None:
    errors: list[str] = []
    phone.on("pageerror", lambda error: errors.append(str(error)))
    response = phone.goto(path)
    assert response is not None and response.ok
    phone.wait_for_load_state("networkidle")
    assert phone.foreign_requests == []
    assert errors == []
