"""The "Follow along" view in Chromium: every run of every method page, every screen, both sides.

What the view should show is worked out here from the built page, its front matter and its
drawings, without the view's script: which steps, in which order, on which side, in whose
words, with which drawing, and where the hold timer goes. On a side-labelled screen the words
must move that side (tests/sides.py reads the claims "Bend your left knee" makes) and the
drawing must do what the words say (the claims checked on the pose's skeleton, mirrored for a
second side's reflected drawing). Browser APIs a headless Chromium cannot exercise (the wake
lock, vibration, sound, speech, a hidden tab) are stubbed with add_init_script; time runs on
Playwright's clock. Every screen of every run, light and dark, lands in one contact sheet,
test-results/follow-along-contact-sheet.png, for a person to look at.
"""

from __future__ import annotations

import gzip
import io
import re
from dataclasses import dataclass
from pathlib import Path

import measure
import pytest
from audit_tools import audit_tool
from follow_along_cases import generated_method
from PIL import Image, ImageDraw
from playwright.sync_api import expect
from sides import claims, broken
from site_pages import METHOD_PAGES, page_id
from violations import record_csp_violations

from audit.browser import AXE, axe_misses, run_axe
from backguide import html
from backguide.check_site import page_content
from backguide.drawings import all_drawings
from backguide.follow_along import runs, step_sections, template_html
from backguide.site import ROOT, built_file, source_pages

META = {page.url.lstrip("/"): page.meta for page in source_pages(ROOT / "docs") if page.is_method}
DRAWINGS = all_drawings(ROOT / "docs")
FLOOR = "methods/floor/"
VIEW = ".follow-along__view[open]"
OPEN = ".follow-along__open"
SIDE_WORDS = {"left": "Left side", "right": "Right side", "": ""}
SAFETY_LINE = "Stop if it hurts. Get help at once."
MIN_STEP_PX = 22  # the step's own words, read from the floor
MIN_TEXT_PX = 16  # anything else in the view
MIN_TARGET_PX = 44  # WCAG 2.5.5
MIN_BUTTON_PX = 48  # Back and Next
MIN_PICTURE_PX = 100  # a drawing in view is at least this tall
LEADS = ("bent", "turn")
# Worked out here, not taken from the code under test: the source's "Repeat on the other side"
# (or "... the other leg with the other arm"), and a sentence said for the other side.
OTHER_SIDE = re.compile(r"^\s*repeat\b.*\bother\b", re.IGNORECASE)
SAYS_REPEAT = re.compile(r"\brepeat\b", re.IGNORECASE)


def swap_sides(text: str) -> str:
    return re.sub(r"\b(left|right)\b", lambda m: {"left": "right", "right": "left"}[m.group(1)], text)  # the claims that say which side moves: "Bend your left knee", "turn ... to the left"


@dataclass(frozen=True)
class Screen:
    kind: str  # before, step, handover
    section: str  # the heading id of its step ("" before the steps)
    words: str  # what the screen's step area says, drawings left out
    count: str | None = None  # "Step 6 of 10"; None before the steps and on the hand-over
    side: str = ""  # "left", "right" or "": the side label
    other: bool = False  # the second side: mirrored words and drawings
    hold: bool = False
    drawings: tuple[str, ...] = ()  # pose names of the drawings it shows
    holds: int = 0

    @property
    def label(self) -> str:
        return f"{self.count or self.kind}{' ' + self.side if self.side else ''} ({self.section})"


def words(node: html.Node) -> str:
    return " ".join(html.text(node, frozenset({"drawing", "headerlink"})).split())


def poses_in(node: html.Node) -> tuple[str, ...]:
    return tuple(str(title.attributes.get("id", "")).removeprefix("drawing-") for title in node.css("figure.drawing svg title"))


