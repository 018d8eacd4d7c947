"""The web app manifest and its icons, drawn from the site's own logo: what makes the guide installable.

The icons are the favicon of mkdocs.yml (the logo on the theme's teal, an SVG data address),
drawn with Pillow as the link preview cards are, so the same pinned Pillow gives the same
bytes on every machine and no SVG renderer or system library is needed. The SVG's path is
read by `svg.path` (a small pure-Python parser) and sampled into polygons.
"""

from __future__ import annotations

import io
import json
import re
import urllib.parse
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw
from svg.path import Move, parse_path

MANIFEST = "manifest.webmanifest"
ICON_FOLDER = "assets/icons"
# (file, size, purpose): Chrome's install prompt wants 192 and 512 px; a maskable icon keeps the
# figure inside the middle 80 % a launcher may crop to, on a full-bleed background.
ICONS = (
    ("icon-192.png", 192, "any"),
    ("icon-512.png", 512, "any"),
    ("icon-maskable-512.png", 512, "maskable"),
)
# Short enough for a home screen label (about 12 characters show under an icon).
SHORT_NAME = "Back guide"
SUPERSAMPLE = 4  # drawn four times as large, then scaled down: smooth edges
MASKABLE_FIGURE = 0.6  # the figure's share of a maskable icon's side, well inside its 80 % safe zone
SAMPLES = 24  # points per curve of the logo's path
SVG = "{http://www.w3.org/2000/svg}"


class LogoError(ValueError):
    """The favicon is not an SVG logo these icons can be drawn from; the message names the fix."""


@dataclass(frozen=True)
class Logo:
    size: float  # the viewBox's side
    background: str  # the rounded square's fill, the theme's colour
    radius: float  # its corner radius
    figure: str  # the path's fill
    path: str  # the path's d


def read_logo(favicon: str) -> Logo:
    """The logo of mkdocs.yml's `theme.favicon`: an SVG data address with a rounded <rect> and a <path>."""
    prefix = "data:image/svg+xml,"
    if not favicon.startswith(prefix):
        raise LogoError(
            f"theme.favicon in mkdocs.yml is {favicon[:40]!r}; the app icons are drawn from an SVG data address"
            " (data:image/svg+xml,…) with a <rect> and a <path>"
        )
    try:
        svg = ElementTree.fromstring(urllib.parse.unquote(favicon.removeprefix(prefix)))
    except ElementTree.ParseError as error:
        raise LogoError(f"theme.favicon in mkdocs.yml is not valid SVG ({error})") from None
    rect, path = svg.find(f"{SVG}rect"), svg.find(f"{SVG}path")
    view_box = (svg.get("viewBox") or "").split()
    if rect is None or path is None or len(view_box) != 4 or view_box[0:2] != ["0", "0"] or view_box[2] != view_box[3]:
        raise LogoError("theme.favicon in mkdocs.yml needs a square viewBox from 0 0, a <rect> background and a <path> figure")
    return Logo(
        size=float(view_box[2]),
        background=rect.get("fill") or "#000",
        radius=float(rect.get("rx") or 0),
        figure=path.get("fill") or "#fff",
        path=path.get("d") or "",
    )


def outlines(d: str) -> list[list[complex]]:
    """Each subpath of an SVG path as a closed polygon."""
    shapes: list[list[complex]] = []
    for segment in parse_path(d):
        if isinstance(segment, Move):
            shapes.append([segment.end])
            continue
        steps = 1 if type(segment).__name__ in ("Line", "Close") else SAMPLES
        shapes[-1] += [segment.point(step / steps) for step in range(1, steps + 1)]
    return [shape for shape in shapes if len(shape) > 2]


def draw_icon(logo: Logo, size: int, purpose: str) -> bytes:
    """The logo as a square PNG of `size` px: as the favicon draws it, or full-bleed for `maskable`."""
    big = size * SUPERSAMPLE
    if purpose == "maskable":
        image = Image.new("RGB", (big, big), logo.background)
        scale = big * MASKABLE_FIGURE / logo.size
        offset = big * (1 - MASKABLE_FIGURE) / 2
    else:
        image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
        scale, offset = big / logo.size, 0.0
        ImageDraw.Draw(image).rounded_rectangle((0, 0, big - 1, big - 1), radius=logo.radius * scale, fill=logo.background)
    draw = ImageDraw.Draw(image)
    for shape in outlines(logo.path):
        draw.polygon([(offset + p.real * scale, offset + p.imag * scale) for p in shape], fill=logo.figure)
    png = io.BytesIO()
    image.resize((size, size), Image.Resampling.LANCZOS).save(png, format="PNG")
    return png.getvalue()


def manifest(*, name: str, description: str, colour: str, lang: str) -> dict:
    """The web app manifest, with addresses relative to itself (it sits at the site's root), so any sub-path works."""
    return {
        "name": name,
        "short_name": SHORT_NAME,
        "description": description,
        "lang": lang,
        "id": "./",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        # The theme's teal, in the light and the dark palette alike (the header keeps it in both),
        # so the splash screen and the title bar match the page that follows in either.
        "theme_color": colour,
        "background_color": colour,
        "icons": [
            {"src": f"{ICON_FOLDER}/{file}", "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
            for file, size, purpose in ICONS
        ],
    }


def write_app(site_dir: Path, *, name: str, description: str, favicon: str, lang: str) -> list[str]:
    """Write the manifest and its icons into the site; returns the files written, below the site root."""
    logo = read_logo(favicon)
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", logo.background):
        raise LogoError(f"the favicon's background {logo.background!r} is not a #rrggbb colour the manifest can carry")
    written = []
    (site_dir / ICON_FOLDER).mkdir(parents=True, exist_ok=True)
    for file, size, purpose in ICONS:
        (site_dir / ICON_FOLDER / file).write_bytes(draw_icon(logo, size, purpose))
        written.append(f"{ICON_FOLDER}/{file}")
    text = json.dumps(manifest(name=name, description=description, colour=logo.background, lang=lang), indent=2, ensure_ascii=False)
    (site_dir / MANIFEST).write_text(text + "\n", encoding="utf-8")
    return [MANIFEST, *written]
