"""Rules for every page, and for the safety includes themselves, on strings without MkDocs."""

from __future__ import annotations

import pytest

from backguide import html
from backguide.gate import raw_pages, warning_include_problems
from backguide.markup import check_markup, check_no_steps, check_pain_phrases
from backguide.rules import REQUIRED_WARNINGS, STOP_IF_IT_HURTS
from project import ROOT


@pytest.mark.parametrize(
    ("markup", "problem"),
    [
        ("<style>.safety-panel{display:none}</style>", "has a <style> element"),
        ('<link rel="stylesheet" href="x.css">', "has a <link> element"),
        ("<script>alert(1)</script>", "has a <script> element"),
        ("<template><p>x</p></template>", "has a <template> element"),
        ('<iframe src="x.html"></iframe>', "has a <iframe> element"),
        ('<p style="opacity:0">x</p>', "has a style= attribute on <p>"),
        ('<p onclick="x()">x</p>', "has an event handler (onclick=) on <p>"),
    ],
)
def test_markup_no_page_may_carry(markup: str, problem: str) -> None:
    found = check_markup(html.content("<p>Fine.</p>" + markup))
    assert len(found) == 1 and found[0].startswith(problem), found


def test_a_style_at_the_very_start_of_a_page_is_found() -> None:
    """A parser moves a leading <style> into <head>; in a page's content it stays where the browser applies it."""
    assert check_markup(html.content("<style>p{}</style><p>x</p>"))


@pytest.mark.parametrize(
    "text",
    [
        "Push through the first twinge.",
        "A little pain means it is working.",
        "Some pain is normal at first.",
        "No pain, no gain.",
        "Ignore the pain and keep going.",
        "Keep going even if it hurts.",
        "Don’t stop if it aches.",
    ],
)
def test_words_that_tell_readers_to_go_on_through_pain(text: str) -> None:
    assert check_pain_phrases(html.content(f"<p>{text}</p>")), text


def test_the_guides_own_words_pass(site) -> None:
    for page in site.rglob("*.html"):
        assert check_pain_phrases(html.parse(page.read_text())) == [], page


@pytest.mark.parametrize(
    ("content", "found"),
    [
        ("<ol><li>Sit down.</li></ol>", True),
        ("<h2>Steps</h2><p>Sit.</p>", True),
        ("<h2>Stepping stones</h2><p>A path of stones across a stream.</p>", False),
        # Steps are found by their words, whatever carries them.
        ("<h2>Stepping stones</h2><p>Sit.</p>", True),
        ("<p>Why not lean back over a chair until it pops?</p>", True),
        ("<table><tr><td>You lean back over the chair.</td></tr></table>", True),
        ("<details><summary>Then gently push down on the knee</summary></details>", True),
        ("<p>Your knees go to your chest for fifteen seconds.</p>", True),
        ("<p>Next, slide down in the chair a bit to get at higher levels of your spine!</p>", True),
        ("<p>Call 999 if you have chest pain, and stop if it hurts.</p>", False),
        ("<h2>Lower back</h2><p>Pick a method by what you have to hand.</p>", False),
        ("<h2>Step 1: sit</h2>", True),
        ("<p>1) Lie on your back.</p>", True),
        ('<figure class="drawing"><svg></svg></figure>', True),
        ("<ul><li>a high temperature</li></ul>", False),
    ],
)
def test_steps_only_on_method_pages(content: str, found: bool) -> None:
    assert bool(check_no_steps(html.content(content), "help.md")) is found


@pytest.mark.parametrize("rule", REQUIRED_WARNINGS, ids=lambda rule: rule.include)
def test_each_safety_include_is_exactly_its_warning(rule) -> None:
    assert warning_include_problems((ROOT / "includes" / rule.include).read_text(), rule) == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (("immediately.", "immediately.\n    {: hidden }"), "has an attribute list"),
        (("immediately.", "<del>immediately.</del>"), "has HTML in the warning"),
        (("immediately.", "\u202eimmediately."), "has a text-direction control character"),
        (("immediately.", "immediately.\n\nUnless you are used to it."), "has text outside the warning box"),
        (("immediately.", "soon."), "does not say the warning word for word"),
        (('!!! danger "Stop if it hurts"', '??? danger "Stop if it hurts"'), "must start with"),
    ],
)
def test_a_changed_safety_include_is_named(change: tuple[str, str], problem: str) -> None:
    text = (ROOT / "includes" / STOP_IF_IT_HURTS.include).read_text().replace(*change)
    found = warning_include_problems(text, STOP_IF_IT_HURTS)
    assert len(found) == 1 and found[0].startswith(problem), found


def test_pages_written_as_html_in_docs_are_refused() -> None:
    assert [str(problem) for problem in raw_pages(["docs/methods/chair.md", "docs/methods/quick.html", "docs/x.css"])] == [
        "docs/methods/quick.html: is a page written as HTML, which is published as it is, with no safety rule run"
        " on it; write it as Markdown (docs/methods/quick.md) or delete it"
    ]