def expected_runs(content: str, meta: dict) -> list[list[Screen]]:
    """Each run of a page (one per "Follow along" button, in page order), as the screens it must show.

    Worked out from the page as a physiotherapist would read it, not from the view's script:
    the safety panel first; the setup steps; for sides, every step once per side, the second
    side in the first side's words with left and right swapped, the side named from the first
    step that names one; the source's "Repeat on the other …" as the hand-over and never as a
    step; the hold and its "repeat" on one screen; the count running across both sides.
    """
    root = html.content(content)
    sections = {section.id: section for section in step_sections(content)}
    panel = root.css_first(".safety-panel")
    page_runs, problems = runs(content, meta)
    assert problems == []
    found = []
    for run in page_runs:
        screens: list[Screen] = [Screen("before", "before-you-start", words(panel))]
        plan: list[Screen] = []
        for setup in run.setup:
            plan += [Screen("step", setup, words(step), drawings=poses_in(step)) for step in sections[setup].steps]
        intro = getattr(run, "intro", "")  # a variation's run (none before issue 24)
        if intro:
            heading = root.css_first(f"h2#{intro}")
            parts, drawings, node = [], [], heading.next
            while node is not None and node.tag != "h2":
                if node.is_element_node and "share" not in html.classes(node):
                    parts.append("" if node.tag == "figure" else words(node))
                    drawings += poses_in(node) if node.tag != "figure" else [str(node.css_first("title").attributes["id"]).removeprefix("drawing-")]
                node = node.next
            plan.append(Screen("step", intro, " ".join(part for part in parts if part), drawings=tuple(drawings)))
        own = sections[run.steps].steps
        texts = [words(step) for step in own]
        # The step after the hold that repeats it ("Release and repeat three more times").
        repeat_step = next((n for n in [(run.hold_step or 0) + 1] if (run.holds or 0) > 1 and n <= len(texts)
                            and SAYS_REPEAT.search(texts[n - 1]) and not OTHER_SIDE.match(texts[n - 1])), None)
        handover = next((n for n in range(len(texts), 0, -1) if OTHER_SIDE.match(texts[n - 1])), None) if run.sides else None
        named = [n for n, text in enumerate(texts, start=1) if n != handover and re.search(r"\b(left|right)\b", text, re.I)]
        for turn, side in enumerate(run.sides or ("",)):
            if turn:
                plan.append(Screen("handover", run.steps, (texts[handover - 1] + " " if handover else "") + SIDE_WORDS[side], side=side))
            for n, (step, text) in enumerate(zip(own, texts), start=1):
                if n in (handover, repeat_step):
                    continue
                said = swap_sides(text) if turn and n in named else text
                drawings = tuple(name + ("-other-side" if turn and n in named else "") for name in poses_in(step))
                if n == run.hold_step and repeat_step:
                    said += " " + texts[repeat_step - 1]
                labelled = side if named and n >= named[0] else ""
                plan.append(Screen("step", run.steps, said, side=labelled, other=bool(turn and n in named),
                                   hold=n == run.hold_step, drawings=drawings, holds=run.holds or 0))
        total = sum(screen.kind == "step" for screen in plan)
        number = 0
        for screen in plan:
            if screen.kind == "step":
                number += 1
                screen = Screen(**{**screen.__dict__, "count": f"Step {number} of {total}"})
            screens.append(screen)
        found.append(screens)
    return found


def page_runs(site: Path, path: str) -> list[list[Screen]]:
    return expected_runs(page_content(built_file(site, "/" + path).read_text()), META[path])


