"""Read each page's poses file once per build, and replace each `<!-- drawing: name -->` marker with its drawing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from backguide.build import site_build
from backguide.drawings import MARKER, POSES_SUFFIX, DrawingError, load_drawings, page_of, poses_file, with_drawings
from backguide.report import problem_from
from backguide.rules import Problem
from backguide.site import project_path, relative_to_project

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


@event_priority(80)  # after the pages are read, before the method lists show each method's drawing
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    drawings = site_build(config).drawings
    for file in files.documentation_pages():
        if file.abs_src_path and (path := poses_file(Path(file.abs_src_path))).exists():
            try:
                drawings[file.src_uri] = load_drawings(path, relative_to_project(config, path))
            except DrawingError as error:  # reported with every other problem (hooks/report.py)
                site_build(config).problems.append(problem_from(str(error), relative_to_project(config, path)))
                drawings[file.src_uri] = None  # its markers are left alone: one mistake, one message
    pages = {Path(file.abs_src_path).resolve() for file in files.documentation_pages() if file.abs_src_path}
    for path in sorted(Path(config.docs_dir).rglob("*" + POSES_SUFFIX)):
        if (page := page_of(path)).resolve() not in pages:
            site_build(config).problems.append(Problem(
                relative_to_project(config, path),
                f"is beside no page ({page.name} is not in docs/), so its drawings are never shown;"
                f" name it after the page it draws for, e.g. chair.md's is chair{POSES_SUFFIX}",
            ))
    return files


# Default priority: before the safety gate (-100), which judges the page with its drawings.
def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    drawings = site_build(config).drawings.get(page.file.src_uri, {})
    if drawings is None or MARKER not in html or not page.file.abs_src_path:
        return html
    poses_shown_as = relative_to_project(config, poses_file(Path(page.file.abs_src_path)))
    try:
        return with_drawings(html, drawings, project_path(config, page.file), poses_shown_as, page.file.content_string)
    except DrawingError as error:  # reported with every other problem; the page keeps its markers
        site_build(config).problems.append(problem_from(str(error), project_path(config, page.file)))
        return html
