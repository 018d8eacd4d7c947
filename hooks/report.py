"""Report everything the build found that an author must fix: stop the build, or show it under `mkdocs serve`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from backguide.build import site_build
from backguide.includes import included
from backguide.report import SERVE_NOTE, error_message, file_of, refusal_html, site_banner_html
from backguide.drawings import poses_file
from backguide.site import project_path

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


@event_priority(-100)  # last: after every page is read and judged, before any page is written
def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    build = site_build(config)
    problems = build.include_problems + build.problems
    if not problems:
        return env
    if not build.serving:
        raise PluginError(error_message(problems))
    print(f"{error_message(problems)}\n{SERVE_NOTE}", file=sys.stderr, flush=True)
    pages = {project_path(config, file): file.page for file in files.documentation_pages() if file.page}
    includes = {file_of(problem) for problem in build.include_problems}
    page_files = set(pages) | {poses_path(path) for path in pages}
    whole_site = [problem for problem in problems if file_of(problem) not in page_files | includes]
    for path, page in pages.items():
        # A page's own file, and the poses file beside it (docs/methods/chair.poses.yml).
        own = [problem for problem in problems if file_of(problem) in (path, poses_path(path))]
        pulled_in = [p for p in build.include_problems if file_of(p).rsplit("/", 1)[-1] in included(page.markdown or "")]
        if own or pulled_in:
            page.content = refusal_html(pulled_in + own)
        elif whole_site:
            page.content = site_banner_html(whole_site) + (page.content or "")
    return env


@event_priority(-99)  # after the checks of the written site, before the CSP hook seals the pages
def on_post_build(*, config: MkDocsConfig) -> None:
    build = site_build(config)
    if build.late_problems and not build.serving:
        raise PluginError(error_message(build.late_problems))
    if build.late_problems:
        print(f"{error_message(build.late_problems)}\n{SERVE_NOTE}", file=sys.stderr, flush=True)


def poses_path(page_path: str) -> str:
    """docs/methods/chair.md -> docs/methods/chair.poses.yml, as authors see both."""
    return poses_file(Path(page_path)).as_posix()