# What the open view shows, read in one call; evaluate() is the DevTools protocol, which the page's CSP does not govern.
SCREEN = """() => {
  const view = document.querySelector(".follow-along__view[open]");
  const box = (node) => { const r = node.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height }; };
  const shown = (node) => Boolean(node) && node.checkVisibility();
  const text = (node) => node.textContent.replace(/\\s+/g, " ").trim();
  const body = view.querySelector(".follow-along__body");
  const step = view.querySelector(".follow-along__step");
  const words = step.cloneNode(true);
  for (const figure of words.querySelectorAll("figure")) figure.remove();
  const safety = view.querySelector(".follow-along__safety");
  const link = safety.querySelector("a[href]");
  const forward = [...view.querySelectorAll("[data-action=next], [data-action=done]")].find(shown);
  const count = view.querySelector(".follow-along__count");
  const ids = [...document.querySelectorAll("[id]")].map((node) => node.id);
  const bodyBox = box(body);
  const drawings = [...step.querySelectorAll("figure.drawing")].map((figure) => {
    const art = figure.querySelector("svg.drawing__art");
    const style = getComputedStyle(art);
    return {
      name: art.querySelector("title").id.replace(/^drawing-/, "").replace(/--follow-along$/, ""),
      title: text(art.querySelector("title")),
      shapes: art.innerHTML.replace(/<title[^>]*>.*?<\\/title>/, ""),
      fill: style.fill,
      box: box(art),
    };
  });
  const small = [];
  const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.textContent.trim() || !element.checkVisibility() || element.closest(".follow-along__status")) continue;
    const size = parseFloat(getComputedStyle(element).fontSize);
    if (size < 16) small.push(`${size}px: ${node.textContent.trim().slice(0, 30)}`);
  }
  const targets = [...view.querySelectorAll("button")].filter(shown).map((b) => ({ name: text(b) || b.getAttribute("aria-label"), ...box(b) }));
  return {
    count: shown(count) ? text(count) : null,
    side: shown(view.querySelector(".follow-along__side")) ? text(view.querySelector(".follow-along__side")) : "",
    otherSide: shown(view.querySelector(".follow-along__other-side")),
    name: text(view.querySelector(".follow-along__name")),
    text: [...words.childNodes].map((node) => node.textContent).join(" ").replace(/\s+/g, " ").trim(),
    drawings,
    body: bodyBox,
    scrolls: body.scrollHeight > body.clientHeight + 1,
    cue: shown(view.querySelector(".follow-along__more")),
    timer: shown(view.querySelector(".follow-along__timer")),
    safety: shown(safety) ? text(safety) : null,
    safetyBox: box(safety),
    help: link ? new URL(link.href).pathname + new URL(link.href).hash : null,
    back: box(view.querySelector("[data-action=back]")),
    forward: forward ? box(forward) : null,
    fontSize: parseFloat(getComputedStyle(step).fontSize),
    small,
    targets,
    height: innerHeight,
    width: document.documentElement.clientWidth,
    overflow: view.scrollWidth > view.clientWidth,
    duplicateIds: ids.filter((id, i) => ids.indexOf(id) !== i),
    focusInside: view.contains(document.activeElement),
  };
}"""
# The drawing as the page shows it: its shapes, for comparing with the view's (reflected) copy.
PAGE_DRAWING = """(name) => {
  const art = document.getElementById("drawing-" + name).closest("svg");
  return art.innerHTML.replace(/<title[^>]*>.*?<\\/title>/, "");
}"""
RETURNED = """([id, index]) => {
  const item = index < 0 ? document.getElementById(id) : document.querySelector(`#${CSS.escape(id)} ~ ol`).children[index];
  const r = item.getBoundingClientRect();
  return { focused: document.activeElement === item, inView: r.top >= 0 && r.top < innerHeight, views: document.querySelectorAll(".follow-along__view").length };
}"""


def side_problems(screen: Screen, found: dict) -> list[str]:
    """A side-labelled screen moves that side, and its drawing does what its words say."""
    problems = []
    said = claims(found["text"])
    leads = [claim.side for claim in said if claim.kind in LEADS]
    if screen.side and leads and leads[0] != screen.side:
        problems.append(f"labelled {SIDE_WORDS[screen.side]!r} but says {said[0].text!r}")
    for drawing in found["drawings"]:
        name = drawing["name"]
        base = name.removesuffix("-other-side")
        if base not in DRAWINGS:
            continue  # a generated method's stand-in drawing: no pose to check
        pose = DRAWINGS[base].pose
        pose = pose.mirrored() if name != base else pose
        wrong = broken(pose, said + claims(drawing["title"]))
        problems += [f"the drawing {name} does not do what the screen says: {problem}" for problem in wrong]
    return problems


