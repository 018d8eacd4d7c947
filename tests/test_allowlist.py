"""The static gate's allowlists and word rules, as pure functions (backguide.allowlist, backguide.instructions, backguide.printed_text)."""

from __future__ import annotations

import pytest
from backguide import html
from backguide.allowlist import BEFORE_THE_FIRST_WARNING, before_the_first_warning, reading_order
from backguide.instructions import instruction
from backguide.printed_text import config_problems, description_problem, option_heading_problem, title_problem
from backguide.rules import REQUIRED_WARNINGS

TITLES = [rule.title for rule in REQUIRED_WARNINGS[:1]]
BOX = '<div class="safety-panel"><div class="admonition danger"><p class="admonition-title">Stop if it hurts</p><p>x</p></div></div>'
META = {"title": "Method 1: Chair", "description": "How to crack your back with a chair."}
HEADER = (
    '<header class="method-header"><h1>Method 1: Chair</h1><p class="method-summary">How to crack your back with a chair.</p>'
    '<aside class="at-a-glance" aria-labelledby="at-a-glance"><div class="at-a-glance__top"><p class="at-a-glance__title" id="at-a-glance">'
    "At a glance</p></div><dl><dt>You need</dt><dd>A chair</dd></dl>"
    '<figure class="drawing" data-pagefind-ignore><svg class="drawing__art" viewBox="0 0 1 1" role="img" aria-labelledby="d">'
    '<title id="d">A person sits.</title><path class="body" d="M0 0"/></svg></figure></aside></header>'
)
HEADING = '<h2 id="before-you-start">Before you start<a class="headerlink" href="#before-you-start" title="Link to this section">¶</a></h2>'


def judged(before: str, parts=("header", "content")) -> list[str]:
    return before_the_first_warning(html.content(before + BOX), TITLES, META, parts)


def test_the_allowlist_is_data_a_reviewer_reads() -> None:
    assert [entry.name for entry in BEFORE_THE_FIRST_WARNING][:5] == [
        "the page title (front matter 'title')",
        "the one-line summary (front matter 'description')",
        "the 'At a glance' box",
        "the build's drawing beside 'At a glance'",
        "the option map",
    ]


def test_what_the_build_makes_passes() -> None:
    assert judged(HEADER + HEADING) == []


@pytest.mark.parametrize(
    "before",
    [
        HEADER.replace("<h1>", '<h1 aria-label="Lean back now">'),
        HEADER.replace("<h1>Method 1: Chair", "<h1>Method 1: Chair. Lean back"),
        HEADER.replace("</dl>", "<dt>First</dt><dd><ol><li>Sit.</li></ol></dd></dl>"),
        HEADER.replace('<path class="body" d="M0 0"/>', "<text>Lean back</text>"),
        HEADER.replace('<figure class="drawing"', '<figure class="drawing" hidden'),
        HEADER + '<p role="heading">Before you start</p>',
        HEADER + HEADING.replace("Before you start<", "Before you start: lean back<"),
        HEADER + HEADING.replace('<h2 id="before-you-start">', '<h2 id="before-you-start" role="list">'),
        HEADER + '<img alt="Lean back over the chair" src="x.png">' + HEADING,
        HEADER + "<picture></picture>" + HEADING,
    ],
)
def test_anything_else_before_the_first_warning_is_refused(before: str) -> None:
    assert judged(before), before


@pytest.mark.parametrize(
    ("attribute", "found"),
    [("autofocus", True), ('aria-owns="steps"', True), ('aria-flowto="steps"', True), ('tabindex="2"', True), ('tabindex="-1"', False), ('tabindex="0"', False)],
)
def test_what_moves_focus_or_reading_order_is_refused(attribute: str, found: bool) -> None:
    assert bool(reading_order(html.content(f"<p {attribute}>Steps</p>"))) is found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Why not lean back over a chair?", True),
        ("You lean back over the chair.", True),
        ("Is it time to lie flat on the floor?", True),
        ("Your knees go to your chest.", True),
        ("The trick: the back of the chair’s edge is about mid-level along your spine.", True),
        ("Call 999 if you have chest pain.", False),
        ("Pick a method by what you have to hand.", False),
        ("Crack once, stop if it hurts, try it later in the day.", False),
        ("Lower back", False),
    ],
)
def test_instructions_are_found_by_their_words(sentence: str, found: bool) -> None:
    assert bool(instruction(sentence)) is found


@pytest.mark.parametrize(
    ("description", "ok"),
    [
        ("How to crack your upper back using a chair.", True),
        ("Four ways to crack your back lying on a mat.", True),
        ("A new method, to show that the finder lists it.", True),
        ("Leaning back over a chair until it pops.", False),
        ("Why not lean back over a chair?", False),
        ("How to crack your back — lean back hard.", False),
        ("How to crack your back: lean back.", False),
        ("How to crack your back <script>x</script>.", False),
    ],
)
def test_a_method_description_says_what_the_method_is(description: str, ok: bool) -> None:
    assert (description_problem(description, is_method=True) is None) is ok


@pytest.mark.parametrize(
    ("title", "ok"),
    [
        ("Method 6: Crack Your Back Against a Wall", True),
        ("Method 2: Crack Your Back Lying on the Floor", True),
        ("Method 6: Lean Back Over a Chair", False),
        ("Method 6: Crack. Then push.", False),
        ("Crack your back", False),
    ],
)
def test_a_method_title_names_the_method(title: str, ok: bool) -> None:
    assert (title_problem(title, is_method=True) is None) is ok


@pytest.mark.parametrize(
    ("heading", "ok"),
    [
        ("Option #2: Stretch out, then corpse pose", True),
        ("Option #3: Knees to chest", True),
        ("Option #3: Lie down, hug your knees, hold for 15 seconds", False),
        ("Knees to chest", False),
    ],
)
def test_an_option_heading_names_the_move(heading: str, ok: bool) -> None:
    assert (option_heading_problem(heading) is None) is ok


def test_mkdocs_yml_values_are_judged() -> None:
    config = {
        "site_name": "How to Crack Your Own Back",
        "copyright": "<script>x</script>",
        "nav": [{"Home": "index.md"}, {"Methods": [{"Lie down and push": "methods/floor.md"}]}],
        "extra": {"generator": False, "announce": "x"},
        "mdx_configs": {"pymdownx.snippets": {"auto_append": ["tip.md"]}},
    }
    messages = [message for _, message in config_problems(config, None, short_links={"chair.md": "methods/chair.md#steps"})]
    assert [message.split(" ", 2)[:2] for message in messages] == [
        ["'copyright'", "holds"],
        ["a", "nav"],
        ["'extra'", "has"],
        ["pymdownx.snippets", "'auto_append'"],
        ["the", "short"],
    ]
