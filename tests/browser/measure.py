"""Run the measurements of measure.js in a Playwright page; each returns a list of problems."""

from __future__ import annotations

from pathlib import Path

from backguide.rules import STEP_HEADING

# page.evaluate wants an expression, so the file's leading comment is left out.
_SOURCE = "\n".join(
    line for line in (Path(__file__).with_name("measure.js")).read_text().splitlines() if not line.startswith("//")
)


def measure(page, name: str, argument: object = None) -> list[str]:
    return page.evaluate(_SOURCE, [name, argument])


def horizontal_scrolling(page) -> list[str]:
    return measure(page, "horizontalScrolling")


def tap_targets(page) -> list[str]:
    return measure(page, "tapTargets")


def warnings(page, *, method_page: bool) -> list[str]:
    """The safety admonitions as a reader sees them; on a method page, also above the first step."""
    return measure(page, "warnings", STEP_HEADING.pattern if method_page else None)


def step_lists(page) -> list[str]:
    return measure(page, "stepLists")


def heading_in_view(page, anchor: str) -> list[str]:
    return measure(page, "headingInView", anchor)


def contrast(page, selector: str) -> list[str]:
    return measure(page, "contrast", selector)


def contrast_on_paper(page, selector: str) -> list[str]:
    """Contrast as printed: no backgrounds, so every text against white."""
    return measure(page, "contrastOnPaper", selector)


def drawing_contrast(page, selector: str) -> list[str]:
    """Every line of every drawing against the page and the mat it is drawn on: 3:1 (WCAG 1.4.11)."""
    return measure(page, "drawingContrast", selector)
