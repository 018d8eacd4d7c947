"""Drawings for a person to review: a contact sheet of every drawing, and every method page, at 360 px.

Writes test-results/drawings/contact-sheet-light.png and -dark.png (every drawing on one
page, at phone width, with the site's own stylesheets) and a full-page screenshot of each
method page in both palettes.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest

from backguide.drawings import all_drawings
from backguide.site import ROOT, method_pages, page_url, source_pages

DOCS = ROOT / "docs"
SCHEMES = {"light": "default", "dark": "slate"}
METHOD_URLS = [page_url(page.src_uri).lstrip("/") for page in method_pages(source_pages(DOCS))]


def contact_sheet(site: Path, base_url: str, scheme: str) -> str:
    """One page with every drawing, its name and its alt text, styled as the site styles it."""
    sheets = sorted((site / "assets" / "stylesheets").glob("*.css")) + [site / "stylesheets" / "extra.css"]
    links = "".join(f'<link rel="stylesheet" href="{p.relative_to(site).as_posix()}">' for p in sheets)
    cells = "".join(
        f"<h2>{escape(name)}</h2>{drawing.figure()}<p>{escape(drawing.alt)}</p>"
        for name, drawing in all_drawings(DOCS).items()
    )
    return (
        f'<!doctype html><html><head><base href="{base_url}">{links}</head>'
        f'<body data-md-color-scheme="{scheme}" data-md-color-primary="teal" data-md-color-accent="deep-orange">'
        f'<div class="md-content"><article class="md-content__inner md-typeset">{cells}</article></div></body></html>'
    )


@pytest.mark.parametrize("light_or_dark", SCHEMES)
def test_contact_sheet(phone, site: Path, base_url: str, output_dir: Path, light_or_dark: str) -> None:
    phone.goto("")  # the site's origin, so the sheet's stylesheets load from it
    phone.set_content(contact_sheet(site, base_url, SCHEMES[light_or_dark]), wait_until="load")
    folder = output_dir / "drawings"
    folder.mkdir(exist_ok=True)
    phone.screenshot(path=folder / f"contact-sheet-{light_or_dark}.png", full_page=True, scale="css")
    shown = phone.locator("figure.drawing svg[role=img]")
    assert shown.count() == len(all_drawings(DOCS))
    widths = shown.evaluate_all("svgs => svgs.map(svg => svg.getBoundingClientRect().width)")
    assert min(widths) > 250, "each drawing uses most of a phone's width"


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