def screen_problems(page, screen: Screen) -> list[str]:
    """Everything wrong with the screen shown, as sentences."""
    found = page.evaluate(SCREEN)
    want = {
        "count": screen.count,
        "side": SIDE_WORDS[screen.side],
        "otherSide": screen.kind == "handover",
        "text": screen.words,
        "timer": screen.hold,
        "safety": SAFETY_LINE,
        "help": "/help/#urgent",
        "duplicateIds": [],
        "overflow": False,
        "focusInside": True,
        "small": [],
    }
    problems = [f"{key}: {found[key]!r}, expected {value!r}" for key, value in want.items() if found[key] != value]
    names = tuple(drawing["name"].removesuffix("--follow-along") for drawing in found["drawings"])
    if names != tuple(name.replace("-other-side", "") + ("-other-side" if "-other-side" in name else "") for name in screen.drawings):
        problems.append(f"drawings {names}, expected {screen.drawings}")
    for drawing in found["drawings"]:
        shapes = page.evaluate(PAGE_DRAWING, drawing["name"].removesuffix("-other-side"))
        # Reflected: the body's shapes in scale(-1 1), and each L or R drawn again as the other letter.
        letters = re.findall(r'<path class="label" d="([^"]*)"', shapes)
        body = re.sub(r'<path class="label"[^>]*>(</path>)?', "", shapes)
        other = "".join(re.findall(r'<path class="label"[^>]*>(?:</path>)?', drawing["shapes"].split("</g>")[-1]))
        swapped = ["R" if d.count("M") == 1 else "L" for d in letters] == [
            "L" if d.count("M") == 1 else "R" for d in re.findall(r'd="([^"]*)"', other)
        ]
        reflected = drawing["shapes"].startswith(f'<g transform="scale(-1 1)">{body}</g>') and swapped
        if not (reflected if drawing["name"].endswith("-other-side") else drawing["shapes"] == shapes):
            problems.append(f"the drawing {drawing['name']} is not the page's drawing{', reflected' if screen.other else ''}")
        if drawing["fill"] != "none":
            problems.append(f"the drawing {drawing['name']} is filled with {drawing['fill']} (the icons' style reached it)")
        art, body = drawing["box"], found["body"]
        if art["top"] < body["top"] - 1 or art["bottom"] > body["bottom"] + 1 or art["height"] < MIN_PICTURE_PX:
            problems.append(f"the drawing {drawing['name']} is not in view without scrolling: {art}, body {body}")
    if found["scrolls"] and not found["cue"]:
        problems.append("the screen scrolls with no cue that it does")
    problems += side_problems(screen, found)
    if screen.kind == "step" and found["fontSize"] < MIN_STEP_PX:
        problems.append(f"the step is in {found['fontSize']}px type, under {MIN_STEP_PX}px")
    for target in found["targets"]:
        if min(target["width"], target["height"]) < MIN_TARGET_PX:
            problems.append(f"the button {target['name']!r} is {target['width']:.0f}x{target['height']:.0f}, under {MIN_TARGET_PX}px")
    for name in ("back", "forward"):
        button = found[name]
        if button is None or min(button["width"], button["height"]) < MIN_BUTTON_PX:
            problems.append(f"{name} is {button and (button['width'], button['height'])}, under {MIN_BUTTON_PX}px square")
        elif button["bottom"] < found["height"] * 0.85 or button["bottom"] > found["height"]:
            problems.append(f"{name} ends at {button['bottom']}px, not at the bottom of a {found['height']}px screen")
    if not (0 <= found["safetyBox"]["top"] and found["safetyBox"]["bottom"] <= found["height"]):
        problems.append("the safety line is off the screen")
    return [f"{screen.label}: {problem}" for problem in problems]


def shown_count(page) -> tuple[str | None, str]:
    found = page.evaluate(SCREEN)
    return found["count"], found["side"]


def expect_screen(page, screens: list[Screen], index: int, how: str) -> list[str]:
    index = max(0, min(index, len(screens) - 1))  # a swipe past either end stays there
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


def next_screen(page) -> None:
    page.locator(f"{VIEW} [data-action=next]").click()


def returned_problems(page, screen: Screen, how: str) -> list[str]:
    """After closing, the view is gone and the reader is back where the screen was, focused."""
    expect(page.locator(".follow-along__view")).to_have_count(0)
    index = -1 if screen.kind == "before" or screen.section == "variation" else None
    if index is None:
        index = page.evaluate("""([id, words]) => [...document.querySelector(`#${CSS.escape(id)} ~ ol`).children]
            .findIndex((item) => words.startsWith(item.textContent.replace(/\\s+/g, " ").trim().slice(0, 20)))""", [screen.section, screen.words])
    found = page.evaluate(RETURNED, [screen.section, index])
    return [] if found == {"focused": True, "inView": True, "views": 0} else [f"after {how}: {found}"]


