"""A drawing of each position, placed in the step it shows, from the pose file beside the page.

A page `methods/chair.md` keeps its poses in `methods/chair.poses.yml` (left out of the
built site by `exclude_docs`; read by `backguide.poses`). The author puts a marker inside
the step the drawing shows, indented under the list item:

    2. Sit in the chair like you normally would, and relax.
        <!-- drawing: chair-sit -->

Python-Markdown keeps a comment inside a list item as it is, so the marker is found in the
rendered HTML and replaced there by a `<figure>`: the drawing sits in its step, never above
the steps, and the page's first step does not move.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Mapping

from backguide import html
from backguide.figure import pose_problems, svg
from backguide.poses import POSES_SUFFIX, DrawingError, Pose, author_error, load_poses, page_of, poses_file, shown_path

MARKER = "drawing:"
EMPTY_PARAGRAPH = re.compile(r"<p>\s*</p>")

__all__ = ["POSES_SUFFIX", "page_of", "DrawingError", "Drawing", "load_drawings", "poses_file", "with_drawings", "all_drawings", "main_drawing", "main_pose", "pictures"]


@dataclass(frozen=True)
class Drawing:
    pose: Pose

    @property
    def name(self) -> str:
        return self.pose.name

    @property
    def alt(self) -> str:
        return self.pose.alt

    @property
    def caption(self) -> str:
        return self.pose.caption

    def figure(self) -> str:
        """The drawing as a `<figure>`, kept out of the search index (its words are the step's)."""
        caption = f"<figcaption>{escape(self.caption, quote=False)}</figcaption>" if self.caption else ""
        return f'<figure class="drawing" data-pagefind-ignore>{svg(self.pose)}{caption}</figure>'

    def thumbnail(self, css_class: str = "method-thumb") -> str:
        """The drawing as a small picture beside a link that names the method: hidden from screen readers."""
        return svg(self.pose, decorative=True, css_class=css_class)


def checked(pose: Pose) -> Drawing:
    """A drawing whose body rests where it should: the plausibility checks, run on every build."""
    problems = pose_problems(pose)
    if problems:
        key, problem = problems[0]
        raise pose.error(problem, key)
    return Drawing(pose)


def load_drawings(path: Path, shown_as: str) -> dict[str, Drawing]:
    """Every drawing of one poses file, read and checked; the first problem raises DrawingError."""
    return {name: checked(pose) for name, pose in load_poses(path, shown_as).items()}


def main_drawing(drawings: Mapping[str, Drawing]) -> Drawing | None:
    """The page's picture for cards and link previews: the one marked `main: true`, else the first."""
    marked = [drawing for drawing in drawings.values() if drawing.pose.main]
    return marked[0] if marked else next(iter(drawings.values()), None)


def main_pose(drawings: Mapping[str, Drawing] | Exception | None) -> Pose | None:
    """The pose of a page's main drawing, for its link preview card; none for a page without drawings."""
    main = main_drawing(drawings) if drawings and not isinstance(drawings, Exception) else None
    return main.pose if main else None


def pictures(by_page: Mapping[str, Mapping[str, Drawing] | Exception | None]) -> dict[str, str]:
    """Each page's main drawing as a small picture, by the page's src_uri; a page whose poses are broken (None) has none."""
    found = {}
    for src_uri, drawings in by_page.items():
        main = main_drawing(drawings) if drawings and not isinstance(drawings, Exception) else None
        if main:
            found[src_uri] = main.thumbnail()
    return found


def markers(page_html: str) -> list[tuple[str, str, bool]]:
    """Each drawing marker of the page, in order: (its exact HTML, the drawing's name, inside a paragraph?)."""
    found = []
    for node, content in html.comments(html.content(page_html)):
        if content.strip().startswith(MARKER):
            in_paragraph = node.parent is not None and node.parent.tag == "p"
            found.append((node.html or "", content.strip().removeprefix(MARKER).strip(), in_paragraph))
    return found


def marker_line(markdown: str, name: str) -> int | None:
    """The line of the page's Markdown where the marker for `name` is, for the message."""
    pattern = re.compile(r"<!--\s*" + re.escape(MARKER) + r"\s*" + re.escape(name) + r"\s*-->")
    for number, line in enumerate(markdown.splitlines(), start=1):
        if pattern.search(line):
            return number
    return None


def with_drawings(
    page_html: str, drawings: Mapping[str, Drawing], page_shown_as: str, poses_shown_as: str, markdown: str = ""
) -> str:
    """The page with each marker replaced by its drawing; an unknown or repeated name stops the build."""
    seen: set[str] = set()
    split_a_paragraph = False
    for marker, name, in_paragraph in markers(page_html):
        line = marker_line(markdown, name)
        if not name:
            raise author_error(page_shown_as, line, None, f"{marker} names no drawing; write  <!-- drawing: name -->  with a pose of {poses_shown_as}")
        if name not in drawings:
            known = ", ".join(sorted(drawings)) or "none yet"
            raise author_error(
                page_shown_as, line, name,
                f"no drawing of this name in {poses_shown_as}; add a pose '{name}' there, or use one it has ({known})",
            )
        if name in seen:
            raise author_error(page_shown_as, line, name, "this drawing is placed twice on the page; keep one marker")
        seen.add(name)
        figure = drawings[name].figure()
        if in_paragraph:
            # A marker on the line under a step's text (no blank line) lands in its <p>, where
            # a <figure> is not allowed: close the paragraph round it, and drop an empty half.
            figure = f"</p>{figure}<p>"
            split_a_paragraph = True
        page_html = page_html.replace(marker, figure, 1)
    # Only a page whose paragraph this split loses its empty halves; no other page is touched.
    return EMPTY_PARAGRAPH.sub("", page_html) if split_a_paragraph else page_html


def all_drawings(docs_dir: Path, root: Path | None = None) -> dict[str, Drawing]:
    """Every drawing of the site, by name, in a fixed order: for the tests and the contact sheet."""
    found: dict[str, Drawing] = {}
    for path in sorted(docs_dir.rglob("*" + POSES_SUFFIX)):
        found.update(load_drawings(path, shown_path(path, root or docs_dir.parent)))
    return found
