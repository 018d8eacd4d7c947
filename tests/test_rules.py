"""The safety rules on HTML strings: each rule passing and failing, without MkDocs."""

from __future__ import annotations

import pytest
from backguide.rules import REQUIRED_WARNINGS, check_front_matter, check_method_page, check_warnings, is_method_page

META = {
    "title": "Method 1: Chair",
    "description": "Lean back over a chair.",
    "method": 1,
    "equipment": ["chair"],
    "position": "sitting",
    "back_region": ["upper back"],
}
STOP = (
    '<div class="admonition danger"><p class="admonition-title">Stop if it hurts</p>'
    "<p>Exercises should bring relief. If they bring you pain, you need to stop doing them immediately.</p></div>"
)
DISC = (
    '<div class="admonition warning"><p class="admonition-title">Not if you have disc problems</p>'
    "<p>These exercises are not recommended if you have disc problems.</p></div>"
)
HELP = (
    '<div class="admonition warning"><p class="admonition-title">Persistent pain needs a doctor</p>'
    "<p>If this is you, seek medical attention to treat your pain.</p></div>"
)
LOWER_BACK = (
    '<div class="admonition warning"><p class="admonition-title">Not on your lower back</p>'
    "<p>The National Academy of Sports Medicine does not recommend foam rolling on the lower back"
    " as that can hyperextend the back.</p></div>"
)
STEPS = "<ol><li>Sit down.</li><li>Lean back.</li></ol>"
MISSING_STOP = (
    "the 'Stop if it hurts' warning is missing above the first step; add  --8<-- \"stop-if-painful.md\"  before the steps"
)


def test_a_complete_page_passes() -> None:
    assert check_warnings(STOP + DISC + HELP + STEPS, META) == []


@pytest.mark.parametrize(
    ("html", "problem"),
    [
        pytest.param(DISC + HELP + STEPS, MISSING_STOP, id="missing"),
        pytest.param(
            DISC + HELP + STEPS + STOP,
            "the 'Stop if it hurts' warning comes after the first step;"
            ' move  --8<-- "stop-if-painful.md"  above the steps',
            id="after-the-steps",
        ),
        pytest.param(
            DISC + HELP + '<h2 id="x">Option #1: Lie down</h2>' + STOP + STEPS,
            "the 'Stop if it hurts' warning comes after the first step;"
            ' move  --8<-- "stop-if-painful.md"  above the steps',
            id="after-a-step-heading",
        ),
        pytest.param(
            '<details class="danger"><summary>Stop if it hurts</summary><p>Exercises should bring relief.'
            " If they bring you pain, you need to stop doing them immediately.</p></details>" + DISC + HELP + STEPS,
            "the 'Stop if it hurts' warning is collapsed or hidden, so a reader can miss it;"
            " use  --8<-- \"stop-if-painful.md\"  as it is (a '???' block counts only as '???+')",
            id="collapsed",
        ),
        pytest.param(
            '<details class="note"><summary>More</summary>' + STOP + "</details>" + DISC + HELP + STEPS,
            "the 'Stop if it hurts' warning is collapsed or hidden, so a reader can miss it;"
            " use  --8<-- \"stop-if-painful.md\"  as it is (a '???' block counts only as '???+')",
            id="inside-closed-details",
        ),
        pytest.param(
            '<div hidden="">' + STOP + "</div>" + DISC + HELP + STEPS,
            "the 'Stop if it hurts' warning is collapsed or hidden, so a reader can miss it;"
            " use  --8<-- \"stop-if-painful.md\"  as it is (a '???' block counts only as '???+')",
            id="hidden",
        ),
        pytest.param("<pre><code>" + STOP + "</code></pre>" + DISC + HELP + STEPS, MISSING_STOP, id="in-code"),
        pytest.param("<!-- " + STOP + " -->" + DISC + HELP + STEPS, MISSING_STOP, id="in-comment"),
        pytest.param(
            STOP.replace("danger", "note") + DISC + HELP + STEPS,
            "the 'Stop if it hurts' warning is a note admonition, not 'danger';"
            ' use  --8<-- "stop-if-painful.md"  instead of writing it by hand',
            id="wrong-type",
        ),
        pytest.param(
            STOP.replace("you need to stop doing them immediately", "slow down") + DISC + HELP + STEPS,
            "the 'Stop if it hurts' warning has lost the sentence"
            ' "If they bring you pain, you need to stop doing them immediately.";'
            ' use  --8<-- "stop-if-painful.md"  unchanged',
            id="text-changed",
        ),
        pytest.param(
            "<p>Exercises should bring relief. If it hurts, stop.</p>" + DISC + HELP + STEPS,
            MISSING_STOP,
            id="pain-only-mentioned",
        ),
    ],
)
def test_stop_if_it_hurts(html: str, problem: str) -> None:
    assert check_warnings(html, META) == [problem]