def walk(page, screens: list[Screen], where: str) -> list[str]:
    """Every screen by Next, checked; then the arrow keys and swipes at the last, and Done."""
    problems = []
    last = len(screens) - 1
    for index, screen in enumerate(screens):
        problems += [f"{where}: {problem}" for problem in screen_problems(page, screen)]
        if index < last:
            if not page.locator(f"{VIEW} [data-action=next]").is_visible():
                return problems + [f"{where}: the view ends after {index + 1} screens, expected {len(screens)}"]
            next_screen(page)
    if not page.locator(f"{VIEW} [data-action=done]").is_visible():
        problems.append(f"{where}: no Done on the last screen")
    said_last = page.evaluate(SCREEN)["text"]
    if OTHER_SIDE.match(said_last):
        problems.append(f"{where}: the last screen says {said_last!r}, after the last side")
    # Back two, forward two, by key and by finger; neither end wraps round to the other.
    at = last
    for how, move in (("ArrowLeft", -1), ("a swipe to the right", -1), ("a swipe to the left", 1), ("ArrowRight", 1)):
        if how.startswith("Arrow"):
            page.keyboard.press(how)
        else:
            swipe(page, how.rsplit(" ", 1)[-1])
        at = max(0, min(at + move, last))
        problems += expect_screen(page, screens, at, how)
    return problems


@pytest.fixture
def csp_violations(phone) -> list[str]:
    return record_csp_violations(phone)


def test_the_expected_screens_keep_the_sides_apart(site: Path) -> None:
    """The plan this test walks: both sides of floor #4 and sitting, each side in its own words."""
    floor = page_runs(site, FLOOR)[3]
    assert [(s.count, s.side, s.other) for s in floor] == [
        (None, "", False), ("Step 1 of 7", "", False), ("Step 2 of 7", "", False), ("Step 3 of 7", "right", False),
        ("Step 4 of 7", "right", False), (None, "left", False), ("Step 5 of 7", "", False), ("Step 6 of 7", "left", True),
        ("Step 7 of 7", "left", False),
    ]
    assert floor[5].words == "Repeat on the other side. Left side"
    assert floor[6 + 1].words.startswith("Raise your left leg to your chest")
    sitting = page_runs(site, "methods/sitting/")[0]
    assert [s.count for s in sitting].count(None) == 2 and sitting[-1].count == "Step 8 of 8"
    assert "Bend your right knee and take your right foot outside of the left knee." in [s.words for s in sitting]


@pytest.mark.parametrize("path", METHOD_PAGES, ids=page_id)
def test_every_screen_of_every_run(phone, site: Path, csp_violations: list[str], path: str) -> None:
    """Open each run, walk every screen of both sides, step by keys and swipes, close by Escape and by back."""
    errors: list[str] = []
    phone.on("pageerror", lambda error: errors.append(str(error)))
    phone.goto(path)
    all_runs = page_runs(site, path)
    expect(phone.locator(OPEN)).to_have_count(len(all_runs))
    problems = []
    for number, screens in enumerate(all_runs):
        where = f"run {number + 1} ({screens[-1].section})"
        url = phone.url
        open_run(phone, number)
        problems += walk(phone, screens, where)
        phone.keyboard.press("Escape")
        problems += [f"{where}: {problem}" for problem in returned_problems(phone, screens[-1], "Escape")]
        open_run(phone, number)
        phone.keyboard.press("ArrowRight")
        phone.go_back()
        problems += [f"{where}: {problem}" for problem in returned_problems(phone, screens[1], "the back button")]
        if phone.url.split("#")[0] != url.split("#")[0]:
            problems.append(f"{where}: the address changed from {url} to {phone.url}")
    assert problems == [], "\n".join(problems)
    assert errors == [] and csp_violations == [] and phone.foreign_requests == []


def test_the_first_screen_is_the_pages_own_safety_panel(phone) -> None:
    """"Before you start": the page's panel as it is (so a line added to it shows here too), and its 999 link."""
    phone.goto("methods/sitting/")
    open_run(phone, 0)
    view_panel = phone.locator(f"{VIEW} .follow-along__step .safety-panel")
    page_panel = phone.locator("article .safety-panel").first
    assert view_panel.inner_text() == page_panel.inner_text()
    expect(phone.locator(f"{VIEW} .follow-along__title")).to_have_text("Before you start")
    for title in ("Stop if it hurts", "Check with a GP or physiotherapist first"):
        expect(view_panel.get_by_text(title, exact=True)).to_be_visible()
    expect(view_panel.locator(".red-flags a[href$='help/#urgent']")).to_have_count(1)
    expect(phone.locator(f"{VIEW} [data-action=back]")).to_be_disabled()


