"""Plain words for the safety text: every added sentence at most 25 words and grade 9.

Read from the built pages, as the reader meets them (backguide.plain_words): the safety
panel, every warning box, the help page, the follow-along view's safety line. The source's
own sentences are never judged.
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import pytest

from backguide.plain_words import MAX_GRADE, MAX_WORDS, grade, grade_report, problems, safety_sentences
from backguide.site import built_page, source_pages
from project import ROOT

SOURCE = (ROOT / "source" / "how-to-crack-your-own-back.txt").read_text(encoding="utf-8")
PAGES = [page.src_uri for page in source_pages(ROOT / "docs")]

# The panel's 999 line and the check-first sentence before issue 25: one sentence each, at
# grade 15.8 and 14.2, and 38 and 34 words long.
OLD_999_LINE = (
    '<p class="red-flags"><strong>Call 999 or go to A&amp;E</strong> for numb, tingling, weak or painful legs, numbness'
    " around your genitals or bottom, difficulty peeing, loss of bladder or bowel control, chest pain, or pain after a"
    ' serious accident: <a href="../../help/#urgent">what to do</a>.</p>'
)
OLD_CHECK_FIRST = (
    '<div class="admonition warning"><p class="admonition-title">Check with a GP or physiotherapist first</p>'
    "<p>Ask first if you have osteoporosis or take steroids long-term, are pregnant, had back surgery, a fall or an"
    " injury in recent months, have inflammatory arthritis such as ankylosing spondylitis, or have had cancer.</p></div>"
)


def page(panel: str) -> str:
    return f'<html><body><article><div class="safety-panel">{panel}</div><ol><li>Sit.</li></ol></article></body></html>'


def test_the_readability_library_is_the_pinned_offline_one() -> None:
    # 0.7.3 counts syllables with pyphen; later versions download NLTK's cmudict on first use.
    assert version("textstat") == "0.7.3"
    assert grade("Exercises should bring relief.") == pytest.approx(grade("Exercises should bring relief."))


@pytest.mark.parametrize("src_uri", PAGES)
def test_every_added_safety_sentence_is_short_and_plain(site: Path, src_uri: str) -> None:
    sentences = safety_sentences(built_page(site, src_uri).read_text(), src_uri, SOURCE)
    assert problems(sentences) == []


def test_the_pages_have_safety_text_to_judge(site: Path) -> None:
    """The check reads what it should: the panel's lines, the list items with their lead-in, the help page."""
    chair = [s.read_as for s in safety_sentences(built_page(site, "methods/chair.md").read_text(), "methods/chair.md", SOURCE)]
    assert "Ask first if you have had a hip replacement." in chair
    assert any(sentence.startswith("Call 999 or go to A&E for chest pain") for sentence in chair)
    assert any(sentence.startswith("Pain between your shoulders") for sentence in chair)
    assert "Stop if it hurts." in chair  # the follow-along view's line, from its template
    help_page = [s.read_as for s in safety_sentences(built_page(site, "help.md").read_text(), "help.md", SOURCE)]
    assert "Call 999 or go to A&E if you have back pain and chest pain." in help_page
    assert len(help_page) >= 16


def test_the_old_999_line_fails() -> None:
    found = problems(safety_sentences(page(OLD_999_LINE), "methods/chair.md", SOURCE))
    assert found == [
        'methods/chair.md: "Call 999 or go to A&E for numb, tingling, weak or painful legs, numbness around your genitals'
        " or bottom, difficulty peeing, loss of bladder or bowel control, chest pain, or pain after a serious accident:"
        f' what to do." has 38 words (at most {MAX_WORDS}) and reads at grade 15.8 (at most {MAX_GRADE:g});'
        " use shorter words and sentences, or make it a list"
    ]


def test_a_short_but_hard_sentence_fails_on_its_grade() -> None:
    hard = '<p class="red-flags">Contraindications: spondylolisthesis, osteoporotic fractures, malignancy.</p>'
    found = problems(safety_sentences(page(hard), "methods/chair.md", SOURCE))
    assert len(found) == 1 and f"(at most {MAX_GRADE:g})" in found[0] and "reads at grade" in found[0]
    assert problems(safety_sentences(page(OLD_CHECK_FIRST), "methods/chair.md", SOURCE)) != []


def test_the_source_s_own_words_are_never_judged() -> None:
    # 20 words at grade 11: the owner's sentence, published as it is.
    source_box = (
        '<div class="admonition warning"><p class="admonition-title">Not on your lower back</p><p>The National Academy of'
        " Sports Medicine does not recommend foam rolling on the lower back as that can hyperextend the back.</p></div>"
    )
    assert grade("The National Academy of Sports Medicine does not recommend foam rolling on the lower back as that can hyperextend the back.") > MAX_GRADE
    assert safety_sentences(page(source_box), "methods/foam-roller.md", SOURCE) == []


def test_the_audit_prints_the_median_grade_of_every_added_sentence() -> None:
    line = grade_report((ROOT / "CONTENT.md").read_text(encoding="utf-8"))
    assert line.startswith("Plain words: median Flesch-Kincaid grade ")
    median = float(line.split("grade ")[1].split()[0])
    assert 0 < median <= MAX_GRADE
