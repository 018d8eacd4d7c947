"""Sharing a method or an option: the share button, and the links it hands out."""

from __future__ import annotations

import measure
import pytest
from playwright.sync_api import expect
from site_pages import SHARED_ANCHORS, page_id

# Stands in for the phone's share sheet, and remembers what it was given.
FAKE_WEB_SHARE = """
window.shared = [];
Object.defineProperty(navigator, "share", {
  configurable: true,
  value: (data) => { window.shared.push(data); return Promise.resolve(); },
});
"""
# Chromium on Linux has no Web Share; make sure of it, whatever the version.
NO_WEB_SHARE = "delete Navigator.prototype.share; delete navigator.share;"

FLOOR = "methods/floor/"
FLOOR_OPTIONS = [anchor for path, anchor in SHARED_ANCHORS if path == FLOOR and anchor != "before-you-start"]


def shared_urls(page) -> list[str]:
    return page.evaluate("window.shared.map((data) => data.url)")


def test_every_button_shares_its_own_link_through_web_share(phone, base_url: str) -> None:
    phone.add_init_script(FAKE_WEB_SHARE)
    phone.goto(FLOOR)
    buttons = phone.locator(".share__button")
    for index in range(buttons.count()):
        buttons.nth(index).click()
    page_url = base_url + FLOOR
    assert shared_urls(phone) == [page_url] + [f"{page_url}#{anchor}" for anchor in FLOOR_OPTIONS]
    assert len(FLOOR_OPTIONS) == 4
    assert phone.evaluate("window.shared[0].title") == "Method 2: Crack Your Back Lying on the Floor"
    assert phone.foreign_requests == []


def test_buttons_have_names_and_are_big_enough_to_tap(phone) -> None:
    phone.goto(FLOOR)
    button = phone.get_by_role("button", name="Share Option #3: Knees to chest")
    box = button.bounding_box()
    assert box is not None and box["width"] >= 44 and box["height"] >= 44
    assert phone.get_by_role("button", name="Share this method").is_visible()


def test_without_web_share_the_link_is_copied_and_confirmed(phone, base_url: str) -> None:
    phone.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    phone.add_init_script(NO_WEB_SHARE)
    phone.goto(FLOOR)
    assert phone.evaluate("typeof navigator.share") == "undefined"
    section = phone.locator(".share").filter(has=phone.get_by_role("button", name="Share Option #3: Knees to chest"))
    section.get_by_role("button").click()
    status = section.get_by_role("status")
    expect(status).to_have_text("Link copied", timeout=2000)
    expect(status).to_be_visible()
    assert phone.evaluate("navigator.clipboard.readText()") == f"{base_url}{FLOOR}#knees-to-chest"
    assert phone.foreign_requests == []


def test_without_a_clipboard_the_link_is_shown_to_copy(phone, base_url: str) -> None:
    phone.add_init_script(NO_WEB_SHARE + "navigator.clipboard.writeText = () => Promise.reject(new Error('denied'));")
    phone.goto(FLOOR)
    phone.get_by_role("button", name="Share this method").click()
    expect(phone.get_by_role("status").first).to_have_text(f"Copy this link: {base_url}{FLOOR}", timeout=2000)


def test_the_keyboard_reaches_the_button_and_enter_shares(desktop, base_url: str) -> None:
    desktop.add_init_script(FAKE_WEB_SHARE)
    desktop.goto("methods/chair/")
    for _ in range(40):
        desktop.keyboard.press("Tab")
        if desktop.evaluate("document.activeElement.classList.contains('share__button')"):
            break
    else:
        pytest.fail("40 presses of Tab never reached the share button")
    desktop.keyboard.press("Enter")
    assert shared_urls(desktop) == [base_url + "methods/chair/"]


def test_the_button_works_after_instant_navigation(desktop, base_url: str) -> None:
    desktop.add_init_script(FAKE_WEB_SHARE)
    desktop.goto("")
    desktop.evaluate("window.sameDocument = true")
    desktop.locator(".method-overview").get_by_role("link", name="Method 1: Cracking Your Back Using a Chair").click()
    # The path, not the whole address: anchor tracking may add the section in view as a #hash.
    desktop.wait_for_url(lambda url: url.split("#")[0].endswith("/methods/chair/"))
    desktop.get_by_role("button", name="Share this method").click()
    assert desktop.evaluate("window.sameDocument") is True, "the page was reloaded, not swapped by instant navigation"
    assert shared_urls(desktop) == [base_url + "methods/chair/"]
    assert desktop.foreign_requests == []


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_a_shared_link_shows_its_heading_below_the_header(request, device: str) -> None:
    page = request.getfixturevalue(device)
    problems = []
    for path, anchor in SHARED_ANCHORS:
        page.goto("about:blank")  # a fresh load each time, as when a link is opened
        page.goto(f"{path}#{anchor}")
        problems += [f"{page_id(path)}: {problem}" for problem in measure.heading_in_view(page, anchor)]
    assert problems == []
