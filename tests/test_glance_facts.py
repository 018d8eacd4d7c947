"""Hold, repeat, sides and per-option facts: the gate's messages, and where the site shows them."""

from __future__ import annotations

import pytest

from backguide.glance import facts_line, option_map_html, with_option_facts
from backguide.method_layout import use_method_layout
from backguide.rules import check_front_matter

BASE = {
    "title": "Method 9: Test",
    "description": "A test.",
    "equipment": ["chair"],
    "position": "sitting",
    "back_region": ["upper back"],
}


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"hold": "15 seconds."}, "front matter 'hold' must be a few words as the source gives them, at most 30 characters"
         " and no full stop, e.g.  hold: 15 seconds  (got '15 seconds.'); leave it out where the source gives none"),
        ({"repeat": 4}, "front matter 'repeat' must be a few words as the source gives them, at most 30 characters"
         " and no full stop, e.g.  repeat: 4 times in all  (got 4); leave it out where the source gives none"),
        ({"sides": "both"}, "front matter needs 'sides' as one of 'left then right', 'right then left' (got 'both')"),
        ({"options": "knees"}, "front matter 'options' must be a list of the page's options, e.g."
         "  options: [{id: knees-to-chest, hold: 15 seconds}]"),
        ({"options": [{"hold": "1 minute"}]}, "front matter option 1 needs an 'id:', the {#id} of its heading, e.g."
         "  options: [{id: knees-to-chest, hold: 15 seconds}]"),
        ({"options": [{"id": "x", "colour": "red"}]}, "front matter option 'x' has unknown ['colour'];"
         " an option takes only ['hold', 'id', 'repeat', 'sides']"),
        ({"options": [{"id": "x", "sides": "up"}]}, "front matter option 'x' needs 'sides' as one of"
         " 'left then right', 'right then left' (got 'up')"),
    ],
)
def test_a_bad_fact_is_named_with_its_fix(extra: dict, message: str) -> None:
    assert check_front_matter({**BASE, **extra}) == [message]


def test_optional_facts_may_be_left_out() -> None:
    assert check_front_matter(BASE) == []
    good = {"hold": "15 seconds", "sides": "left then right", "options": [{"id": "a", "repeat": "4 times in all"}]}
    assert check_front_matter({**BASE, **good}) == []


def test_an_option_gets_its_facts_line_under_its_heading() -> None:
    meta = {"options": [{"id": "knees", "hold": "15 seconds"}, {"id": "plain"}]}
    markdown = "## Option #1: Knees {#knees}\n\n1. Hug.\n\n## Option #2: Plain {#plain}\n\n1. Lie.\n"
    out = with_option_facts(markdown, meta)
    assert out.startswith("## Option #1: Knees {#knees}\n\n<p class=\"facts-line\">")
    assert "## Option #2: Plain {#plain}\n\n1. Lie." in out
    assert facts_line({"id": "plain"}) == ""


def test_the_option_map_links_each_option_with_its_facts() -> None:
    meta = {"options": [{"id": "knees", "hold": "15 seconds"}, {"id": "side"}]}
    found = option_map_html(meta, {"knees": "Option #1: Knees", "side": "Option #2: Side"})
    assert found.count("<li>") == 2 and 'href="#knees"' in found and "15 seconds" in found
    assert found.startswith('<nav class="option-map" aria-label="The 2 options">')


def test_every_method_page_gets_the_template_and_no_table_of_contents() -> None:
    meta: dict = {"hide": ["navigation"]}
    use_method_layout(meta)
    use_method_layout(meta)
    assert meta == {"template": "method.html", "hide": ["navigation", "toc"]}
