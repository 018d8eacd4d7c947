"""The NHS's urgent signs of back pain, kept as data, against the help page and every method page.

The reference (backguide/data/nhs-back-pain-urgent-advice.yml) is the NHS's list, not ours:
each sign must stay on the help page, in its list, and each 999 sign on the red-flag line of
every method page. Taking any one of them away fails, and says which.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
import yaml

from backguide import html
from backguide.check_site import page_content
from backguide.red_flags import (
    REFERENCE,
    check_help_page,
    include_problems,
    panel_line_include_problems,
    panel_line_problems,
    panel_lines,
    parse_reference,
    pointer_problems,
    pointer_signs,
    reference,
    says,
    works_on,
)
from backguide.site import built_page, source_pages
from project import ROOT

REF = reference()
SIGNS = [(urgent, sign) for urgent in REF.lists for sign in urgent.signs]
METHODS = [page for page in source_pages(ROOT / "docs") if page.is_method]


def help_content(site: Path) -> html.Node:
    return html.content(page_content(built_page(site, REF.help_page).read_text()))


def test_the_reference_says_where_it_comes_from_and_when() -> None:
    assert REF.page == "https://www.nhs.uk/conditions/back-pain/"
    assert isinstance(REF.checked, datetime.date)
    assert [urgent.id for urgent in REF.lists] == ["call-999", "call-111"]
    # The NHS lists, as checked: six signs for 999 or A&E, six for an urgent GP or 111.
    assert [len(urgent.signs) for urgent in REF.lists] == [6, 6]
    assert "chest pain" in [sign.sign for sign in pointer_signs(REF)]


def test_the_help_page_gives_every_sign(site: Path) -> None:
    assert check_help_page(help_content(site), REF) == []


@pytest.mark.parametrize(("urgent", "sign"), SIGNS, ids=[sign.sign[:40] for _, sign in SIGNS])
def test_taking_any_sign_off_the_help_page_fails(site: Path, urgent, sign) -> None:
    root = help_content(site)
    items = [item for item in root.css("li") if says(html.text(item), sign.says)]
    assert items, f"no item of the help page says {sign.sign!r}"
    for item in items:
        item.decompose()
    assert (
        f"the list '{urgent.id}' lacks the NHS sign \"{sign.sign}\" (backguide/data/nhs-back-pain-urgent-advice.yml,"
        f" the NHS's list as checked on {REF.checked.isoformat()}); add it as an item, in the site's own words"
    ) in check_help_page(root, REF)


@pytest.mark.parametrize("page", METHODS, ids=lambda page: page.src_uri)
def test_every_method_page_names_every_999_sign(site: Path, page) -> None:
    root = html.content(page_content(built_page(site, page.src_uri).read_text()))
    assert pointer_problems(root, REF) == []


def test_taking_chest_pain_off_the_red_flag_line_fails(site: Path) -> None:
    line = (ROOT / "includes" / "red-flags.md").read_text()
    assert include_problems(line, REF) == []
    assert include_problems(line.replace(" chest pain,", ""), REF) == [
        'does not name the NHS 999 sign "chest pain" (backguide/data/nhs-back-pain-urgent-advice.yml, the NHS\'s'
        f" list as checked on {REF.checked.isoformat()}); add it to the line, in the site's own words"
    ]
    chair = built_page(site, "methods/chair.md").read_text().replace(" chest pain,", "")
    problems = pointer_problems(html.content(page_content(chair)), REF)
    assert len(problems) == 1 and '"chest pain"' in problems[0]


def test_outside_the_uk_is_said_once_above_the_lists(site: Path) -> None:
    root = help_content(site)
    text = html.text(root)
    assert text.count("Outside the UK") == 1
    assert text.index("Outside the UK") < text.index("Call 999 or go to A&E")
    twice = help_content(site)
    twice.css_first("h3#call-111").insert_before(html.fragment("<p>Outside the UK, call 911.</p>")[0])
    assert any("outside the UK" in problem for problem in check_help_page(twice, REF))


def test_the_reference_refuses_a_malformed_file() -> None:
    data = yaml.safe_load(REFERENCE.read_text())
    del data["checked"]
    with pytest.raises(ValueError, match="needs 'checked'"):
        parse_reference(data)
    data = yaml.safe_load(REFERENCE.read_text())
    data["lists"][0]["signs"][0]["says"] = []
    with pytest.raises(ValueError, match="must be a list of words"):
        parse_reference(data)


# The NHS's 111 sign of pain between the shoulders, on the methods that work there -----------------

UPPER_BACK_LINE = next(line for _, _, line in panel_lines(REF))


def test_the_methods_that_work_between_the_shoulders_need_the_111_line() -> None:
    """The chair and the foam roller lean the upper back over an edge or a roller: their pages need it."""
    needing = [page.src_uri for page in METHODS if works_on(page.meta, UPPER_BACK_LINE.back_region)]
    assert {"methods/chair.md", "methods/foam-roller.md"} <= set(needing)
    assert [sign.sign for _, sign, _ in panel_lines(REF)] == [
        "pain in the top of the back, between the shoulders, rather than the lower back"
    ]


@pytest.mark.parametrize("src_uri", ["methods/chair.md", "methods/foam-roller.md"])
def test_losing_the_111_line_from_the_chair_or_the_roller_fails(site: Path, src_uri: str) -> None:
    page = next(page for page in METHODS if page.src_uri == src_uri)
    root = html.content(page_content(built_page(site, src_uri).read_text()))
    lines = root.css(".safety-panel > p.urgent-line")
    assert len(lines) == 1 and panel_line_problems(root, page.meta, REF) == []
    assert [link.attributes.get("href") for link in lines[0].css("a")] == ["../../help/#call-111"]
    lines[0].decompose()
    assert panel_line_problems(root, page.meta, REF) == [
        "works on the upper back but its safety panel lacks the line on the NHS sign \"pain in the top of the back,"
        " between the shoulders, rather than the lower back\" (backguide/data/nhs-back-pain-urgent-advice.yml, the"
        f" NHS's list as checked on {REF.checked.isoformat()}); add  --8<-- \"upper-back-pain.md\"  to the panel,"
        "  before  --8<-- \"red-flags.md\"".replace(",  before", ", before")
    ]


def test_the_111_line_include_must_say_the_sign_and_link_to_its_list() -> None:
    text = (ROOT / "includes" / UPPER_BACK_LINE.include).read_text()
    assert panel_line_include_problems(UPPER_BACK_LINE.include, text, REF) == []
    for broken in (
        text.replace("between your shoulders", "in your upper back"),
        text.replace("call 111", "call your GP"),
        text.replace("#call-111", "#call-999"),
        text.replace('class="urgent-line"', 'class="urgent-line" hidden'),
    ):
        assert len(panel_line_include_problems(UPPER_BACK_LINE.include, broken, REF)) == 1, broken


def test_the_red_flag_line_must_link_to_every_sign(site: Path) -> None:
    """The line names the common 999 signs; the rest are one tap away, on the help page's list."""
    line = (ROOT / "includes" / "red-flags.md").read_text()
    assert len(pointer_signs(REF)) < sum(len(urgent.signs) for urgent in REF.lists if urgent.id == "call-999")
    unlinked = re.sub(r"\[([^]]+)\]\([^)]+\)", r"\1", line)
    assert [problem.split(";")[0] for problem in include_problems(unlinked, REF)] == [
        "does not link to the help page's list of every 999 sign"
    ]
    chair = built_page(site, "methods/chair.md").read_text().replace('href="../../help/#urgent"', 'href="../../rules/"')
    assert pointer_problems(html.content(page_content(chair)), REF) == [
        "the red-flag line does not link to the help page's list of every 999 sign; use  --8<-- \"red-flags.md\"  unchanged"
    ]