# Any number of steps: generated methods, served in place of a real page's content ---------------

GENERATED = [(steps, sided, held) for steps in (1, 2, 20) for sided in (False, True) for held in (False, True)]


def generated_page(site: Path, steps: int, sided: bool, held: bool) -> tuple[str, list[list[Screen]]]:
    """The standing page with its steps and view replaced by a generated method's, and its screens."""
    method = generated_method(steps, sided=sided, held=held)
    page = built_file(site, "/methods/standing/").read_text()
    # From the safety panel's heading to the end of the view's template: the method's own content.
    start = re.search(r"<h2[^>]*\bid=\"?before-you-start", page).start()
    end = page.index("</template>", page.index("follow-along__run")) + len("</template>")
    found, problems = runs(method.content, method.meta)
    assert problems == []
    made = method.content + template_html(found, "methods/standing/")
    return page[:start] + made + page[end:], expected_runs(method.content, method.meta)


@pytest.mark.parametrize(("steps", "sided", "held"), GENERATED, ids=lambda value: str(value))
def test_any_number_of_steps(phone, site: Path, base_url: str, steps: int, sided: bool, held: bool) -> None:
    """1, 2 and 20 steps, with and without sides and a hold: every screen, and no swipe wraps round."""
    page_html, all_runs = generated_page(site, steps, sided, held)
    assert page_html.count('class="follow-along"') == 1
    phone.route(base_url + "methods/standing/", lambda route: route.fulfill(body=page_html, content_type="text/html"))
    errors: list[str] = []
    phone.on("pageerror", lambda error: errors.append(str(error)))
    phone.goto("methods/standing/")
    [screens] = all_runs
    open_run(phone, 0)
    swipe(phone, "right")
    problems = expect_screen(phone, screens, 0, "a swipe to the right on the first screen")
    problems += walk(phone, screens, f"{steps} steps")
    assert problems == [], "\n".join(problems)
    assert errors == []


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


@pytest.mark.parametrize("path", METHOD_PAGES, ids=page_id)
def test_the_buttons_on_the_page_are_a_thumbs_size(phone, path: str) -> None:
    """Every "Follow along" button on the page, in "At a glance" or beside an option, is at least 44x44 px."""
    phone.goto(path)
    sizes = [phone.locator(OPEN).nth(n).bounding_box() for n in range(phone.locator(OPEN).count())]
    assert sizes and all(min(box["width"], box["height"]) >= MIN_TARGET_PX for box in sizes), sizes


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
window.spokenAloud = [];
Object.defineProperty(window, "speechSynthesis", { configurable: true, value: {
  speak: (utterance) => window.spokenAloud.push(utterance.text),
  cancel: () => {},
}});
window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
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


def to_the_hold(page) -> None:
    """Floor Option #3 (Knees to chest), open at its hold screen."""
    # The fake clock fakes `performance` too, so goto cannot wait for Material's sitemap; the
    # button (added on Material's document$) says the page is ready for these tests.
    page.goto(FLOOR, wait_until="domcontentloaded")
    page.locator(OPEN).first.wait_for()
    open_run(page, 2)
    while not page.locator(f"{VIEW} .follow-along__timer").is_visible():
        next_screen(page)


READY = {"hold": "Hold 1 of 4", "clock": "15", "release": False, "start": "Start 15 s", "pause": False, "resume": False}


