"""The "Follow along" view in Chromium: every method page and floor option, screen by screen.

What the view should show is worked out here from the built page and its front matter,
through the package (backguide.follow_along): which steps, in which order, on which side,
and where the hold timer goes. Browser APIs a headless Chromium cannot exercise (the wake
lock, vibration, sound, speech, a hidden tab) are stubbed with add_init_script; time runs
on Playwright's clock. Screenshots of one step of each method land in
test-results/follow-along/ for a person to look at.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path

import measure
import pytest
from audit_tools import audit_tool
from violations import record_csp_violations
from playwright.sync_api import expect
from site_pages import METHOD_PAGES, page_id

from audit.browser import AXE, axe_misses, run_axe
from backguide.check_site import page_content
from backguide.follow_along import runs, step_sections
from backguide.site import ROOT, built_file, source_pages

META = {page.url.lstrip("/"): page.meta for page in source_pages(ROOT / "docs") if page.is_method}
FLOOR = "methods/floor/"
VIEW = ".follow-along__view[open]"
OPEN = ".follow-along__open"
SIDE_WORDS = {"left": "Left side", "right": "Right side", "": ""}
SAFETY_LINE = "Stop if it hurts. Get help at once."
MIN_TEXT_PX = 22
MIN_BUTTON_PX = 48


@dataclass(frozen=True)
class Screen:
    section: str  # the heading id whose numbered list holds the step
    index: int  # the step's place in that list, from 0
    count: str | None  # "Step 2 of 6"; None on the "Now the other side" screen
    side: str  # "left", "right" or ""
    other_side: bool = False
    hold: bool = False


def expected_runs(site: Path, path: str) -> list[list[Screen]]:
    """Each run of a page (one per "Follow along" button, in page order), as the screens it must show."""
    content = page_content(built_file(site, "/" + path).read_text())
    page_runs, problems = runs(content, META[path])
    assert problems == []
    lengths = {section.id: len(section.steps) for section in step_sections(content)}
    found = []
    for run in page_runs:
        setup = [(section, index) for section in run.setup for index in range(lengths[section])]
        own = [(run.steps, index) for index in range(lengths[run.steps])]
        screens = []
        for turn, side in enumerate(run.sides or ("",)):
            steps = own if turn else setup + own
            if turn:
                screens.append(Screen(*own[-1], None, side, other_side=True))
            for number, (section, index) in enumerate(steps, start=1):
                hold = section == run.steps and index + 1 == run.hold_step
                screens.append(Screen(section, index, f"Step {number} of {len(steps)}", side, hold=hold))
        found.append(screens)
    return found


# What the open view shows, read in one call; evaluate() is the DevTools protocol, which the page's CSP does not govern.
SCREEN = """() => {
  const view = document.querySelector(".follow-along__view[open]");
  const box = (node) => { const r = node.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, width: r.width, height: r.height }; };
  const shown = (node) => Boolean(node) && node.checkVisibility();
  const text = (node) => node.textContent.replace(/\\s+/g, " ").trim();
  const step = view.querySelector(".follow-along__step");
  const words = step.cloneNode(true);
  for (const figure of words.querySelectorAll("figure")) figure.remove();
  const safety = view.querySelector(".follow-along__safety");
  const link = safety.querySelector("a[href]");
  const forward = [...view.querySelectorAll("[data-action=next], [data-action=done]")].find(shown);
  const count = view.querySelector(".follow-along__count");
  const ids = [...document.querySelectorAll("[id]")].map((node) => node.id);
  return {
    count: shown(count) ? text(count) : null,
    side: text(view.querySelector(".follow-along__side")),
    otherSide: shown(view.querySelector(".follow-along__other-side")),
    text: text(words),
    figures: step.querySelectorAll("figure").length,
    timer: shown(view.querySelector(".follow-along__timer")),
    safety: shown(safety) ? text(safety) : null,
    safetyBox: box(safety),
    help: link ? new URL(link.href).pathname + new URL(link.href).hash : null,
    back: box(view.querySelector("[data-action=back]")),
    forward: forward ? box(forward) : null,
    fontSize: parseFloat(getComputedStyle(step).fontSize),
    height: innerHeight,
    width: document.documentElement.clientWidth,
    overflow: view.scrollWidth > view.clientWidth,
    duplicateIds: ids.filter((id, i) => ids.indexOf(id) !== i),
    focusInside: view.contains(document.activeElement),
  };
}"""
# The step in the page itself: its words (without the drawing) and its drawings.
PAGE_STEP = """([id, index]) => {
  const item = document.getElementById(id).parentElement.querySelector(`#${CSS.escape(id)} ~ ol`).children[index];
  const words = item.cloneNode(true);
  for (const figure of words.querySelectorAll("figure")) figure.remove();
  return { text: words.textContent.replace(/\\s+/g, " ").trim(), figures: item.querySelectorAll("figure").length };
}"""
RETURNED = """([id, index]) => {
  const item = document.querySelector(`#${CSS.escape(id)} ~ ol`).children[index];
  const r = item.getBoundingClientRect();
  return { focused: document.activeElement === item, inView: r.top >= 0 && r.top < innerHeight, views: document.querySelectorAll(".follow-along__view").length, debug: [r.top, scrollY, location.hash, JSON.stringify(history.state)] };
}"""


def screen_problems(page, screen: Screen) -> list[str]:
    """Everything wrong with the screen shown, as sentences."""
    found = page.evaluate(SCREEN)
    expected = page.evaluate(PAGE_STEP, [screen.section, screen.index])
    side = SIDE_WORDS[screen.side]
    want = {
        "count": screen.count,
        "side": side,
        "otherSide": screen.other_side,
        "text": side if screen.other_side else expected["text"],
        "figures": 0 if screen.other_side else expected["figures"],
        "timer": screen.hold,
        "safety": SAFETY_LINE,
        "help": "/help/#urgent",
        "duplicateIds": [],
        "overflow": False,
        "focusInside": True,
    }
    problems = [f"{key}: {found[key]!r}, expected {value!r}" for key, value in want.items() if found[key] != value]
    if found["fontSize"] < MIN_TEXT_PX:
        problems.append(f"the step is in {found['fontSize']}px type, under {MIN_TEXT_PX}px")
    for name in ("back", "forward"):
        button = found[name]
        if button is None or min(button["width"], button["height"]) < MIN_BUTTON_PX:
            problems.append(f"{name} is {button and (button['width'], button['height'])}, under {MIN_BUTTON_PX}px square")
        elif button["bottom"] < found["height"] * 0.85 or button["bottom"] > found["height"]:
            problems.append(f"{name} ends at {button['bottom']}px, not at the bottom of a {found['height']}px screen")
    if not (0 <= found["safetyBox"]["top"] and found["safetyBox"]["bottom"] <= found["height"]):
        problems.append("the safety line is off the screen")
    return [f"{screen.count or 'other side'} ({screen.section} #{screen.index + 1}): {problem}" for problem in problems]


def shown_count(page) -> tuple[str | None, str]:
    found = page.evaluate(SCREEN)
    return found["count"], found["side"]


def expect_screen(page, screens: list[Screen], index: int, how: str) -> list[str]:
    want = (screens[index].count, SIDE_WORDS[screens[index].side])
    got = shown_count(page)
    return [] if got == want else [f"after {how}: {got}, expected {want}"]


def swipe(page, towards: str) -> None:
    """A finger moves sideways across the step, through the DevTools protocol's touch input."""
    box = page.locator(f"{VIEW} .follow-along__body").bounding_box()
    y = box["y"] + box["height"] / 2
    start, end = (box["x"] + box["width"] * 0.85, box["x"] + box["width"] * 0.15)
    if towards == "right":
        start, end = end, start
    session = page.context.new_cdp_session(page)
    session.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": start, "y": y}]})
    for step in range(1, 6):
        x = start + (end - start) * step / 5
        session.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]})
    session.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    session.detach()


