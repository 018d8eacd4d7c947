"""Replace each `<!-- drawing: name -->` marker with its drawing, from the poses file beside the page."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from backguide.build import site_build
from backguide.drawings import DrawingError, load_poses, poses_file, with_drawings
from backguide.report import problem_from
from backguide.site import project_path, relative_to_project

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


# Default priority: before the safety gate (-100), which judges the page with its drawings.
def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "drawing:" not in html or not page.file.abs_src_path:
        return html
    poses = poses_file(Path(page.file.abs_src_path))
    poses_shown_as = relative_to_project(config, poses)
    try:
        return with_drawings(html, load_poses(poses, poses_shown_as), project_path(config, page.file), poses_shown_as)
    except DrawingError as error:  # reported with every other problem (hooks/report.py)
        site_build(config).problems.append(problem_from(str(error), project_path(config, page.file)))
        return html