def test_one_start_runs_all_four_holds_with_a_release_between(phone) -> None:
    """Hands stay on the knees: one tap, four holds of 15 s, "Release" shown and said for 5 s between."""
    phone.add_init_script(DEVICE_STUBS)
    phone.clock.install()
    to_the_hold(phone)
    phone.clock.pause_at(phone.evaluate("Date.now()") + 1000)
    step = phone.locator(f"{VIEW} .follow-along__step").inner_text()
    assert "Hold your knees to your belly for fifteen seconds" in step and "Release and repeat three more times." in step
    phone.clock.run_for(30_000)
    assert timer_state(phone) == {**READY, "vibrations": 0, "tones": 0}, "nothing starts on its own"
    phone.locator(f"{VIEW} [data-action=start]").click()
    for hold in range(1, 5):
        state = timer_state(phone)
        assert (state["hold"], state["clock"], state["release"], state["pause"]) == (f"Hold {hold} of 4", "15", False, True)
        phone.clock.run_for(7_600)
        assert timer_state(phone)["clock"] == "8"
        phone.clock.run_for(7_400)
        state = timer_state(phone)
        assert state["release"] and (state["vibrations"], state["tones"]) == (hold, hold), "Release, a vibration and a tone"
        assert state["pause"] == (hold < 4), "Pause stays in reach through the release"
        if hold < 4:
            assert state["start"] is None
            phone.clock.run_for(5_000)
    said = phone.evaluate("window.said")
    assert [line for line in said if line.startswith(("Hold", "Halfway", "Release"))] == [
        line for hold in range(1, 5) for line in (f"Hold {hold} of 4, 15 seconds", "Halfway", "Release")
    ]
    assert phone.evaluate("window.spokenAloud") == [
        line for hold in range(1, 5) for line in (f"Hold {hold} of 4, 15 seconds", "Release")
    ]
    done = timer_state(phone)
    assert (done["hold"], done["release"], done["start"]) == ("Hold 4 of 4", True, None)
    # Counted once: Back and Next, or closing and opening again, keep the four holds done.
    phone.locator(f"{VIEW} [data-action=back]").click()
    next_screen(phone)
    assert timer_state(phone) | {"vibrations": 4, "tones": 4} == done
    phone.keyboard.press("Escape")
    expect(phone.locator(".follow-along__view")).to_have_count(0)
    open_run(phone, 2)
    while not phone.locator(f"{VIEW} .follow-along__timer").is_visible():
        next_screen(phone)
    assert timer_state(phone)["hold"] == "Hold 4 of 4" and timer_state(phone)["start"] is None
    phone.locator(f"{VIEW} [data-action=reset]").click()
    assert timer_state(phone)["hold"] == "Hold 1 of 4" and timer_state(phone)["start"] == "Start 15 s"


def test_leaving_mid_hold_keeps_the_holds_done(phone) -> None:
    phone.add_init_script(DEVICE_STUBS)
    phone.clock.install()
    to_the_hold(phone)
    phone.clock.pause_at(phone.evaluate("Date.now()") + 1000)
    phone.locator(f"{VIEW} [data-action=start]").click()
    phone.clock.run_for(15_000 + 5_000 + 3_000)  # into the second hold
    assert timer_state(phone)["hold"] == "Hold 2 of 4"
    phone.locator(f"{VIEW} [data-action=back]").click()
    phone.clock.run_for(60_000)
    next_screen(phone)
    state = timer_state(phone)
    assert (state["hold"], state["clock"], state["start"], state["pause"]) == ("Hold 2 of 4", "15", "Start 15 s", False), (
        "the second hold waits for Start; the first stays done"
    )


def test_the_hold_timer_pauses_and_resets(phone) -> None:
    phone.add_init_script(DEVICE_STUBS)
    phone.clock.install()
    to_the_hold(phone)
    phone.clock.pause_at(phone.evaluate("Date.now()") + 1000)
    phone.locator(f"{VIEW} [data-action=start]").click()
    phone.clock.run_for(5_000)
    phone.locator(f"{VIEW} [data-action=pause]").click()
    assert timer_state(phone)["clock"] == "10" and timer_state(phone)["resume"]
    phone.clock.run_for(30_000)
    assert timer_state(phone)["clock"] == "10", "a paused hold does not count down"
    phone.locator(f"{VIEW} [data-action=resume]").click()
    phone.clock.run_for(12_000)  # the hold ends; 2 s into the release
    assert timer_state(phone)["release"]
    phone.locator(f"{VIEW} [data-action=pause]").click()
    phone.clock.run_for(30_000)
    assert timer_state(phone)["hold"] == "Hold 1 of 4", "a paused release waits too"
    phone.locator(f"{VIEW} [data-action=resume]").click()
    phone.clock.run_for(3_000)
    assert timer_state(phone)["hold"] == "Hold 2 of 4"
    phone.locator(f"{VIEW} [data-action=reset]").click()
    assert timer_state(phone) | {"vibrations": 0, "tones": 0} == {**READY, "vibrations": 0, "tones": 0}
    phone.clock.run_for(20_000)
    assert timer_state(phone)["clock"] == "15", "a reset timer waits for Start"


