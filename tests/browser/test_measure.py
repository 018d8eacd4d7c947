"""The browser measurements catch what they are for: each check fails on a page made to fail it."""

from __future__ import annotations

import measure

# A phone lays out a page without this tag 980px wide, as old desktop pages expect.
PHONE_PAGE = '<meta name="viewport" content="width=device-width, initial-scale=1">'
ARTICLE = PHONE_PAGE + '<article class="md-typeset" style="font-size:16px;line-height:1.6;margin:0 16px">{}</article>'
STEPS = "<ol><li>Lie down.</li><li>Breathe out.</li></ol>"


def test_a_page_wider_than_the_screen_is_caught(phone) -> None:
    phone.set_content(ARTICLE.format('<p style="width:600px">A wide line.</p>'))
    assert measure.horizontal_scrolling(phone) == [
        'the page is 624px wide on a 360px screen (too wide: <p> "A wide line.")'
    ]
    phone.set_content(ARTICLE.format("<p>A short line.</p>"))
    assert measure.horizontal_scrolling(phone) == []


def test_small_crowded_targets_are_caught_and_the_exceptions_kept(phone) -> None:
    tiny = '<button style="width:16px;height:16px;padding:0;border:0">{}</button>'
    phone.set_content(
        PHONE_PAGE
        + tiny.format("a") + tiny.format("b")  # side by side: their 24px circles overlap
        + '<p style="margin-top:80px">' + tiny.format("c") + "</p>"  # alone: the spacing exception
        + '<p style="font-size:12px">Read <a href="#x">the rules</a> first.</p>'  # inline in a sentence
        + '<p style="margin-top:80px"><a href="#y" style="display:block;height:40px">A big enough link</a></p>'
    )
    problems = measure.tap_targets(phone)
    assert problems == [
        '<button> "a" is 16×16px and too close to <button> "b"',
        '<button> "b" is 16×16px and too close to <button> "a"',
    ]


def test_a_small_link_alone_in_its_block_is_not_taken_for_inline(phone) -> None:
    line = '<p style="margin:0;font-size:12px;line-height:1"><a href="#{0}">{0}</a></p>'
    phone.set_content(PHONE_PAGE + line.format("one") + line.format("two"))
    assert [problem.split(" is ")[0] for problem in measure.tap_targets(phone)] == ['<a> "one"', '<a> "two"']


def test_hidden_collapsed_small_or_late_warnings_are_caught(phone) -> None:
    warning = '<div class="admonition {kind}" style="{style}"><p class="admonition-title">{title}</p><p>Stop.</p></div>'
    phone.set_content(
        ARTICLE.format(
            warning.format(kind="danger", style="display:none", title="Stop if it hurts")
            + '<details class="warning"><summary>Not if you have disc problems</summary><p>No.</p></details>'
            + warning.format(kind="warning", style="margin-left:-40px", title="Off the edge")
            + warning.format(kind="warning", style="font-size:12.8px", title="Small print")
            + STEPS
            + warning.format(kind="warning", style="", title="Too late")
        )
    )
    assert measure.warnings(phone, method_page=True) == [
        "'Stop if it hurts' is not shown",
        "'Not if you have disc problems' is collapsed",
        "'Off the edge' runs off the screen (-16 to 336px)",
        "'Small print' is in 12.8px text, smaller than the page's 16px",
        "'Too late' is shown below the first step",
    ]


def test_a_method_page_without_a_danger_warning_is_caught(phone) -> None:
    phone.set_content(ARTICLE.format(STEPS))
    assert measure.warnings(phone, method_page=False) == []
    assert measure.warnings(phone, method_page=True) == [
        "no danger admonition ('Stop if it hurts') on a method page"
    ]


def test_step_lists_without_numbers_small_or_cramped_are_caught(phone) -> None:
    phone.set_content(
        ARTICLE.format(
            '<ol style="list-style:none;padding-left:32px"><li>Lie down.</li></ol>'
            '<ol style="padding-left:4px;margin:0"><li style="font-size:14px;line-height:1.2;margin:0">One.</li>'
            '<li style="font-size:14px;line-height:1.2">Two.</li></ol>'
        )
    )
    assert measure.step_lists(phone) == [
        "step list 1 shows 'none' instead of numbers",
        "step list 2, item 1 is in 14px text (less than 16px)",
        "step list 2, item 1 has a line height of 1.2",
        "step list 2, item 1 leaves 4px for its number",
        "step list 2, item 1 is 0px from the next item",
        "step list 2, item 2 is in 14px text (less than 16px)",
        "step list 2, item 2 has a line height of 1.2",
        "step list 2, item 2 leaves 4px for its number",
    ]


def test_a_heading_under_the_sticky_header_is_caught(phone) -> None:
    phone.set_content(
        PHONE_PAGE + '<header style="position:sticky;top:0;height:48px;background:#000"></header>'
        '<div style="height:2000px"><h2 id="hidden" style="margin-top:800px">Option #3</h2></div>'
    )
    phone.evaluate("document.getElementById('hidden').scrollIntoView()")
    assert measure.heading_in_view(phone, "hidden") == ["#hidden is 48px under the header"]
    phone.evaluate("window.scrollTo(0, 0)")
    assert measure.heading_in_view(phone, "hidden")[0].startswith("#hidden ends ")


def test_low_contrast_text_is_caught_against_its_real_background(phone) -> None:
    phone.set_content(
        PHONE_PAGE + '<div class="admonition" style="background:#fff"><p class="admonition-title" style="background:rgba(255,145,0,.1);color:#888">Pale</p>'
        '<p style="color:rgba(0,0,0,.87)">Dark enough. <a href="#" style="color:#009485">Teal link</a></p></div>'
    )
    problems = measure.contrast(phone, ".admonition")
    assert [problem.split(" has ")[0] for problem in problems] == ['<p.admonition-title> "Pale"', '<a> "Teal link"']
    assert problems[1].startswith('<a> "Teal link" has contrast 3.77:1, needs 4.5:1')


def test_pale_text_meant_for_a_dark_background_is_caught_on_paper(phone) -> None:
    phone.set_content(PHONE_PAGE + '<div style="background:#222"><p style="color:#ddd">Light on dark.</p></div>')
    assert measure.contrast(phone, "div") == []
    assert measure.contrast_on_paper(phone, "div") == [
        '<p> "Light on dark." has contrast 1.36:1, needs 4.5:1 (rgb(221, 221, 221) on rgb(255, 255, 255))'
    ]
