"""Reading on a phone, 360×740: every page fits, can be tapped, shows its warnings and clear steps.

A full-page screenshot of each page lands in test-results/phone/ for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import measure
import pytest
from site_pages import METHOD_PAGES, PAGES, built_pages, page_id

EVERY_PAGE = PAGES + ["404.html"]


def test_every_built_page_is_visited(site: Path) -> None:
    """A page made some other way than a file in docs/ would escape the tests below."""
    assert sorted(built_pages(site)) == sorted(PAGES)


@pytest.mark.parametrize("path", EVERY_PAGE, ids=page_id)
def test_reading_on_a_phone(phone, output_dir: Path, path: str) -> None:
    phone.goto(path)
    screenshots = output_dir / "phone"
    screenshots.mkdir(exist_ok=True)
    phone.screenshot(path=screenshots / f"{page_id(path).replace('/', '-')}.png", full_page=True, scale="css")
    problems = {
        "horizontal scrolling": measure.horizontal_scrolling(phone),
        "tap targets": measure.tap_targets(phone),
        "warnings": measure.warnings(phone, method_page=path in METHOD_PAGES),
        "step lists": measure.step_lists(phone),
    }
    assert {check: found for check, found in problems.items() if found} == {}
    assert phone.foreign_requests == []


@pytest.mark.parametrize("path", METHOD_PAGES, ids=page_id)
def test_a_method_page_has_numbered_steps_to_check(phone, path: str) -> None:
    phone.goto(path)
    assert phone.locator("article ol > li").count() >= 1  # the gate asks for one numbered step at least


def test_the_open_menu_is_easy_to_tap(phone) -> None:
    phone.goto("methods/floor/")
    phone.locator(".md-header label[for='__drawer']").click()
    assert phone.locator("#__drawer").is_checked()
    assert phone.get_by_role("link", name="Rules of thumb").is_visible()
    assert measure.tap_targets(phone) == []