def open_run(page, number: int) -> None:
    page.locator(OPEN).nth(number).click()
    page.locator(VIEW).wait_for()


def returned_problems(page, screen: Screen, how: str) -> list[str]:
    """After closing, the view is gone and the reader is at the step they were on, focused."""
    item = page.locator(f"#{screen.section} ~ ol").first.locator(":scope > li").nth(screen.index)
    expect(page.locator(".follow-along__view")).to_have_count(0)
    expect(item).to_be_focused()
    found = page.evaluate(RETURNED, [screen.section, screen.index])
    found.pop("debug", None) if found["inView"] else None
    return [] if found == {"focused": True, "inView": True, "views": 0} else [f"after {how}: {found}"]


@pytest.fixture
def csp_violations(phone) -> list[str]:
    return record_csp_violations(phone)


@pytest.mark.parametrize("path", METHOD_PAGES, ids=page_id)
def test_every_screen_of_every_run(phone, site: Path, csp_violations: list[str], path: str) -> None:
    """Open each run, step through by button, swipe and keys, close by Escape and by back, land on the step."""
    errors: list[str] = []
    phone.on("pageerror", lambda error: errors.append(str(error)))
    phone.goto(path)
    all_runs = expected_runs(site, path)
    expect(phone.locator(OPEN)).to_have_count(len(all_runs))
    problems = []
    for number, screens in enumerate(all_runs):
        where = f"run {number + 1} ({screens[0].section if len(all_runs) == 1 else screens[-1].section})"
        url = phone.url
        open_run(phone, number)
        last = len(screens) - 1
        for index, screen in enumerate(screens):
            problems += [f"{where}: {problem}" for problem in screen_problems(phone, screen)]
            if index < last:
                phone.locator(f"{VIEW} [data-action=next]").click()
        if not phone.locator(f"{VIEW} [data-action=done]").is_visible():
            problems.append(f"{where}: no Done on the last screen")
        phone.keyboard.press("ArrowLeft")
        problems += expect_screen(phone, screens, last - 1, "ArrowLeft")
        swipe(phone, "right")
        problems += expect_screen(phone, screens, last - 2, "a swipe to the right")
        swipe(phone, "left")
        problems += expect_screen(phone, screens, last - 1, "a swipe to the left")
        phone.keyboard.press("ArrowRight")
        problems += expect_screen(phone, screens, last, "ArrowRight")
        phone.keyboard.press("Escape")
        problems += [f"{where}: {problem}" for problem in returned_problems(phone, screens[last], "Escape")]
        open_run(phone, number)
        phone.keyboard.press("ArrowRight")
        phone.go_back()
        problems += [f"{where}: {problem}" for problem in returned_problems(phone, screens[1], "the back button")]
        if phone.url.split("#")[0] != url.split("#")[0]:
            problems.append(f"{where}: the address changed from {url} to {phone.url}")
    assert problems == []
    assert errors == [] and csp_violations == [] and phone.foreign_requests == []