def test_an_open_collapsible_warning_counts() -> None:
    stop = STOP.replace('<div class="admonition danger">', '<details class="danger" open="">')
    stop = stop.replace('<p class="admonition-title">Stop if it hurts</p>', "<summary>Stop if it hurts</summary>")
    assert check_warnings(stop.replace("</div>", "</details>") + DISC + HELP + STEPS, META) == []


def test_the_title_may_differ_in_case_and_quotes_and_the_text_in_spacing() -> None:
    stop = STOP.replace("Stop if it hurts", "STOP IF IT HURTS").replace("bring relief.", "bring\n  relief.")
    assert check_warnings(stop + DISC + HELP + STEPS, META) == []


def test_a_numbered_list_inside_a_warning_is_not_the_first_step() -> None:
    disc = DISC.replace("</div>", "<ol><li>Ask a doctor.</li></ol></div>")
    assert check_warnings(STOP + disc + HELP + STEPS, META) == []


def test_disc_problems_warning_follows_the_same_rules() -> None:
    assert check_warnings(STOP + HELP + STEPS + DISC, META) == [
        "the 'Not if you have disc problems' warning comes after the first step;"
        ' move  --8<-- "disc-problems.md"  above the steps'
    ]


def test_a_page_without_steps() -> None:
    assert check_warnings(STOP + DISC + HELP + "<p>Sit down.</p>", META) == [
        "has no numbered steps; write the steps as a numbered list (1. 2. 3.) below the warnings"
    ]


def test_foam_roller_pages_need_the_lower_back_note() -> None:
    meta = {**META, "equipment": ["foam roller"]}
    assert check_warnings(STOP + DISC + HELP + LOWER_BACK + STEPS, meta) == []
    assert check_warnings(STOP + DISC + HELP + STEPS, meta) == [
        "the 'Not on your lower back' warning is missing above the first step;"
        ' add  --8<-- "foam-roller-lower-back.md"  before the steps'
    ]
    assert check_warnings(STOP + DISC + HELP + STEPS, META) == []


def test_every_required_warning_names_an_include_that_exists() -> None:
    from project import ROOT

    for rule in REQUIRED_WARNINGS:
        include = (ROOT / "includes" / rule.include).read_text()
        assert f'!!! {rule.kind} "{rule.title}"' in include
        for sentence in rule.sentences:
            assert sentence.replace("'", "’") in include or sentence in include


# Which pages are method pages ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("src_uri", "meta", "expected"),
    [
        ("methods/chair.md", {}, True),
        ("methods/anything-new.md", {}, True),
        ("methods/deeper/page.md", {}, True),
        ("methods/index.md", {}, False),
        ("rules.md", {}, False),
        ("elsewhere/page.md", {"method": 6}, True),
    ],
)
def test_is_method_page(src_uri: str, meta: dict, expected: bool) -> None:
    assert is_method_page(src_uri, meta) is expected


# Front matter --------------------------------------------------------------------------------


def test_complete_front_matter_passes() -> None:
    assert check_front_matter(META) == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"title": ""}, "front matter needs 'title' as non-empty text; add  title: ...  at the top of the page"),
        (
            {"description": None},
            "front matter needs 'description' as non-empty text; add  description: ...  at the top of the page",
        ),
        (
            {"description": "x" * 161},
            "front matter 'description' must be one plain sentence of at most 160 characters,"
            " so search results and link previews show it whole (it has 161)",
        ),
        ({"method": "one"}, "front matter 'method' must be the method's number, e.g.  method: 6"),
        (
            {"equipment": "chair"},
            "front matter needs 'equipment' as a list of one or more of 'nothing', 'chair', 'floor or mat', 'foam roller'",
        ),
        (
            {"equipment": ["sofa"]},
            "front matter 'equipment' has unknown ['sofa']; use one or more of"
            " 'nothing', 'chair', 'floor or mat', 'foam roller'",
        ),
        (
            {"position": "crouching"},
            "front matter needs 'position' as one of 'sitting', 'lying', 'standing', 'kneeling' (got 'crouching')",
        ),
        (
            {"back_region": []},
            "front matter needs 'back_region' as a list of one or more of 'upper back', 'middle back', 'lower back'",
        ),
    ],
)
def test_front_matter_problems(change: dict, problem: str) -> None:
    assert check_front_matter({**META, **change}) == [problem]


def test_problems_name_the_file() -> None:
    problems = check_method_page("docs/methods/chair.md", DISC + HELP + STEPS, META)
    assert [str(problem) for problem in problems] == [f"docs/methods/chair.md: {MISSING_STOP}"]
