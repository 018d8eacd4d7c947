"""The safety rules on HTML strings: each rule passing and failing, without MkDocs."""

from __future__ import annotations

import pytest
from backguide.rules import (
    CHECK_FIRST,
    REQUIRED_WARNINGS,
    check_description,
    check_front_matter,
    check_method_page,
    check_warnings,
    is_method_page,
)

from backguide import html

META = {
    "title": "Method 1: Chair",
    "description": "How to crack your back over a chair.",
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
CHECK = (
    '<div class="admonition warning"><p class="admonition-title">Check with a GP or physiotherapist first</p>'
    "<p>Ask first if you:</p><ul><li>have osteoporosis or take steroids long-term</li><li>are pregnant</li>"
    "<li>have had a hip replacement</li><li>had back surgery, a fall or an injury in recent months</li>"
    "<li>have inflammatory arthritis, such as ankylosing spondylitis</li><li>have had cancer</li></ul></div>"
)
HELP = CHECK + (
    '<div class="admonition warning"><p class="admonition-title">Persistent pain needs a doctor</p>'
    "<p>Popping your back might not solve all of your issues, especially if you have persistent back, neck, or"
    " shoulder pain. If this is you, seek medical attention to treat your pain.</p></div>"
)
LOWER_BACK = (
    '<div class="admonition warning"><p class="admonition-title">Not on your lower back</p>'
    "<p>The National Academy of Sports Medicine does not recommend foam rolling on the lower back"
    " as that can hyperextend the back.</p></div>"
)
STEPS = "<ol><li>Sit down.</li><li>Lean back.</li></ol>"


def in_panel(box: str) -> str:
    """A warning as the page's safety panel holds it (each box here in a panel of its own)."""
    return f'<div class="safety-panel">{box}</div>'


# The boxes as method pages show them: in the safety panel (a warning outside it is refused).
P_STOP, P_DISC, P_CHECK, P_HELP, P_LOWER_BACK = (in_panel(box) for box in (STOP, DISC, CHECK, HELP, LOWER_BACK))
MISSING_STOP = (
    "the 'Stop if it hurts' warning is missing above the first step; add  --8<-- \"stop-if-painful.md\"  inside the safety panel, before the steps"
)


def test_with_a_warning_missing_what_stands_above_the_panel_is_named_too() -> None:
    """Adding the missing warning is then the last fix, not the first of two."""
    assert check_warnings("<p>If it hurts, stop.</p>" + P_DISC + P_HELP + STEPS, META) == [
        MISSING_STOP,
        "a paragraph (\"If it hurts, stop.\") comes before the safety warnings; only the 'Before you start' heading"
        " may come before them, so remove it: on a method page only the safety panel's includes speak about pain and safety",
    ]


def test_warnings_outside_the_safety_panel_are_refused() -> None:
    """Moving the includes out of the panel, above a stray step, must not pass: the warnings belong in the panel."""
    assert check_warnings(STOP + P_DISC + P_HELP + STEPS, META) == [
        "the 'Stop if it hurts' warning is outside the safety panel; put its include inside"
        '  <div class="safety-panel" markdown>  under  ## Before you start {#before-you-start},'
        ' as README\'s "Adding a method page" shows'
    ]


def test_a_complete_page_passes() -> None:
    assert check_warnings(in_panel(STOP + DISC + HELP) + STEPS, META) == []


@pytest.mark.parametrize(
    ("html", "problem"),
    [
        pytest.param(P_DISC + P_HELP + STEPS, MISSING_STOP, id="missing"),
        pytest.param(
            P_DISC + P_HELP + STEPS + P_STOP,
            "a list (\"Sit down. Lean back.\") comes before the safety warnings ('Stop if it hurts'), so a reader meets a step"
            " first; move it, and everything after it that is a step, below the safety panel: a method page starts with"
            "  ## Before you start {#before-you-start}  and the panel",
            id="after-the-steps",
        ),
        pytest.param(
            P_DISC + P_HELP + '<h2 id="x">Option #1: Lie down</h2>' + P_STOP + STEPS,
            "the heading 'Option #1: Lie down' comes before the safety warnings ('Stop if it hurts'), so a reader meets a step"
            " first; move it, and everything after it that is a step, below the safety panel: a method page starts with"
            "  ## Before you start {#before-you-start}  and the panel",
            id="after-a-step-heading",
        ),
        pytest.param(
            '<details class="danger"><summary>Stop if it hurts</summary><p>Exercises should bring relief.'
            " If they bring you pain, you need to stop doing them immediately.</p></details>" + P_DISC + P_HELP + STEPS,
            "the 'Stop if it hurts' warning is collapsed or hidden, so a reader can miss it;"
            " use  --8<-- \"stop-if-painful.md\"  as it is (a '???' block counts only as '???+')",
            id="collapsed",
        ),
        pytest.param(
            '<details class="note"><summary>More</summary>' + P_STOP + "</details>" + P_DISC + P_HELP + STEPS,
            'the safety warnings are inside <details class="note">, which can hide them or keep them from screen'
            " readers; write the safety panel (safety-panel) at the top level of the page, in nothing else",
            id="inside-closed-details",
        ),
        pytest.param(
            '<div hidden="">' + P_STOP + "</div>" + P_DISC + P_HELP + STEPS,
            "the safety warnings are inside <div hidden>, which can hide them or keep them from screen readers;"
            " write the safety panel (safety-panel) at the top level of the page, in nothing else",
            id="hidden",
        ),
        pytest.param(P_DISC + P_HELP + "<pre><code>" + STOP + "</code></pre>" + STEPS, MISSING_STOP, id="in-code"),
        pytest.param(P_DISC + P_HELP + "<!-- " + STOP + " -->" + STEPS, MISSING_STOP, id="in-comment"),
        pytest.param(
            P_STOP.replace("danger", "note") + P_DISC + P_HELP + STEPS,
            "the 'Stop if it hurts' warning is a note admonition, not 'danger';"
            ' use  --8<-- "stop-if-painful.md"  instead of writing it by hand',
            id="wrong-type",
        ),
        pytest.param(
            P_STOP.replace("you need to stop doing them immediately", "slow down") + P_DISC + P_HELP + STEPS,
            "the 'Stop if it hurts' warning has lost the sentence"
            ' "If they bring you pain, you need to stop doing them immediately.";'
            ' use  --8<-- "stop-if-painful.md"  unchanged',
            id="text-changed",
        ),
        pytest.param(
            P_DISC + P_HELP + "<p>Exercises should bring relief. If it hurts, stop.</p>" + STEPS,
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
    assert check_warnings(in_panel(stop.replace("</div>", "</details>") + DISC + HELP) + STEPS, META) == []


def test_the_title_may_differ_in_case_and_quotes_and_the_text_in_spacing() -> None:
    stop = STOP.replace("Stop if it hurts", "STOP IF IT HURTS").replace("bring relief.", "bring\n  relief.")
    assert check_warnings(in_panel(stop + DISC + HELP) + STEPS, META) == []


def test_a_list_inside_a_warning_changes_the_warning() -> None:
    disc = in_panel(DISC.replace("</div>", "<ol><li>Ask a doctor.</li></ol></div>"))
    assert check_warnings(P_STOP + disc + P_HELP + STEPS, META) == [
        "the 'Not if you have disc problems' warning is hidden or changed by a <ol> element in it;"
        ' use  --8<-- "disc-problems.md"  unchanged, with nothing added in or around it'
    ]


def test_disc_problems_warning_follows_the_same_rules() -> None:
    assert check_warnings(P_STOP + P_HELP + STEPS + P_DISC, META) == [
        "a list (\"Sit down. Lean back.\") comes before the safety warnings ('Not if you have disc problems'), so a reader"
        " meets a step first; move it, and everything after it that is a step, below the safety panel:"
        " a method page starts with  ## Before you start {#before-you-start}  and the panel"
    ]


def test_a_page_without_steps() -> None:
    assert check_warnings(P_STOP + P_DISC + P_HELP + "<p>Sit down.</p>", META) == [
        "has no numbered steps; write the steps as a numbered list (1. 2. 3.) below the warnings"
    ]


def test_foam_roller_pages_need_the_lower_back_note() -> None:
    meta = {**META, "equipment": ["foam roller"]}
    assert check_warnings(in_panel(STOP + DISC + HELP + LOWER_BACK) + STEPS, meta) == []
    assert check_warnings(in_panel(STOP + DISC + HELP) + STEPS, meta) == [
        "the 'Not on your lower back' warning is missing above the first step;"
        ' add  --8<-- "foam-roller-lower-back.md"  inside the safety panel, before the steps'
    ]
    assert check_warnings(in_panel(STOP + DISC + HELP) + STEPS, META) == []


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
    problems = check_method_page("docs/methods/chair.md", P_DISC + P_HELP + STEPS, META)
    assert [str(problem) for problem in problems] == [f"docs/methods/chair.md: {MISSING_STOP}"]


# Each warning exactly as its include writes it, in plain markup --------------------------------

PANEL = '<div class="safety-panel">{}</div>'
PLAIN = STOP + DISC + HELP
CHANGED = "the 'Stop if it hurts' warning is hidden or changed by {}; use  --8<-- \"stop-if-painful.md\"  unchanged, with nothing added in or around it"


def test_a_plain_panel_passes() -> None:
    page = PANEL.format(PLAIN + '<p class="red-flags"><strong>Call 999</strong> now.</p>') + STEPS
    assert check_warnings(page, META) == []


@pytest.mark.parametrize(
    ("change", "what"),
    [
        (("</p></div>", "</p><p hidden>Unless you are used to it.</p></div>"), "the attribute 'hidden' on its <p>"),
        (("<p>Exercises", '<p aria-hidden="true">Exercises'), "the attribute 'aria-hidden' on its <p>"),
        (("<p>Exercises", "<p inert>Exercises"), "the attribute 'inert' on its <p>"),
        (("<p>Exercises", "<p popover>Exercises"), "the attribute 'popover' on its <p>"),
        (("<p>Exercises", '<p dir="rtl">Exercises'), "the attribute 'dir' on its <p>"),
        (("<p>Exercises", '<p style="color:white">Exercises'), "the attribute 'style' on its <p>"),
        (("If they bring", "<del>If they bring"), "a <del> element in it"),
        (("If they bring", "<s>If they bring"), "a <s> element in it"),
        (("If they bring", '<bdo dir="rtl">If they bring'), "a <bdo> element in it"),
        (("If they bring", "<span>If they bring"), "a <span> element in it"),
        (("If they bring", "<svg><desc>x</desc></svg>If they bring"), "a <svg> element in it"),
        (("If they bring", "<math><mi>x</mi></math>If they bring"), "a <math> element in it"),
        (("If they bring", "<textarea>x</textarea>If they bring"), "a <textarea> element in it"),
        (('class="admonition danger"', 'class="admonition danger md-toggle"'), "the class 'md-toggle' on its <div>"),
        (("If they bring", "If they \u202ebring"), "a text-direction control character (U+202E) that reorders its words"),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 40 else None,
)
def test_anything_that_can_hide_or_rewrite_the_warning_is_refused(change: tuple[str, str], what: str) -> None:
    stop = STOP.replace(*change, 1)
    assert check_warnings(PANEL.format(stop + DISC + HELP) + STEPS, META)[:1] == [CHANGED.format(what)]


@pytest.mark.parametrize("wrapper", ["dialog", "details", "template", "noscript", "video", "object", "datalist"])
def test_the_warnings_inside_anything_but_the_panel_are_refused(wrapper: str) -> None:
    found = check_warnings(f"<{wrapper}>" + PANEL.format(PLAIN) + f"</{wrapper}>" + STEPS, META)
    assert found, wrapper
    assert all("inside <" in problem or "missing" in problem for problem in found), found


@pytest.mark.parametrize("attribute", ["hidden", 'aria-hidden="true"', "inert", "popover", 'class="safety-panel md-toggle"'])
def test_a_panel_that_carries_anything_more_is_refused(attribute: str) -> None:
    panel = f'<div class="safety-panel" {attribute}>' if "class" not in attribute else f"<div {attribute}>"
    found = check_warnings(panel + PLAIN + "</div>" + STEPS, META)
    assert len(found) == 1 and found[0].startswith("the safety panel carries"), found


def test_a_warning_that_says_more_than_its_include() -> None:
    stop = P_STOP.replace("immediately.", "immediately. Unless you are used to it.")
    assert check_warnings(stop + P_DISC + P_HELP + STEPS, META) == [
        "the 'Stop if it hurts' warning says more than its include (\"unless you are used to it.\");"
        ' use  --8<-- "stop-if-painful.md"  unchanged, and write anything else outside the box'
    ]


def test_a_second_box_with_a_warnings_title() -> None:
    fake = '<div class="admonition danger"><p class="admonition-title">Stop if it hurts!</p><p>Some pain is normal.</p></div>'
    assert check_warnings(fake + P_STOP + P_DISC + P_HELP + STEPS, META) == [
        "has 2 boxes titled 'Stop if it hurts'; keep only the one  --8<-- \"stop-if-painful.md\"  writes"
        " and remove the other, which a reader could take for the warning"
    ]


def test_the_panel_holds_only_the_safety_includes() -> None:
    page = PANEL.format(PLAIN + "<p>Most people can ignore mild pain.</p>") + STEPS
    assert check_warnings(page, META) == [
        'the safety panel holds a paragraph ("Most people can ignore mild pain."); it holds only the safety'
        " includes, so remove it: on a method page only the safety panel's includes speak about pain and safety"
    ]


# Nothing a reader could act on above the warnings ----------------------------------------------

BEFORE = (
    " comes before the safety warnings; only the 'Before you start' heading may come before them, so move it"
    " below the steps (steps themselves belong in the numbered list under the warnings)"
)
# A drawing is not moved below the steps but placed, as a marker, in the step it shows.
DRAWING_BEFORE = (
    " comes before the safety warnings; only the 'Before you start' heading may come before them, so remove it;"
    " to show a position, put a drawing marker ( <!-- drawing: <pose> --> ) in the numbered step it shows, indented under that step"
)


@pytest.mark.parametrize(
    ("above", "described"),
    [
        ("<ul><li>Sit down.</li><li>Lean back.</li></ul>", 'a list ("Sit down. Lean back.")'),
        ("<p>1) Sit down.</p>", 'a numbered paragraph ("1) Sit down.")'),
        ("<p><strong>Step 1.</strong> Sit down.</p>", 'a numbered paragraph ("Step 1. Sit down.")'),
        ("<p>First, sit down.</p>", 'a numbered paragraph ("First, sit down.")'),
        ("<p>Sit down and lean back.</p>", 'a paragraph ("Sit down and lean back.")'),
        ("<table><tr><td>Sit down.</td></tr></table>", 'a table ("Sit down.")'),
        ('<div class="admonition tip"><p class="admonition-title">Quick</p><ol><li>Sit.</li></ol></div>', "a box titled 'Quick'"),
        ('<figure class="drawing"><svg><title>Sitting.</title></svg></figure>', 'a drawing or picture ("Sitting.")'),
        ("<h2>1. Sit down</h2>", 'the numbered heading ("1. Sit down")'),
        ("<h3>1) Sit</h3>", 'the numbered heading ("1) Sit")'),
    ],
)
def test_anything_step_like_above_the_warnings_is_refused(above: str, described: str) -> None:
    page = '<h2 id="before-you-start">Before you start</h2>' + above + PANEL.format(PLAIN) + STEPS
    assert check_warnings(page, META) == [described + (DRAWING_BEFORE if described.startswith("a drawing") else BEFORE)]


def test_the_before_you_start_heading_may_come_first() -> None:
    assert check_warnings('<h2 id="before-you-start">Before you start</h2>' + PANEL.format(PLAIN) + STEPS, META) == []


# The one-line summary above the warnings -------------------------------------------------------

FIX = "say what the method is instead, e.g.  description: How to crack your upper back using a chair."


@pytest.mark.parametrize(
    ("description", "problem"),
    [
        ("How to crack your upper back using a chair.", None),
        ("Four ways to crack your back lying on a carpet, rug or yoga mat.", None),
        ("Sit in a chair and lean back.", f"front matter 'description' gives an instruction (\"sit …\"), and it shows above the safety warnings; {FIX}"),
        ("No chair? Then: lean back over a table.", f"front matter 'description' gives an instruction (\"lean …\"), and it shows above the safety warnings; {FIX}"),
        ("1. Sit down. 2. Lean back.", f"front matter 'description' numbers a step, and it shows above the safety warnings; {FIX}"),
        ("How to start: you sit down in the chair like you normally would.", f"front matter 'description' repeats a step, and it shows above the safety warnings; {FIX}"),
    ],
)
def test_the_description_says_what_the_method_is_not_what_to_do(description: str, problem: str | None) -> None:
    steps = html.content("<ol><li>Sit down in the chair like you normally would, and relax.</li></ol>")
    assert check_description({"description": description}, steps) == ([problem] if problem else [])



def test_the_check_first_list_names_a_hip_replacement() -> None:
    """Floor options #1 and #4 and the sitting twist bend, cross and turn the hip: the list must say so."""
    from backguide.gate import warning_include_problems
    from project import ROOT

    assert "have had a hip replacement" in CHECK_FIRST.items
    include = (ROOT / "includes" / CHECK_FIRST.include).read_text()
    assert warning_include_problems(include, CHECK_FIRST) == []
    assert warning_include_problems(include.replace("    - have had a hip replacement\n", ""), CHECK_FIRST) == [
        f"does not say the warning word for word; write it back as  !!! warning \"{CHECK_FIRST.title}\"  and,"
        f" indented under it, \"{CHECK_FIRST.markdown}\""
    ]
    lost = (in_panel(STOP + DISC + HELP) + STEPS).replace("<li>have had a hip replacement</li>", "")
    assert check_warnings(lost, META) == [
        "the 'Check with a GP or physiotherapist first' warning has lost the sentence \"have had a hip replacement\";"
        " use  --8<-- \"check-first.md\"  unchanged"
    ]