def test_without_javascript_there_is_no_button(browser, base_url: str, site: Path) -> None:
    """The buttons come from the script: without it the page shows none, and no step text is duplicated."""
    context = browser.new_context(base_url=base_url, java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    for path in METHOD_PAGES:
        page.goto(path)
        assert page.get_by_text("Follow along").count() == 0, path
        assert page.locator(f"{OPEN}, .follow-along__view").count() == 0, path
    context.close()
    floor = built_file(site, "/" + FLOOR).read_text()
    step = "Hold your knees to your belly for fifteen seconds"
    assert floor.count(step) == 1, "the step is written once, in the page's own list"


def test_the_view_loads_only_when_opened(phone) -> None:
    fetched: list[str] = []
    phone.on("request", lambda request: fetched.append(request.url))
    phone.goto("methods/chair/")
    phone.locator(OPEN).wait_for()
    phone.wait_for_load_state("networkidle")
    assert not [url for url in fetched if "follow-along-view" in url or "follow-along.css" in url]
    open_run(phone, 0)
    assert [url.rsplit("/", 1)[-1] for url in fetched if "follow-along-view" in url or "follow-along.css" in url] == [
        "follow-along-view.js",
        "follow-along.css",
    ]


def test_the_script_the_page_loads_is_small(site: Path) -> None:
    """Every page loads the buttons' script; the view's script and styles wait for a reader to open it."""
    entry = len(gzip.compress((site / "javascripts" / "follow-along.js").read_bytes(), 9))
    view = len(gzip.compress((site / "javascripts" / "follow-along-view.js").read_bytes(), 9))
    styles = len(gzip.compress((site / "stylesheets" / "follow-along.css").read_bytes(), 9))
    print(f"follow-along gzipped: buttons {entry} B on every page; view {view} B and styles {styles} B when opened")
    assert entry <= 1536, "the buttons' script, which every page loads, stays under 1.5 KB gzipped"


# The hold timer --------------------------------------------------------------------------------

# Stands in for vibration and sound, and remembers every request; records what the live region says.
DEVICE_STUBS = """
window.vibrations = [];
navigator.vibrate = (pattern) => { window.vibrations.push(pattern); return true; };
window.tones = [];
window.AudioContext = class {
  constructor() { this.currentTime = 0; this.destination = {}; }
  createOscillator() { return { frequency: {}, connect() {}, start: () => window.tones.push("start"), stop() {} }; }
  createGain() { return { gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} }, connect() {} }; }
  close() { return Promise.resolve(); }
};
window.said = [];
new MutationObserver((changes) => {
  for (const change of changes) {
    const status = change.target.closest && change.target.closest(".follow-along__status") || change.target.parentElement && change.target.parentElement.closest(".follow-along__status");
    if (status && status.textContent) window.said.push(status.textContent);
  }
}).observe(document, { subtree: true, childList: true, characterData: true });
"""


def timer_state(page) -> dict:
    return page.evaluate(
        """() => {
      const view = document.querySelector(".follow-along__view[open]");
      const shown = (selector) => view.querySelector(selector).checkVisibility();
      return {
        hold: view.querySelector(".follow-along__hold").textContent.replace(/\\s+/g, " ").trim(),
        clock: view.querySelector(".follow-along__clock").textContent,
        release: shown(".follow-along__release"),
        start: shown("[data-action=start]") ? view.querySelector("[data-action=start]").textContent.replace(/\\s+/g, " ").trim() : null,
        pause: shown("[data-action=pause]"),
        resume: shown("[data-action=resume]"),
        vibrations: window.vibrations.length,
        tones: window.tones.length,
      };
    }"""
    )


def test_the_hold_timer_counts_four_holds_of_fifteen_seconds(phone) -> None:
    phone.add_init_script(DEVICE_STUBS)
    phone.clock.install()
    # The fake clock fakes `performance` too, so goto cannot wait for Material's sitemap; the
    # button (added on Material's document$) says the page is ready for these tests.
    phone.goto(FLOOR, wait_until="domcontentloaded")
    phone.locator(OPEN).first.wait_for()
    open_run(phone, 2)  # Option #3: Knees to chest
    hold = phone.locator(f"{VIEW} .follow-along__timer")
    while not hold.is_visible():
        phone.locator(f"{VIEW} [data-action=next]").click()
    phone.clock.pause_at(phone.evaluate("Date.now()") + 1000)
    start = {"hold": "Hold 1 of 4", "clock": "15", "release": False, "start": "Start 15 s", "pause": False, "resume": False}
    assert timer_state(phone) == {**start, "vibrations": 0, "tones": 0}
    for hold_number in range(1, 5):
        said_before = phone.evaluate("window.said.length")
        phone.locator(f"{VIEW} [data-action=start]").click()
        assert timer_state(phone)["hold"] == f"Hold {hold_number} of 4"
        phone.clock.run_for(7_600)
        assert timer_state(phone)["clock"] == "8"
        phone.clock.run_for(7_400)
        state = timer_state(phone)
        assert state["release"] and state["clock"] == "0"
        assert (state["vibrations"], state["tones"]) == (hold_number, hold_number), "a vibration and a tone at each end"
        # Said three times a hold, not every second: at the start, halfway and the end.
        assert phone.evaluate("window.said")[said_before:] == [
            f"Hold {hold_number} of 4, 15 seconds",
            "Halfway",
            "Release",
        ]
        assert state["start"] == (None if hold_number == 4 else "Start 15 s")
    assert phone.evaluate("window.vibrations") == [200, 200, 200, 200]


def test_the_hold_timer_pauses_and_resets(phone) -> None:
    phone.add_init_script(DEVICE_STUBS)
    phone.clock.install()
    # The fake clock fakes `performance` too, so goto cannot wait for Material's sitemap; the
    # button (added on Material's document$) says the page is ready for these tests.
    phone.goto(FLOOR, wait_until="domcontentloaded")
    phone.locator(OPEN).first.wait_for()
    open_run(phone, 2)
    while not phone.locator(f"{VIEW} .follow-along__timer").is_visible():
        phone.locator(f"{VIEW} [data-action=next]").click()
    phone.clock.pause_at(phone.evaluate("Date.now()") + 1000)
    phone.locator(f"{VIEW} [data-action=start]").click()
    phone.clock.run_for(5_000)
    phone.locator(f"{VIEW} [data-action=pause]").click()
    assert timer_state(phone)["clock"] == "10" and timer_state(phone)["resume"]
    phone.clock.run_for(30_000)
    assert timer_state(phone)["clock"] == "10", "a paused hold does not count down"
    phone.locator(f"{VIEW} [data-action=resume]").click()
    phone.clock.run_for(4_000)
    assert timer_state(phone)["clock"] == "6"
    phone.locator(f"{VIEW} [data-action=reset]").click()
    assert timer_state(phone) | {"vibrations": 0} == {
        "hold": "Hold 1 of 4", "clock": "15", "release": False, "start": "Start 15 s", "pause": False, "resume": False,
        "vibrations": 0, "tones": 0,
    }
    phone.clock.run_for(20_000)
    assert timer_state(phone)["clock"] == "15", "a reset timer waits for Start"


def test_no_timer_where_the_source_gives_no_time(site: Path) -> None:
    """Only floor Option #3 gives a time to hold (its front matter `hold`); no other run shows a timer."""
    timed = [
        (path, number) for path in METHOD_PAGES for number, screens in enumerate(expected_runs(site, path))
        if any(screen.hold for screen in screens)
    ]
    assert timed == [(FLOOR, 2)]


# The screen stays on -----------------------------------------------------------------------------

# A wake lock that records requests and releases; a visibility the test can set, because a headless
# Chromium never hides a page (another tab, a minimised window and a frozen page all stay "visible").
WAKE_LOCK_STUB = """
window.locks = [];
Object.defineProperty(navigator, "wakeLock", { configurable: true, value: {
  request: (type) => {
    const lock = { type, released: false, release() { this.released = true; window.locks.push("release"); return Promise.resolve(); } };
    window.locks.push("request " + type);
    return Promise.resolve(lock);
  },
}});
window.pageHidden = false;
Object.defineProperty(Document.prototype, "visibilityState", { configurable: true, get: () => (window.pageHidden ? "hidden" : "visible") });
"""


def set_hidden(page, hidden: bool) -> None:
    # Stands in for the browser, which fires visibilitychange when a tab is hidden or shown.
    page.evaluate("hidden => { window.pageHidden = hidden; document.dispatchEvent(new Event('visibilitychange')); }", hidden)


def locks(page) -> list[str]:
    return page.evaluate("window.locks")


def test_the_screen_stays_on_while_the_view_is_open(phone) -> None:
    phone.add_init_script(WAKE_LOCK_STUB)
    phone.goto("methods/sitting/")
    open_run(phone, 0)
    phone.wait_for_function("() => window.locks.length === 1")
    assert locks(phone) == ["request screen"]
    set_hidden(phone, True)
    assert locks(phone) == ["request screen", "release"]
    set_hidden(phone, False)
    phone.wait_for_function("() => window.locks.length === 3")
    assert locks(phone)[-1] == "request screen"
    phone.keyboard.press("Escape")
    expect(phone.locator(".follow-along__view")).to_have_count(0)
    assert locks(phone) == ["request screen", "release", "request screen", "release"]
    set_hidden(phone, True)
    set_hidden(phone, False)
    assert len(locks(phone)) == 4, "no lock once the view is closed"


def test_the_view_works_without_wake_lock_speech_or_vibration(phone) -> None:
    errors: list[str] = []
    phone.on("pageerror", lambda error: errors.append(str(error)))
    phone.add_init_script(
        "delete Navigator.prototype.wakeLock; delete Navigator.prototype.vibrate;"
        " delete window.speechSynthesis; delete Window.prototype.speechSynthesis; delete window.AudioContext;"
    )
    phone.clock.install()
    # The fake clock fakes `performance` too, so goto cannot wait for Material's sitemap; the
    # button (added on Material's document$) says the page is ready for these tests.
    phone.goto(FLOOR, wait_until="domcontentloaded")
    phone.locator(OPEN).first.wait_for()
    assert phone.evaluate("'wakeLock' in navigator || 'speechSynthesis' in window") is False
    open_run(phone, 2)
    expect(phone.locator(f"{VIEW} [data-action=speak]")).to_be_hidden()
    while not phone.locator(f"{VIEW} .follow-along__timer").is_visible():
        phone.locator(f"{VIEW} [data-action=next]").click()
    phone.clock.pause_at(phone.evaluate("Date.now()") + 1000)
    phone.locator(f"{VIEW} [data-action=start]").click()
    phone.clock.run_for(15_000)
    assert timer_state_without_stubs(phone)
    phone.keyboard.press("Escape")
    expect(phone.locator(".follow-along__view")).to_have_count(0)
    assert errors == []


def timer_state_without_stubs(page) -> bool:
    return page.locator(f"{VIEW} .follow-along__release").is_visible()


# Read aloud ----------------------------------------------------------------------------------------

SPEECH_STUB = """
window.spoken = [];
Object.defineProperty(window, "speechSynthesis", { configurable: true, value: {
  speak: (utterance) => window.spoken.push(utterance.text),
  cancel: () => window.spoken.push("(cancel)"),
}});
window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
"""


def test_read_aloud_is_off_until_the_reader_turns_it_on(phone) -> None:
    phone.add_init_script(SPEECH_STUB)
    phone.goto("methods/standing/")
    open_run(phone, 0)
    toggle = phone.locator(f"{VIEW} [data-action=speak]")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    phone.locator(f"{VIEW} [data-action=next]").click()
    assert phone.evaluate("window.spoken") == [], "nothing is read until the reader asks"
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    phone.locator(f"{VIEW} [data-action=next]").click()
    spoken = [text for text in phone.evaluate("window.spoken") if text != "(cancel)"]
    assert spoken[0].startswith("Take the other hand and cup the fist")
    assert spoken[1].startswith("If everything is comfortable, move up the spine")
    toggle.click()
    phone.locator(f"{VIEW} [data-action=back]").click()
    assert phone.evaluate("window.spoken")[-1] == "(cancel)", "turned off, it stops and says no more"


# The back button and Material's instant navigation ----------------------------------------------------


def at(base_url: str, path: str):
    """The page at this address, whatever section Material's anchor tracking puts after '#'."""
    return lambda url: url.split("#")[0] == base_url + path


def test_back_closes_the_view_and_instant_navigation_still_works(desktop, base_url: str) -> None:
    desktop.add_init_script(WAKE_LOCK_STUB)
    desktop.goto("")
    desktop.evaluate("window.sameDocument = true")
    desktop.locator(".method-overview").get_by_role("link", name="Method 1: Cracking Your Back Using a Chair").click()
    desktop.wait_for_url(at(base_url, "methods/chair/"))
    # Opened on a page reached by instant navigation: its buttons came with document$.
    open_run(desktop, 0)
    desktop.keyboard.press("ArrowRight")
    desktop.go_back()
    expect(desktop.locator(".follow-along__view")).to_have_count(0)
    assert at(base_url, "methods/chair/")(desktop.url)
    desktop.go_back()
    desktop.wait_for_url(at(base_url, ""))
    desktop.locator(".method-overview").wait_for()
    desktop.go_forward()
    desktop.wait_for_url(at(base_url, "methods/chair/"))
    # Material dropped the view's stylesheet with the last page's <head>; opening adds it again.
    open_run(desktop, 0)
    assert desktop.evaluate("getComputedStyle(document.querySelector('.follow-along__view')).position") == "fixed"
    # The help link on the screen goes to the urgent lists by instant navigation, and the view closes.
    desktop.locator(f"{VIEW} .follow-along__safety a").click()
    desktop.wait_for_url(at(base_url, "help/"))
    expect(desktop.locator("#urgent")).to_be_in_viewport()
    expect(desktop.locator(".follow-along__view")).to_have_count(0)
    assert desktop.evaluate("window.sameDocument") is True, "the page was reloaded, not swapped by instant navigation"
    assert locks(desktop)[-1] == "release", "the screen may sleep again once the view has gone"
    desktop.go_back()
    desktop.wait_for_url(at(base_url, "methods/chair/"))
    expect(desktop.locator(OPEN)).to_have_count(1)


# Accessibility ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_with_the_view_open(phone, scheme: str) -> None:
    axe = audit_tool(AXE, "axe-core").read_text()
    phone.emulate_media(color_scheme=scheme)
    phone.goto(FLOOR)
    open_run(phone, 2)
    problems = []
    for _ in range(3):  # the first step, the step with the timer, and the last
        phone.evaluate("Promise.all(document.getAnimations().map((animation) => animation.finished))")
        problems += axe_misses(run_axe(phone, axe), scheme)
        problems += measure.contrast(phone, VIEW)
        phone.locator(f"{VIEW} [data-action=next]:visible").click()
    assert problems == []


def test_focus_moves_into_the_view_and_steps_are_announced(phone) -> None:
    phone.goto("methods/chair/")
    opener = phone.locator(OPEN)
    opener.focus()
    phone.keyboard.press("Enter")
    phone.locator(VIEW).wait_for()
    expect(phone.locator(f"{VIEW} [data-action=next]")).to_be_focused()
    status = phone.locator(f"{VIEW} [role=status]")
    expect(status).to_contain_text("Step 1 of 6")
    phone.keyboard.press("Enter")
    expect(status).to_contain_text("Step 2 of 6. Sit in the chair like you normally would, and relax.")
    assert phone.evaluate("document.querySelector('.follow-along__view').getAttribute('aria-labelledby')")


@pytest.mark.parametrize("motion", ["reduce", "no-preference"])
def test_steps_move_only_for_readers_who_want_motion(browser, base_url: str, motion: str) -> None:
    context = browser.new_context(base_url=base_url, reduced_motion=motion, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto("methods/chair/")
    page.locator(OPEN).click()
    page.locator(VIEW).wait_for()
    page.locator(f"{VIEW} [data-action=next]").click()
    animations = page.evaluate("document.getAnimations().length")
    context.close()
    assert (animations > 0) == (motion == "no-preference")


def test_the_view_reflows_at_twice_the_zoom(browser, base_url: str) -> None:
    """1280x800 at 200% is 640x400 CSS pixels: no sideways scrolling, Back and Next still there."""
    context = browser.new_context(base_url=base_url, viewport={"width": 640, "height": 400})
    page = context.new_page()
    page.goto("methods/chair/")
    page.locator(OPEN).click()
    page.locator(VIEW).wait_for()
    found = page.evaluate(SCREEN)
    context.close()
    assert found["overflow"] is False and found["forward"]["bottom"] <= found["height"]


# Screenshots for a person ------------------------------------------------------------------------------

def shot_of(site: Path, path: str) -> tuple[int, int]:
    """Which run and screen to photograph: the hold timer where there is one, else the first step with a drawing."""
    content = page_content(built_file(site, "/" + path).read_text())
    drawn = {(section.id, index) for section in step_sections(content) for index, step in enumerate(section.steps)
             if step.css_first("figure") is not None}
    all_runs = expected_runs(site, path)
    for wanted in (lambda screen: screen.hold, lambda screen: (screen.section, screen.index) in drawn):
        for run, screens in enumerate(all_runs):
            for index, screen in enumerate(screens):
                if wanted(screen) and not screen.other_side:
                    return run, index
    return 0, 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_of_one_step_of_each_method(phone, site: Path, output_dir: Path, scheme: str) -> None:
    folder = output_dir / "follow-along"
    folder.mkdir(exist_ok=True)
    phone.emulate_media(color_scheme=scheme)
    for path in METHOD_PAGES:
        run, screen = shot_of(site, path)
        phone.goto(path)
        open_run(phone, run)
        for _ in range(screen):
            phone.locator(f"{VIEW} [data-action=next]").click()
        phone.evaluate("Promise.all(document.getAnimations().map((animation) => animation.finished))")
        phone.screenshot(path=folder / f"{page_id(path).replace('/', '-')}-{scheme}.png")
