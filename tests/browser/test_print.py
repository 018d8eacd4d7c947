"""A method page prints cleanly: its warnings and steps, without header, navigation, search or share.

Each method page is printed to PDF by Chromium, as "Save as PDF" would, into
test-results/print/; the test reads the PDF's text back with pypdf.
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
