"""Follow along at build time: the numbers read from the front matter, the runs of a page,
the template, and the safety check that refuses a screen without "Stop if it hurts"."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from project import ROOT, copy_project, gate_error

from backguide import html
from backguide.check_site import check_site, page_content
from backguide.follow_along import (
    FactError,
    Run,
    check_follow_along,
    hold_seconds,
    repeat_times,
    runs,
    side_order,
    take_view,
    urgent_link,
    with_follow_along,
)
from backguide.search import indexed_pages
from backguide.site import built_file, built_page, page_url, source_pages

METHOD_URIS = [page.src_uri for page in source_pages(ROOT / "docs") if page.is_method]
PATH = "docs/methods/test.md"
URL = "methods/test/"
SAFETY_LINE = '<p class="follow-along__safety"><strong>Stop if it hurts.</strong> <a href="../../help/#urgent">Get help at once.</a></p>'

PANEL = '<h2 id="before-you-start">Before you start</h2><div class="safety-panel"><p>…</p></div>'
STEPS_PAGE = PANEL + '<h2 id="steps">Steps</h2><ol><li>Sit.</li><li>Lean back.<figure class="drawing"><svg><title>A person</title></svg></figure></li></ol>'
OPTIONS_PAGE = (
    PANEL
    + '<h2 id="find-a-space">Find a space</h2><ol><li>Find a space.</li></ol>'
    + '<h2 id="knees">Option #3: Knees to chest<a class="headerlink" href="#knees">¶</a></h2>'
    + "<p>Stop at once if it hurts.</p><ol><li>Lie down.</li><li>Hold your knees for fifteen seconds.</li><li>Release.</li></ol>"
    + '<h2 id="across">Option #4: Knee across</h2><ol><li>Lie flat.</li><li>Repeat on the other side.</li></ol>'
    + '<h2 id="good-to-know">Good to know</h2>'
)
OPTIONS_META = {
    "options": [
        {"id": "knees", "hold": "15 seconds", "repeat": "4 times in all"},
        {"id": "across", "sides": "right then left"},
    ]
}


# Numbers from the front matter --------------------------------------------------------------------


@pytest.mark.parametrize(("value", "seconds"), [("15 seconds", 15), ("1 second", 1), ("2 minutes", 120), ("1 minute", 60)])
def test_a_hold_is_read_as_seconds(value: str, seconds: int) -> None:
    assert hold_seconds(value) == seconds


@pytest.mark.parametrize("value", ["fifteen seconds", "15", "15 secs", "0 seconds", "about 15 seconds"])
def test_a_hold_the_timer_cannot_count_is_refused_with_the_fix(value: str) -> None:
    with pytest.raises(FactError) as error:
        hold_seconds(value)
    assert str(error.value) == (
        f"'hold: {value}' gives no time the follow-along timer can count; write it as  hold: 15 seconds"
        "  (a number, then seconds or minutes)"
    )


@pytest.mark.parametrize(("value", "times"), [("4 times in all", 4), ("1 time in all", 1), ("10 times in all", 10)])
def test_a_repeat_is_read_as_the_number_of_times_in_all(value: str, times: int) -> None:
    assert repeat_times(value) == times


@pytest.mark.parametrize("value", ["4 times", "three more times", "4 times in all, each side"])
def test_a_repeat_the_view_cannot_count_is_refused_with_the_fix(value: str) -> None:
    with pytest.raises(FactError, match=r"write it as  repeat: 4 times in all  \(a number: how many times in all"):
        repeat_times(value)


def test_sides_are_read_in_their_order() -> None:
    assert side_order("right then left") == ("right", "left")
    assert side_order("left then right") == ("left", "right")
    assert side_order("both") == ()  # the rules name a word outside the facts table


# The runs of a page --------------------------------------------------------------------------------


def test_a_page_of_steps_is_one_run_with_its_own_facts() -> None:
    assert runs(STEPS_PAGE, {"sides": "left then right"}) == ([Run("steps", sides=("left", "right"))], [])


def test_each_option_is_a_run_that_starts_with_the_shared_steps() -> None:
    found, problems = runs(OPTIONS_PAGE, OPTIONS_META)
    assert problems == []
    assert found == [
        Run("knees", ("find-a-space",), "section", hold_seconds=15, holds=4, hold_step=2),
        Run("across", ("find-a-space",), "section", sides=("right", "left"), handover_step=2),
    ]


def test_a_hold_without_a_count_is_one_hold() -> None:
    meta = {"options": [{"id": "knees", "hold": "15 seconds"}]}
    assert runs(OPTIONS_PAGE, meta)[0][0].holds == 1


def test_a_hold_with_no_step_that_says_hold_is_refused() -> None:
    meta = {"options": [{"id": "across", "hold": "15 seconds"}]}
    assert runs(OPTIONS_PAGE, meta)[1] == [
        "front matter option 'across' gives 'hold: 15 seconds', but none of the steps under 'Option #4: Knee across'"
        " says to hold; the follow-along timer goes on the step that says how long to hold, so say it there, as the"
        " source does"
    ]


def test_a_page_without_steps_gets_no_template() -> None:
    assert with_follow_along(PANEL, {}, URL) == PANEL


def test_the_urgent_link_is_relative_to_the_page() -> None:
    assert urgent_link("methods/floor/") == "../../help/#urgent"
    assert urgent_link("/methods/floor/") == "../../help/#urgent"
    assert urgent_link("") == "help/#urgent"


# The template and the safety check ------------------------------------------------------------------


def page_with_view(meta: dict | None = None) -> str:
    return with_follow_along(OPTIONS_PAGE, meta or OPTIONS_META, URL)


def test_the_template_holds_the_screen_the_runs_and_no_step_text() -> None:
    page = page_with_view()
    [fragment] = html.parse(page).template_fragments()
    assert [node.attributes for node in fragment.css(".follow-along__run")] == [
        {"class": "follow-along__run", "data-steps": "knees", "data-setup": "find-a-space", "data-place": "section",
         "data-hold-seconds": "15", "data-holds": "4", "data-hold-step": "2", "data-release-seconds": "5"},
        {"class": "follow-along__run", "data-steps": "across", "data-setup": "find-a-space", "data-place": "section",
         "data-sides": "right left", "data-handover-step": "2"},
    ]
    assert SAFETY_LINE in page
    assert "Lie down." not in page.split("<template", 1)[1], "the steps are read from the page, not copied"
    assert 'data-pagefind-ignore' in page.split("<template", 1)[1].split(">", 1)[0]


def test_a_page_with_its_view_passes() -> None:
    assert check_follow_along(PATH, page_with_view(), OPTIONS_META, URL) == []


def test_a_view_without_stop_if_it_hurts_is_refused() -> None:
    """The check the build (the safety gate) and check-site run: shown failing."""
    page = page_with_view().replace(SAFETY_LINE, "")
    assert [str(problem) for problem in check_follow_along(PATH, page, OPTIONS_META, URL)] == [
        f"{PATH}: the follow-along view can show a step without 'Stop if it hurts';"
        " the view is made by backguide/follow_along.py: restore its template_html"
    ]


@pytest.mark.parametrize(
    "broken",
    [
        SAFETY_LINE.replace("Stop if it hurts.", "Take care."),
        SAFETY_LINE.replace('class="follow-along__safety"', 'class="follow-along__safety" hidden'),
    ],
    ids=["reworded", "hidden"],
)
def test_a_reworded_or_hidden_safety_line_is_refused(broken: str) -> None:
    page = page_with_view().replace(SAFETY_LINE, broken)
    [problem] = check_follow_along(PATH, page, OPTIONS_META, URL)
    assert "can show a step without 'Stop if it hurts'" in problem.message


@pytest.mark.parametrize(
    "href", ["../help/#urgent", "../../help/", "../../help/#call-999", "https://example.org/help/#urgent"]
)
def test_a_safety_line_without_the_urgent_link_is_refused(href: str) -> None:
    page = page_with_view().replace('href="../../help/#urgent"', f'href="{href}"')
    assert [problem.message for problem in check_follow_along(PATH, page, OPTIONS_META, URL)] == [
        "the follow-along view can show a step without its link to the urgent help (../../help/#urgent);"
        " the view is made by backguide/follow_along.py: restore its template_html"
    ]


def test_a_template_without_a_screen_is_refused() -> None:
    page = OPTIONS_PAGE + '<template class="follow-along"><div class="follow-along__run" data-steps="knees"></div></template>'
    assert [problem.message for problem in check_follow_along(PATH, page, OPTIONS_META, URL)] == [
        "the follow-along template has no screen (.follow-along__view);"
        " the view is made by backguide/follow_along.py: restore its template_html"
    ]


def test_the_gate_takes_off_only_the_view_the_build_made() -> None:
    # The gate refuses any <template> (what it holds is kept from the checks) but this one.
    rest, messages = take_view(page_with_view(), OPTIONS_META, URL)
    assert (messages, rest.strip()) == ([], OPTIONS_PAGE)
    # The same view written by another hand, whitespace and all, is still the view.
    spaced = page_with_view().replace("><", ">\n  <")
    assert take_view(spaced, OPTIONS_META, URL)[0].count("<template") == 0


def test_a_view_changed_after_the_build_made_it_is_refused() -> None:
    changed = page_with_view().replace("<p class=\"follow-along__release\" hidden>Release</p>",
                                       "<p class=\"follow-along__release\" hidden>Push through it</p>")
    rest, messages = take_view(changed, OPTIONS_META, URL)
    assert messages == [
        "has a follow-along template that is not the one backguide/follow_along.py makes for this page"
        " (something changed it after hooks/follow_along.py); the view may show only what that template"
        " holds, so remove the change"
    ]
    assert "<template" not in rest, "reported once, not again as a <template> element"


def test_a_template_an_author_writes_stays_for_the_markup_rule() -> None:
    authors = OPTIONS_PAGE + '<template class="follow-along"><dialog class="follow-along__view"></dialog></template>'
    rest, _ = take_view(with_follow_along(authors, OPTIONS_META, URL), OPTIONS_META, URL)
    assert rest.count("<template") == 1


def test_an_unreadable_hold_is_a_problem_of_the_page() -> None:
    meta = {"options": [{"id": "knees", "hold": "fifteen seconds"}]}
    assert [str(problem) for problem in check_follow_along(PATH, OPTIONS_PAGE, meta, URL)] == [
        f"{PATH}: front matter option 'knees' 'hold: fifteen seconds' gives no time the follow-along timer can"
        " count; write it as  hold: 15 seconds  (a number, then seconds or minutes)"
    ]


# On the built site and in a real build ----------------------------------------------------------------


def test_check_site_fails_on_a_built_page_whose_view_drops_the_safety_line(site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page = built_file(copy, "/methods/chair/")
    text = page.read_text()
    line = text[text.index('<p class="follow-along__safety">') :].split("</p>", 1)[0] + "</p>"
    page.write_text(text.replace(line, ""))
    checked, problems = check_site(copy, ROOT)
    assert [str(problem) for problem in problems] == [
        "docs/methods/chair.md: the follow-along view can show a step without 'Stop if it hurts';"
        " the view is made by backguide/follow_along.py: restore its template_html"
    ]


def test_the_build_stops_when_a_hook_drops_the_safety_line(tmp_path: Path) -> None:
    """A later change that loses the line from the view (here a hook after ours) cannot reach a reader."""
    copy_project(tmp_path)
    (tmp_path / "hooks" / "drop_safety_line.py").write_text(
        "import re\n"
        "from mkdocs.plugins import event_priority\n\n\n"
        "@event_priority(-60)  # after hooks/follow_along.py, before the gate\n"
        "def on_page_content(html, /, *, page, config, files):\n"
        "    return re.sub(r'<p class=\"follow-along__safety\">.*?</p>', '', html)\n"
    )
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - hooks/safety.py", "  - hooks/drop_safety_line.py\n  - hooks/safety.py"))
    message = gate_error(config, tmp_path / "site")
    assert message.splitlines() == [f"Cannot publish yet, {len(METHOD_URIS)} files to fix:"] + [
        f"  docs/{uri}: the follow-along view can show a step without 'Stop if it hurts';"
        " the view is made by backguide/follow_along.py: restore its template_html"
        for uri in sorted(METHOD_URIS)
    ]


@pytest.mark.parametrize("uri", METHOD_URIS)
def test_every_method_page_carries_its_view(site: Path, uri: str) -> None:
    page = built_page(site, uri).read_text()
    assert len(html.parse(page).template_fragments()) == 1
    assert check_follow_along(uri, page_content(page), {}, page_url(uri)) == []


def test_the_steps_are_not_indexed_twice_and_the_views_words_not_at_all(site: Path) -> None:
    floor = next(record for record in indexed_pages(site) if record["url"].endswith("/methods/floor/"))
    assert floor["content"].count("Hold your knees to your belly for fifteen seconds") == 1
    for record in indexed_pages(site):
        for words in ("Halfway", "Now the other side", "Follow along"):
            assert words not in record["content"], f"{record['url']} indexes the view's '{words}'"
    llms = (site / "llms.txt").read_text()
    assert "Follow along" not in llms and "Hold your knees" not in llms



# Sides, holds and variations over generated methods -------------------------------------------------
# Property-style: every combination of a method's length (1, 2, 3, 20 steps), sides, a hold
# with a repeat, and a variation, built as the page's HTML is, must give runs whose numbers
# point at the right steps. The browser test (tests/browser/test_follow_along.py) walks the same
# generated methods screen by screen.

from backguide.follow_along import mirror_html, swap_sides  # noqa: E402
from follow_along_cases import generated_method  # noqa: E402

CASES = [
    (steps, sided, held, variation)
    for steps in (1, 2, 3, 20)
    for sided in (False, True)
    for held in (False, True)
    for variation in (False, True)
]


@pytest.mark.parametrize(("steps", "sided", "held", "variation"), CASES, ids=lambda value: str(value))
def test_generated_methods_give_runs_that_point_at_their_steps(steps: int, sided: bool, held: bool, variation: bool) -> None:
    method = generated_method(steps, sided=sided, held=held, variation=variation)
    found, problems = runs(method.content, method.meta)
    assert problems == []
    assert [run.intro for run in found] == (["", "variation"] if variation else [""])
    for run in found:
        assert run.steps == "steps"
        assert run.handover_step == method.handover_step
        assert run.hold_step == method.hold_step and run.repeat_step == method.repeat_step
        assert run.holds == (method.holds if held else None)
        assert [number for number, _ in run.mirrored] == method.sided_steps
        for number, words in run.mirrored:
            assert html.text(html.content(words), frozenset({"drawing"})) == swap_sides(method.texts[number - 1])
    assert take_view(with_follow_along(method.content, method.meta, URL), method.meta, URL)[1] == []


def test_the_other_side_swaps_words_never_markup() -> None:
    step = '<p>Bend your left knee; <strong>Right hand</strong> right away.</p><figure class="drawing" data-pagefind-ignore><svg class="drawing__art" viewBox="-10 -20 100 50" role="img" aria-labelledby="drawing-left-pose"><title id="drawing-left-pose">The left knee bent.</title><path d="M0 0"/></svg></figure>'
    mirrored = mirror_html(step)
    assert mirrored == (
        '<p>Bend your right knee; <strong>Left hand</strong> right away.</p><figure class="drawing drawing--other-side" data-pagefind-ignore>'
        '<svg class="drawing__art" viewBox="-90 -20 100 50" role="img" aria-labelledby="drawing-left-pose-other-side">'
        '<title id="drawing-left-pose-other-side">The right knee bent.</title><g transform="scale(-1 1)"><path d="M0 0"/></g></svg></figure>'
    )
    assert swap_sides("Turn to the left, then the right side; pop right away.") == "Turn to the right, then the left side; pop right away."


def test_the_other_sides_drawing_says_l_where_it_said_r() -> None:
    """The letters marking the body's sides: redrawn as the other letter, unreflected, at the reflected place."""
    l_at_10_20 = '<path class="label" d="M7 15L7 25L13 25" stroke-width="2.2"/>'
    step = f'<figure class="drawing"><svg class="drawing__art" viewBox="0 0 50 50"><title id="drawing-x">X</title><path d="M0 0"/>{l_at_10_20}</svg></figure>'
    assert mirror_html(step).endswith(
        '<g transform="scale(-1 1)"><path d="M0 0"/></g>'
        '<path class="label" d="M-13 25L-13 15L-9 15L-7 16.3L-7 18.7L-9 20L-13 20M-10 20L-6.8 25" stroke-width="2.2"/></svg></figure>'
    )


def test_sides_that_start_on_the_other_side_are_refused_with_the_fix() -> None:
    page = PANEL + '<h2 id="steps">Steps</h2><ol><li>Sit.</li><li>Raise your right leg.</li><li>Repeat on the other side.</li></ol>'
    found, problems = runs(page, {"sides": "left then right"})
    assert found == []
    assert problems == [
        "front matter gives 'sides: left then right', but step 2 under 'Steps' starts on the right"
        " (\"…Raise your right leg.…\"); the view shows the steps' own words for the first side, so write  sides: right then left"
    ]
