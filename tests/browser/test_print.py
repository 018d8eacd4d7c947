"""A method page prints cleanly: its warnings and steps, without header, navigation, search or share.

Each method page is printed to PDF by Chromium, as "Save as PDF" would, into
test-results/print/, on A4 and Letter, with background graphics on and off; the test reads
the PDF's text and page count back with pypdf. Page 1 holds every warning and the first step,
a method prints on at most 3 sheets (4 for a page of several options), and every safety title
and sentence is readable on paper: against what is really behind it, and against white, for a
printer that drops the backgrounds.
"""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import measure
import pytest
from pypdf import PdfReader
from site_pages import METHOD_PAGES, page_id

# What the page shows a reader on screen, read before printing: the parts a printout must
# keep, and the words of the theme's controls that it must leave out.
READ_PAGE = """() => {
  const article = document.querySelector("article");
  const text = (element) => element.innerText;
  const warnings = [...article.querySelectorAll(".admonition.danger, .admonition.warning")].map(text);
  const steps = [...article.querySelectorAll("ol > li")].map(text);
  const prose = article.cloneNode(true);
  prose.querySelectorAll(".share, .headerlink").forEach((element) => element.remove());
  const controls = [".md-skip", ".md-header", ".md-sidebar", ".md-footer", ".share"]
    .flatMap((selector) => [...document.querySelectorAll(`${selector}, ${selector} *`)])
    .filter((element) => !element.closest("script, style"))
    .flatMap((element) => [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE))
    .map((node) => node.textContent.trim())
    .filter((words) => words.length > 2);
  return { warnings, steps, prose: prose.textContent, controls: [...new Set(controls)] };
}"""


def flat(text: str) -> str:
    """Text as compared here: ligatures undone, one space between words, and a hyphenated word
    that paper breaks after its hyphen ("mid-\nlevel") joined again."""
    return re.sub(r"(?<=\w)- (?=\w)", "-", " ".join(unicodedata.normalize("NFKC", text).split()))


def pdf_text(pdf: bytes) -> str:
    """The PDF's words in the order they stand on paper (the layout mode; the plain mode
    follows the drawing order, which puts the admonition titles last)."""
    pages = PdfReader(io.BytesIO(pdf)).pages
    return flat(" ".join(page.extract_text(extraction_mode="layout") for page in pages))


def print_problems(printed: str, *, keep: list[str], leave_out: list[str], prose: str) -> list[str]:
    """What a printout lost, what it kept of the screen's controls, and warnings printed after a step.

    `keep` lists the warnings, then the steps, in page order. Control words that the
    page's own text also uses ("Standing") cannot tell a control from the text, and are not checked.
    """
    problems = [f"lost: {flat(part)[:60]}" for part in keep if flat(part) not in printed]
    prose = flat(prose)
    problems += [
        f"printed the control '{words}'"
        for words in leave_out
        if re.search(rf"\b{re.escape(flat(words))}\b", printed) and flat(words) not in prose
    ]
    return problems


def test_print_problems_are_named() -> None:
    printed = "Method 2 Share Stop if it hurts Exercises should bring relief. 1. Lie down."
    problems = print_problems(
        printed,
        keep=["Stop if it hurts\nExercises should bring relief.", "Lie down.", "Breathe out."],
        leave_out=["Share", "Skip to content", "Method 2"],
        prose="Method 2 Stop if it hurts Exercises should bring relief. Lie down. Breathe out.",
    )
    assert problems == ["lost: Breathe out.", "printed the control 'Share'"]


@pytest.mark.parametrize("path", METHOD_PAGES, ids=page_id)
def test_a_method_page_prints_warnings_and_steps_only(desktop, output_dir: Path, path: str) -> None:
    desktop.goto(path)
    shown = desktop.evaluate(READ_PAGE)
    assert shown["warnings"] and shown["steps"] and "Share" in shown["controls"]
    folder = output_dir / "print"
    folder.mkdir(exist_ok=True)
    printed = pdf_text(desktop.pdf(path=folder / f"{page_id(path).replace('/', '-')}.pdf"))
    keep = shown["warnings"] + shown["steps"]
    assert print_problems(printed, keep=keep, leave_out=shown["controls"], prose=shown["prose"]) == []
    first_step = printed.index(flat(shown["steps"][0]))
    assert all(printed.index(flat(warning)) < first_step for warning in shown["warnings"])


def test_printing_from_dark_mode_gives_dark_text_on_paper(desktop) -> None:
    desktop.emulate_media(color_scheme="dark")
    desktop.goto("methods/floor/")
    desktop.emulate_media(media="print", color_scheme="dark")
    assert measure.contrast_on_paper(desktop, "article") == []


