"""`make drawings`: one contact sheet of every drawing beside its step, light and dark, for review.

    python -m support.drawing_sheet [OUTPUT_DIR]

Writes OUTPUT_DIR/drawings/review-sheet.html and review-sheet.png (default OUTPUT_DIR:
test-results): one row per drawing, in the site's order, with the page, the step's words,
the text alternative and the caption beside the drawing as a phone shows it (328 px, the
article's width at 360 px), in the light palette and the dark, and the method's small
drawing as "At a glance" shows it. The drawings and their colours are the site's own (the
figure the build makes, Material's palettes and docs/stylesheets/extra.css), so the sheet
needs no build; Chromium (Debian's `chromium`, through Playwright) takes the screenshot.
A physiotherapist marks it up; the browser tests write the same drawings inside their pages.
"""

from __future__ import annotations

import argparse
import re
import sys
from html import escape
from pathlib import Path

from backguide.chromium import CHROMIUM_ARGS, find_chromium
from backguide.drawings import Drawing, all_drawings, main_drawing
from backguide.glance import glance_drawing
from backguide.site import ROOT

DOCS = ROOT / "docs"
ARTICLE_WIDTH = 328  # px: the article's width on a 360 px phone
MARKER = re.compile(r"<!--\s*drawing:\s*([\w-]+)\s*-->")
ITEM = re.compile(r"^(\s*)(\d+)\.\s+(.*)$")


def step_texts(docs: Path = DOCS) -> dict[str, tuple[str, str]]:
    """Each drawing's (page, step words), read from the Markdown: the list item its marker sits in."""
    found = {}
    for page in sorted(docs.rglob("*.md")):
        lines = page.read_text(encoding="utf-8").splitlines()
        for index, line in enumerate(lines):
            match = MARKER.search(line)
            if not match:
                continue
            start = next((i for i in range(index, -1, -1) if ITEM.match(lines[i])), None)
            if start is None:
                found[match.group(1)] = (page.relative_to(docs).as_posix(), "(not in a numbered step)")
                continue
            number, first = ITEM.match(lines[start]).group(2, 3)  # type: ignore[union-attr]
            words = [first]
            for follow in lines[start + 1:index]:
                text = follow.strip()
                if text.startswith(("!!!", "???", "<!--")) or not text:
                    break
                words.append(text)
            plain = re.sub(r"\*\*|__|\{[^}]*\}", "", " ".join(words))
            found[match.group(1)] = (page.relative_to(docs).as_posix(), f"{number}. {plain}")
    return found


def palette_css() -> list[Path]:
    """Material's own stylesheets (its palettes define the page colours) and the site's."""
    import material

    sheets = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    return sorted(sheets.glob("main.*.min.css")) + sorted(sheets.glob("palette.*.min.css")) + [DOCS / "stylesheets" / "extra.css"]


def sheet_html(drawings: dict[str, Drawing], steps: dict[str, tuple[str, str]], mains: set[str]) -> str:
    links = "".join(f'<link rel="stylesheet" href="{path.resolve().as_uri()}">' for path in palette_css())
    rows = []
    for name, drawing in drawings.items():
        page, step = steps.get(name, ("", ""))
        cells = "".join(
            f'<div class="cell" data-md-color-scheme="{scheme}" data-md-color-primary="teal"><div class="md-typeset">'
            f'{drawing.figure()}</div></div>'
            for scheme in ("default", "slate")
        )
        small = "".join(
            f'<div class="cell small" data-md-color-scheme="{scheme}"><div class="md-typeset"><aside class="at-a-glance">'
            f"{glance_drawing(drawing)}</aside></div></div>"
            for scheme in ("default", "slate")
        ) if name in mains else ""
        rows.append(
            f'<section><div class="words"><h2>{escape(name)}</h2><p class="where">{escape(page)}</p>'
            f"<p><b>Step:</b> {escape(step)}</p><p><b>Alt:</b> {escape(drawing.alt)}</p>"
            + (f"<p><b>Caption:</b> {escape(drawing.caption)}</p>" if drawing.caption else "")
            + (f"<p><b>At a glance</b> (main drawing):</p>{small}" if small else "")
            + f"</div>{cells}</section>"
        )
    return (
        f"<!doctype html><html><head><meta charset=utf-8>{links}<style>"
        "body{margin:0;background:#fff;color:#212121;font:14px/1.4 sans-serif}"
        "section{display:flex;gap:12px;padding:10px;border-bottom:1px solid #bbb;align-items:flex-start}"
        ".words{width:300px;flex:none}.words h2{font-size:16px;margin:0}.where{color:#555;margin:2px 0 6px}"
        f".cell{{width:{ARTICLE_WIDTH}px;flex:none;padding:4px 0;background:var(--md-default-bg-color);color:var(--md-typeset-color)}}"
        ".cell .md-typeset{font-size:16px}.cell.small{display:inline-block;width:auto;padding:4px;margin-right:6px}"
        ".cell.small .at-a-glance{margin:0;border:0;padding:0}"
        "</style></head><body>" + "".join(rows) + "</body></html>"
    )


def write_sheet(output: Path) -> Path:
    from playwright.sync_api import sync_playwright

    chromium = find_chromium()
    if not chromium:
        raise SystemExit("make drawings: no Chromium; install Debian's 'chromium' package or set CHROMIUM to its path")
    drawings = all_drawings(DOCS, ROOT)
    by_file: dict[str, dict[str, Drawing]] = {}
    for name, drawing in drawings.items():
        by_file.setdefault(drawing.pose.file, {})[name] = drawing
    mains = {main.name for group in by_file.values() if (main := main_drawing(group))}
    folder = output / "drawings"
    folder.mkdir(parents=True, exist_ok=True)
    page_file = folder / "review-sheet.html"
    page_file.write_text(sheet_html(drawings, step_texts(), mains), encoding="utf-8")
    png = folder / "review-sheet.png"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 800})
            page.goto(page_file.resolve().as_uri())
            page.screenshot(path=png, full_page=True)
        finally:
            browser.close()
    return png


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the drawings' review sheet (PNG and HTML).")
    parser.add_argument("output", nargs="?", default=ROOT / "test-results", type=Path)
    args = parser.parse_args(argv)
    png = write_sheet(args.output)
    print(f"drawings: review sheet written to {png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