def test_no_timer_where_the_source_gives_no_time(site: Path) -> None:
    """Only floor Option #3 gives a time to hold (its front matter `hold`); no other run shows a timer."""
    timed = [
        (path, number) for path in METHOD_PAGES for number, screens in enumerate(page_runs(site, path))
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
        next_screen(phone)
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
    next_screen(phone)
    next_screen(phone)
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
def test_axe_finds_nothing_with_the_view_open(phone, site: Path, scheme: str) -> None:
    """Every screen of the hold's run (the panel, the timer) and of sitting (the hand-over, the reflected drawings)."""
    axe = audit_tool(AXE, "axe-core").read_text()
    phone.emulate_media(color_scheme=scheme)
    problems = []
    for path, run in ((FLOOR, 2), ("methods/sitting/", 0)):
        phone.goto(path)
        open_run(phone, run)
        screens = page_runs(site, path)[run]
        for index, screen in enumerate(screens):
            phone.evaluate("Promise.all(document.getAnimations().map((animation) => animation.finished))")
            problems += [f"{path} {screen.label}: {miss}" for miss in axe_misses(run_axe(phone, axe), scheme)]
            problems += [f"{path} {screen.label}: {miss}" for miss in measure.contrast(phone, VIEW)]
            if index < len(screens) - 1:
                next_screen(phone)
        phone.keyboard.press("Escape")
        # Closing goes back over the view's history entry: the page is itself again before the next goto.
        expect(phone.locator(".follow-along__view")).to_have_count(0)
        expect(phone).to_have_url(re.compile(re.escape(path) + "(#.*)?$"))
        phone.wait_for_timeout(200)
    assert problems == []


def test_focus_moves_into_the_view_and_steps_are_announced(phone) -> None:
    phone.goto("methods/chair/")
    opener = phone.locator(OPEN)
    opener.focus()
    phone.keyboard.press("Enter")
    phone.locator(VIEW).wait_for()
    expect(phone.locator(f"{VIEW} [data-action=next]")).to_be_focused()
    status = phone.locator(f"{VIEW} [role=status]")
    expect(status).to_contain_text("Before you start. Stop if it hurts")
    phone.keyboard.press("Enter")
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


# The contact sheet: every screen of every run at 360x740, light and dark, for a person ---------------

THUMB = (180, 370)
LABEL_PX = 28


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_of_every_screen(phone, site: Path, output_dir: Path, scheme: str) -> None:
    """Each screen's picture, kept for the contact sheet (composed by the test after both schemes)."""
    phone.emulate_media(color_scheme=scheme, reduced_motion="reduce")
    shots = []
    for path in METHOD_PAGES:
        phone.goto(path)
        for number, screens in enumerate(page_runs(site, path)):
            open_run(phone, number)
            for index, screen in enumerate(screens):
                shots.append((f"{page_id(path).removeprefix('methods/')} {number + 1}: {screen.count or screen.kind}{' ' + screen.side if screen.side else ''}",
                               phone.screenshot()))
                if index < len(screens) - 1:
                    next_screen(phone)
            phone.keyboard.press("Escape")
            expect(phone.locator(".follow-along__view")).to_have_count(0)
    _SHOTS[scheme] = shots
    if len(_SHOTS) == 2:
        sheet = contact_sheet(_SHOTS["light"], _SHOTS["dark"])
        sheet.save(output_dir / "follow-along-contact-sheet.png", optimize=True)


_SHOTS: dict[str, list[tuple[str, bytes]]] = {}


def contact_sheet(light: list[tuple[str, bytes]], dark: list[tuple[str, bytes]]) -> Image.Image:
    """Light above dark, each screen small with its name under it, in rows of 16."""
    columns = 16
    cell = (THUMB[0] + 8, THUMB[1] + LABEL_PX)
    rows = [light[i : i + columns] for i in range(0, len(light), columns)] + [dark[i : i + columns] for i in range(0, len(dark), columns)]
    sheet = Image.new("RGB", (columns * cell[0], len(rows) * cell[1]), "white")
    draw = ImageDraw.Draw(sheet)
    for row, shots in enumerate(rows):
        for column, (label, png) in enumerate(shots):
            thumb = Image.open(io.BytesIO(png)).convert("RGB").resize(THUMB, Image.LANCZOS)
            x, y = column * cell[0] + 4, row * cell[1]
            sheet.paste(thumb, (x, y))
            draw.text((x, y + THUMB[1] + 4), label[:34], fill="black")
    return sheet