# Everything on paper that says what is safe: the panel's warnings, their titles and its lines.
SAFETY = ".safety-panel"
FORMATS = ("A4", "Letter")
BACKGROUNDS = (True, False)
# The most sheets a method's printout may take: 3, or 4 for a page of several options (the floor's four).
MOST_SHEETS, MOST_SHEETS_WITH_OPTIONS = 3, 4

READ_FIRST_PAGE = """() => ({
  safety: [...document.querySelectorAll(".safety-panel > *")].map((element) => element.innerText),
  firstStep: document.querySelector("article ol > li").innerText,
  footer: document.querySelector(".print-footer").textContent,
  options: document.querySelectorAll(".option-map a").length,
})"""


def safety_on_paper(page) -> list[str]:
    """Safety text too faint against its box as printed with backgrounds, or against white paper without."""
    page.emulate_media(media="print")
    try:
        return [f"backgrounds on: {p}" for p in measure.contrast(page, SAFETY)] + [
            f"backgrounds off: {p}" for p in measure.contrast_on_paper(page, SAFETY)
        ]
    finally:
        page.emulate_media(media="null")  # back to no emulation, so page.pdf prints with print media


@pytest.mark.parametrize("path", METHOD_PAGES, ids=page_id)
def test_a_printout_opens_with_every_warning_and_the_first_step(desktop, output_dir: Path, path: str) -> None:
    desktop.goto(path)
    shown = desktop.evaluate(READ_FIRST_PAGE)
    assert len(shown["safety"]) >= 5 and shown["firstStep"]
    problems = safety_on_paper(desktop)
    folder = output_dir / "print"
    folder.mkdir(exist_ok=True)
    most = MOST_SHEETS_WITH_OPTIONS if shown["options"] > 1 else MOST_SHEETS
    figures = []
    for paper in FORMATS:
        for backgrounds in BACKGROUNDS:
            name = f"{page_id(path).replace('/', '-')}-{paper}-{'backgrounds' if backgrounds else 'plain'}.pdf"
            pdf = PdfReader(io.BytesIO(desktop.pdf(path=folder / name, format=paper, print_background=backgrounds)))
            where = f"{paper}, backgrounds {'on' if backgrounds else 'off'}"
            sheets = len(pdf.pages)
            figures.append(f"{where}: {sheets}")
            if sheets > most:
                problems.append(f"{where}: prints on {sheets} sheets, at most {most}")
            first = flat(pdf.pages[0].extract_text(extraction_mode="layout"))
            problems += [f"{where}: page 1 lacks {flat(text)[:50]!r}" for text in [*shown["safety"], shown["firstStep"]] if flat(text) not in first]
            # Compared without spaces: pypdf's layout mode spaces a short line out to the page width.
            whole = "".join(pdf_text(folder.joinpath(name).read_bytes()).split())
            if "".join(flat(shown["footer"]).split()) not in whole:
                problems.append(f"{where}: lacks its short address and review date ({shown['footer']!r})")
    print(f"sheets printed, {path}: " + "; ".join(figures))
    assert problems == []


def test_the_footer_gives_the_short_address_and_the_review_date(desktop) -> None:
    desktop.goto("methods/chair/")
    footer = desktop.locator(".print-footer")
    assert not footer.is_visible()  # on screen the review dates stand at the page's end
    assert re.fullmatch(r"\S+/chair/ · Reviewed \d{1,2} [A-Z][a-z]+ 20\d\d", footer.text_content())
    desktop.emulate_media(media="print")
    assert footer.is_visible()


# The golden case: the danger title as it printed before the print stylesheet, red on its red bar.
RED_ON_RED = """@media print {
  [data-md-color-scheme] .md-typeset .safety-panel > .admonition.danger > .admonition-title {
    color: #b71c1c; background: #b71c1c;
  }
}"""


def test_a_danger_title_the_colour_of_its_background_is_caught(browser, base_url: str) -> None:
    # The site's policy refuses an added <style>, rightly; this context lets the test add one.
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900}, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto("methods/chair/")
        assert safety_on_paper(page) == []
        page.add_style_tag(content=RED_ON_RED)
        problems = safety_on_paper(page)
        # Against white paper the red title passes; against its own red bar it is 1:1, and caught.
        assert problems and all(problem.startswith("backgrounds on: ") for problem in problems)
        assert any("1.00:1" in problem and "rgb(183, 28, 28) on rgb(183, 28, 28)" in problem for problem in problems)
    finally:
        context.close()
