"""Drawings for a person to review: a contact sheet of every drawing beside its step, and every method page.

Writes, at phone size (360 px), in the light and the dark palette:
- test-results/drawings/contact-sheet-light.png and -dark.png: each drawing as the reader
  sees it, inside its step on the real page, beside its name, its alt text and its caption;
- test-results/drawings/methods-<page>-light.png and -dark.png: each method page, whole.
It also checks, in Chromium, that no drawing is cut off or overflows the phone's width.
"""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path

import pytest

from backguide.site import ROOT, method_pages, page_url, source_pages

DOCS = ROOT / "docs"
SCHEMES = ("light", "dark")
METHOD_URLS = [page_url(page.src_uri).lstrip("/") for page in method_pages(source_pages(DOCS))]

# For each drawing: its name, what encloses it on the page (the step's list item, or the figure
# itself where it sits outside a list), and how far its drawn shapes reach past its viewBox.
DRAWINGS_JS = """() => [...document.querySelectorAll('article figure.drawing')].map((figure, index) => {
  const art = figure.querySelector('svg');
  const box = art.viewBox.baseVal, drawn = art.getBBox(), shown = art.getBoundingClientRect();
  const step = figure.closest('li') || figure;
  step.dataset.reviewIndex = index;
  return {
    name: art.querySelector('title').id.replace('drawing-', ''),
    alt: art.querySelector('title').textContent,
    caption: figure.querySelector('figcaption')?.textContent || '',
    outside: Math.max(box.x - drawn.x, box.y - drawn.y, drawn.x + drawn.width - box.x - box.width,
                      drawn.y + drawn.height - box.y - box.height),
    right: shown.right, width: shown.width,
  };
})"""


def review_rows(phone, path: str) -> list[dict]:
    """Every drawing of one page, with a screenshot of the step it sits in."""
    phone.goto(path)
    rows = phone.evaluate(DRAWINGS_JS)
    for index, row in enumerate(rows):
        step = phone.locator(f"[data-review-index='{index}']")
        row["shot"] = base64.b64encode(step.screenshot()).decode()
        row["page"] = path
    return rows


def contact_sheet(rows: list[dict], scheme: str) -> str:
    """The steps at phone width, each beside its drawing's name, alt text and caption."""
    background, text = ("#ffffff", "#212121") if scheme == "light" else ("#1e2129", "#e2e4e9")
    cells = "".join(
        f'<section><img src="data:image/png;base64,{row["shot"]}" width="360">'
        f'<div><h2>{escape(row["name"])}</h2><p class="where">{escape(row["page"])}</p>'
        f'<p><b>Alt:</b> {escape(row["alt"])}</p>'
        + (f'<p><b>Caption:</b> {escape(row["caption"])}</p>' if row["caption"] else "")
        + "</div></section>"
        for row in rows
    )
    return (
        "<!doctype html><html><head><style>"
        f"body{{margin:0;background:{background};color:{text};font:14px/1.4 sans-serif}}"
        "section{display:flex;gap:16px;padding:12px;border-bottom:1px solid #8886;align-items:flex-start}"
        "img{flex:none;border:1px solid #8886}div{max-width:340px}h2{font-size:16px;margin:0}"
        ".where{opacity:.7;margin:2px 0 8px}"
        f"</style></head><body>{cells}</body></html>"
    )


@pytest.mark.parametrize("light_or_dark", SCHEMES)
def test_contact_sheet(phone, output_dir: Path, light_or_dark: str) -> None:
    phone.emulate_media(color_scheme=light_or_dark)
    rows = [row for path in METHOD_URLS for row in review_rows(phone, path)]
    folder = output_dir / "drawings"
    folder.mkdir(exist_ok=True)
    phone.set_viewport_size({"width": 740, "height": 740})
    try:
        phone.goto("about:blank")  # a fresh document: the site's Content-Security-Policy would refuse the sheet's style
        phone.set_content(contact_sheet(rows, light_or_dark), wait_until="load")
        phone.screenshot(path=folder / f"contact-sheet-{light_or_dark}.png", full_page=True, scale="css")
    finally:
        phone.set_viewport_size({"width": 360, "height": 740})
    assert len({row["name"] for row in rows}) == len(rows) >= 15
    assert [row["name"] for row in rows if row["outside"] > 0.5] == [], "part of a drawing lies outside its viewBox"
    assert [row["name"] for row in rows if row["right"] > 360] == [], "a drawing is wider than the phone"
    assert [row["name"] for row in rows if row["width"] < 250] == [], "each drawing uses most of a phone's width"


@pytest.mark.parametrize("light_or_dark", SCHEMES)
@pytest.mark.parametrize("path", METHOD_URLS)
def test_method_page_screenshots(phone, output_dir: Path, path: str, light_or_dark: str) -> None:
    phone.emulate_media(color_scheme=light_or_dark)
    phone.goto(path)
    folder = output_dir / "drawings"
    folder.mkdir(exist_ok=True)
    name = path.strip("/").replace("/", "-")
    phone.screenshot(path=folder / f"{name}-{light_or_dark}.png", full_page=True, scale="css")
    figures = phone.locator("article figure.drawing svg[role=img]")
    assert figures.count() >= 1
    for index in range(figures.count()):
        assert figures.nth(index).evaluate("svg => svg.getBoundingClientRect().height") > 80
