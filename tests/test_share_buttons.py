"""The share buttons' markup: which headings get one, the link and the name each carries."""

from __future__ import annotations

from pathlib import Path

import markdown as python_markdown
from backguide.html import classes, elements, parse
from backguide.rules import check_warnings
from backguide.share_buttons import add_share_buttons
from backguide.content import page_sentences

URL = "https://guide.example/methods/floor/"
PAGE = """# Method 2: Floor

## Before you start {#before-you-start}

<div class="safety-panel" markdown>

!!! danger "Stop if it hurts"

    Exercises should bring relief. If they bring you pain, you need to stop doing them immediately.

!!! warning "Check with a GP or physiotherapist first"

    Ask first if you:

    - have osteoporosis or take steroids long-term
    - are pregnant
    - have had a hip replacement
    - had back surgery, a fall or an injury in recent months
    - have inflammatory arthritis, such as ankylosing spondylitis
    - have had cancer

!!! warning "Not if you have disc problems"

    These exercises are not recommended if you have disc problems.

!!! warning "Persistent pain needs a doctor"

    Popping your back might not solve all of your issues, especially if you have persistent back, neck, or shoulder pain. If this is you, seek medical attention to treat your pain.

</div>

## Steps {#steps}

1. Lie down.

## Option #3: Knees to *chest* {#knees-to-chest}

1. Hug.

## Option #4: No anchor

### Step 2: "Relax" {#step-2 .quiet}
"""
RULES = {"extensions": ["admonition", "attr_list", "md_in_html"]}


def rendered(markdown: str) -> str:
    return python_markdown.markdown(markdown, **RULES)


def buttons(page_html: str) -> list[dict[str, str | None]]:
    return [node.attributes for node in elements(parse(page_html)) if "share__button" in classes(node)]


def test_the_title_and_every_step_section_with_an_anchor_get_a_button() -> None:
    found = [(b["aria-label"], b["data-share-url"]) for b in buttons(rendered(add_share_buttons(PAGE, URL, "Method 2")))]
    assert found == [
        ("Share this method", URL),
        ("Share Option #3: Knees to chest", URL + "#knees-to-chest"),
        ('Share Step 2: "Relax"', URL + "#step-2"),
    ]


def test_a_button_follows_its_heading_and_shares_a_useful_title() -> None:
    page_html = rendered(add_share_buttons(PAGE, URL, "Method 2"))
    heading = next(node for node in elements(parse(page_html)) if node.attributes.get("id") == "knees-to-chest")
    assert "share" in classes(heading.next.next if heading.next.is_text_node else heading.next)
    option = buttons(page_html)[1]
    assert option["type"] == "button"
    assert option["data-share-title"] == "Option #3: Knees to chest – Method 2"


def test_only_the_first_h1_is_the_page_title() -> None:
    page_html = rendered(add_share_buttons("# A {#a}\n\n# Option B {#b}\n", URL, "A"))
    assert [b["aria-label"] for b in buttons(page_html)] == ["Share this method"]


def test_without_a_site_url_the_link_is_the_anchor_alone() -> None:
    assert [b["data-share-url"] for b in buttons(rendered(add_share_buttons(PAGE, "", "Method 2")))] == [
        "",
        "#knees-to-chest",
        "#step-2",
    ]


def test_buttons_change_no_sentence_and_keep_the_warnings_first() -> None:
    with_buttons, without = rendered(add_share_buttons(PAGE, URL, "Method 2")), rendered(PAGE)
    assert page_sentences(with_buttons) == page_sentences(without)
    assert check_warnings(with_buttons, {}) == []


def test_a_heading_that_is_no_step_gets_no_button() -> None:
    markdown = "## Good to know {#good-to-know}\n\n## Steps {#steps}\n"
    assert add_share_buttons(markdown, URL, "Method 2") == markdown


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
