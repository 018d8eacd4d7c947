"""The share buttons' markup: which headings get one, the link and the name each carries."""

from __future__ import annotations

import re
from pathlib import Path

from html_tree import parse
from rules import check_warnings
from share_buttons import add_share_buttons
from site_text import page_sentences

URL = "https://guide.example/methods/floor/"
PAGE = (
    '<h1 id="method-2">Method 2: Floor<a class="headerlink" href="#method-2">&para;</a></h1>\n'
    '<h2 id="before-you-start">Before you start</h2>\n'
    '<div class="admonition danger"><p class="admonition-title">Stop if it hurts</p>'
    "<p>Exercises should bring relief. If they bring you pain, you need to stop doing them immediately.</p></div>\n"
    '<h2 id="steps">Steps</h2>\n<ol><li>Lie down.</li></ol>\n'
    '<h2 id="knees-to-chest">Option #3: Knees to <em>chest</em>'
    '<a class="headerlink" href="#knees-to-chest">&para;</a></h2>\n<ol><li>Hug.</li></ol>\n'
    "<h2>Option #4: No anchor</h2>\n"
    '<h3 id="step-2">Step 2: &quot;Relax&quot;</h3>\n'
)


def buttons(html: str) -> list[dict[str, str | None]]:
    return [node.attrs for node in parse(html).iter() if "share__button" in node.classes]


def test_the_title_and_every_step_section_with_an_anchor_get_a_button() -> None:
    found = [(b["aria-label"], b["data-share-url"]) for b in buttons(add_share_buttons(PAGE, URL, "Method 2"))]
    assert found == [
        ("Share this method", URL),
        ("Share Option #3: Knees to chest", URL + "#knees-to-chest"),
        ('Share Step 2: "Relax"', URL + "#step-2"),
    ]


def test_a_button_follows_its_heading_and_shares_a_useful_title() -> None:
    html = add_share_buttons(PAGE, URL, "Method 2")
    assert re.search(r"Knees to <em>chest</em>.*?</h2>\n<div class=\"share\"", html)
    option = buttons(html)[1]
    assert option["type"] == "button"
    assert option["data-share-title"] == "Option #3: Knees to chest – Method 2"


def test_only_the_first_h1_is_the_page_title() -> None:
    html = add_share_buttons('<h1 id="a">A</h1><h1 id="b">Option B</h1>', URL, "A")
    assert [b["aria-label"] for b in buttons(html)] == ["Share this method"]


def test_without_a_site_url_the_link_is_the_anchor_alone() -> None:
    assert [b["data-share-url"] for b in buttons(add_share_buttons(PAGE, "", "Method 2"))] == [
        "",
        "#knees-to-chest",
        "#step-2",
    ]


def test_buttons_change_no_sentence_and_keep_the_warnings_first() -> None:
    html = add_share_buttons(PAGE, URL, "Method 2")
    assert page_sentences(html) == page_sentences(PAGE)
    assert check_warnings(html, {}) == check_warnings(PAGE, {})


def test_a_heading_that_is_no_step_gets_no_button() -> None:
    html = '<h2 id="good-to-know">Good to know</h2><h2 id="steps">Steps</h2>'
    assert add_share_buttons(html, URL, "Method 2") == html


def test_every_method_page_has_its_buttons(site: Path) -> None:
    floor = (site / "methods" / "floor" / "index.html").read_text()
    labels = [b["aria-label"] for b in buttons(floor)]
    assert labels == [
        "Share this method",
        "Share Option #1: Twist lying on your side",
        "Share Option #2: Stretch out, then corpse pose",
        "Share Option #3: Knees to chest",
        "Share Option #4: Knee across your body",
    ]
    for slug in ("chair", "standing", "sitting", "foam-roller"):
        page = (site / "methods" / slug / "index.html").read_text()
        assert [b["aria-label"] for b in buttons(page)] == ["Share this method"], slug
    assert buttons((site / "rules" / "index.html").read_text()) == []
