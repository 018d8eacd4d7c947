"""A drawing of each position, placed in the step it shows, from the pose data beside the page.

A page `methods/chair.md` keeps its poses in `methods/chair.poses.yml` (left out of the
built site by `exclude_docs`). Each pose is a few numbers for `backguide.figure`, an `alt`
text and an optional `caption`. The author puts a marker inside the step the drawing shows,
indented under the list item:

    2. Sit in the chair like you normally would, and relax.
        <!-- drawing: chair-sit -->

Python-Markdown keeps a comment inside a list item as it is, so the marker is found in the
rendered HTML and replaced there by a `<figure>`: the drawing sits in its step, never above
the steps, and the page's first step does not move.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any, Mapping

import yaml

from backguide import html
from backguide.figure import svg

MARKER = "drawing:"
POSES_SUFFIX = ".poses.yml"


class DrawingError(Exception):
    """A marker or a pose the build cannot draw; the message names the file and the fix."""


@dataclass(frozen=True)
class Drawing:
    name: str
    pose: Mapping[str, Any]

    @property
    def alt(self) -> str:
        return str(self.pose["alt"])

    @property
    def caption(self) -> str:
        return str(self.pose.get("caption") or "")

    def figure(self) -> str:
        """The drawing as a `<figure>`, kept out of the search index (its words are the step's)."""
        caption = f"<figcaption>{escape(self.caption, quote=False)}</figcaption>" if self.caption else ""
        return f'<figure class="drawing" data-pagefind-ignore>{svg(self.name, self.pose)}{caption}</figure>'


def poses_file(page_file: Path) -> Path:
    """methods/chair.md -> methods/chair.poses.yml"""
    return page_file.with_name(page_file.stem + POSES_SUFFIX)


def load_poses(path: Path, shown_as: str) -> dict[str, Drawing]:
    """The drawings of one poses file, each checked for its text alternative."""
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise DrawingError(f"{shown_as}: expected one entry per drawing, `name: {{alt: ..., body: ...}}`")
    drawings = {}
    for name, pose in data.items():
        if not isinstance(pose, dict) or not str(pose.get("alt") or "").strip():
            raise DrawingError(
                f'{shown_as}: drawing "{name}" has no alt text; add  alt: "<the position, in words>"'
                ' and list the sentence in CONTENT.md, "Sentences not from the source"'
            )
        if "body" not in pose:
            raise DrawingError(f'{shown_as}: drawing "{name}" has no body pose; add  body: {{...}}  (see backguide/figure.py)')
        drawings[str(name)] = Drawing(str(name), pose)
    return drawings


def markers(page_html: str) -> list[tuple[str, str]]:
    """Each drawing marker of the page, in order: (its exact HTML, the drawing's name)."""
    found = []
    for node, content in html.comments(html.content(page_html)):
        if content.strip().startswith(MARKER):
            found.append((node.html or "", content.strip().removeprefix(MARKER).strip()))
    return found


def with_drawings(page_html: str, drawings: Mapping[str, Drawing], page_shown_as: str, poses_shown_as: str) -> str:
    """The page with each marker replaced by its drawing; an unknown or repeated name stops the build."""
    seen: set[str] = set()
    for marker, name in markers(page_html):
        if name not in drawings:
            known = ", ".join(sorted(drawings)) or "none yet"
            raise DrawingError(
                f'{page_shown_as}: {marker} names no drawing in {poses_shown_as}; add a pose "{name}" there,'
                f" or use one it has ({known})"
            )
        if name in seen:
            raise DrawingError(f"{page_shown_as}: {marker} is used twice; each drawing appears once on a page")
        seen.add(name)
        page_html = page_html.replace(marker, drawings[name].figure(), 1)
    return page_html


def all_drawings(docs_dir: Path) -> dict[str, Drawing]:
    """Every drawing of the site, by name, in a fixed order: for the tests and the contact sheet."""
    found: dict[str, Drawing] = {}
    for path in sorted(docs_dir.rglob("*" + POSES_SUFFIX)):
        found.update(load_poses(path, path.as_posix()))
    return found
