"""The source's cautions before the steps, a source sentence behind every glance value, and review status.

All three read CONTENT.md's tables; the build runs the same functions (backguide.gate).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from backguide import html
from backguide.check_site import page_content
from backguide.content import (
    CONTENT_MD,
    NEEDS_REVIEW,
    SOURCE,
    bad_review_statuses,
    cautions,
    glance_sources,
    normalize,
    review_statuses,
)
from backguide.fidelity import check_cautions, check_glance, check_register
from backguide.site import built_page, source_pages
from project import ROOT

REGISTER = CONTENT_MD.read_text()
METHODS = [page for page in source_pages(ROOT / "docs") if page.is_method]


def content_of(site: Path, src_uri: str) -> html.Node:
    return html.content(page_content(built_page(site, src_uri).read_text()))


# Cautions -----------------------------------------------------------------------------------------


def test_content_md_marks_the_sources_cautions_and_prerequisites() -> None:
    """At least the ones a physiotherapist named: pain, discs, shoulder flexibility, the roller's intensity and the lower back."""
    marked = {normalize(caution.sentence): caution for caution in cautions(REGISTER)}
    for sentence, page in [
        ("If they bring you pain, you need to stop doing them immediately.", "every method page"),
        ("These exercises are not recommended if you have disc problems.", "every method page"),
        ("If you have fairly good flexibility with your shoulders, then this is a good option for cracking your"
         " back when you don’t have a good chair handy.", "docs/methods/standing.md"),
        ("Be sure you’re relaxed while attempting this exercise.", "docs/methods/foam-roller.md"),
        ("Cracking your upper back using a foam roller is effective, but it can be a bit more intense than the"
         " methods described above.", "docs/methods/foam-roller.md"),
        ("The National Academy of Sports Medicine does not recommend foam rolling on the lower back as that can"
         " hyperextend the back.", "docs/methods/foam-roller.md"),
    ]:
        assert page in marked[normalize(sentence)].pages


@pytest.mark.parametrize("page", METHODS, ids=lambda page: page.src_uri)
def test_every_marked_sentence_comes_before_the_first_step(site: Path, page) -> None:
    assert check_cautions(content_of(site, page.src_uri), f"docs/{page.src_uri}", cautions(REGISTER)) == []


def test_a_caution_moved_below_the_steps_is_named(site: Path) -> None:
    root = content_of(site, "methods/foam-roller.md")
    caution = root.css_first("p.before-the-steps")
    root.css_first("#good-to-know").insert_before(html.fragment(caution.html)[0])
    caution.decompose()
    problems = check_cautions(root, "docs/methods/foam-roller.md", cautions(REGISTER))
    assert [problem.split('"')[1] for problem in problems] == [
        "Cracking your upper back using a foam roller is effective,…",
        "Be sure you’re relaxed while attempting this exercise.",
    ]
    assert all("comes after the first step" in problem for problem in problems)


# Glance facts -------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", METHODS, ids=lambda page: page.src_uri)
def test_every_glance_value_names_a_sentence_the_page_shows(site: Path, page) -> None:
    root = content_of(site, page.src_uri)
    assert check_glance(root, f"docs/{page.src_uri}", page.meta, glance_sources(REGISTER)) == []


def test_an_unbacked_glance_value_fails(site: Path) -> None:
    standing = next(page for page in METHODS if page.src_uri == "methods/standing.md")
    meta = {**standing.meta, "back_region": ["lower back", "middle back"]}
    problems = check_glance(content_of(site, standing.src_uri), "docs/methods/standing.md", meta, glance_sources(REGISTER))
    assert problems == [
        "\"At a glance\" shows Works on: Lower back, but CONTENT.md's \"Glance facts\" names no source sentence for it;"
        " add the row  | `docs/methods/standing.md` | Works on | Lower back | <the sentence it sums up> | needs review |"
        "  or change the front matter"
    ]


def test_a_glance_row_citing_a_sentence_the_page_lacks_fails(site: Path) -> None:
    rows = [row for row in glance_sources(REGISTER) if row.page != "docs/methods/chair.md" or row.fact != "Position"]
    rows.append(type(rows[0])("docs/methods/chair.md", "Position", "Sitting", "Lie down on your side."))
    chair = next(page for page in METHODS if page.src_uri == "methods/chair.md")
    assert check_glance(content_of(site, chair.src_uri), "docs/methods/chair.md", chair.meta, rows) == [
        "CONTENT.md's \"Glance facts\" backs Position: Sitting with \"Lie down on your side.\", which this page"
        " does not say; name a sentence the page shows"
    ]


def test_glance_values_keep_the_sources_words(site: Path) -> None:
    """'Sometimes' stays in the best time, and a list of labels reads as one phrase."""
    roller = html.parse(built_page(site, "methods/chair.md").read_text())
    values = [html.text(node) for node in roller.css(".at-a-glance dd")]
    assert "Sometimes best midday or later, or after a warm shower" in values
    assert "Middle back and upper back" in values


# CONTENT.md's own rows ------------------------------------------------------------------------------


def test_content_md_rows_cite_the_source_and_carry_a_review_status() -> None:
    assert check_register(REGISTER, SOURCE.read_text()) == []


def test_a_caution_that_is_not_a_source_sentence_fails() -> None:
    broken = REGISTER.replace("| Be sure you’re relaxed while attempting this exercise. |", "| Be sure you’re relaxed. |")
    assert check_register(broken, SOURCE.read_text()) == [
        'CONTENT.md, "Cautions and prerequisites": "Be sure you’re relaxed." is not a sentence of the source;'
        " copy it from source/ word for word"
    ]


def test_only_a_clinicians_review_changes_the_status() -> None:
    statuses = review_statuses(REGISTER)
    assert statuses and all(status.status == NEEDS_REVIEW for status in statuses)  # no clinician has reviewed yet
    reviewed = REGISTER.replace("| needs review |", "| reviewed 2027-01-15 by physiotherapist |", 1)
    assert bad_review_statuses(reviewed) == []
    assert len(bad_review_statuses(REGISTER.replace("| needs review |", "| ok |", 1))) == 1
