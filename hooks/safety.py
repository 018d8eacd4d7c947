"""The safety gate: refuse to build a site with a page that breaks the safety rules (backguide.gate)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from backguide.build import site_build
from backguide.gate import SERVE_NOTE, check_page, raw_pages, read_checks, refusal_html
from backguide.includes import included
from backguide.rules import error_message
from backguide.site import SourcePage, project_path, relative_to_project

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


@event_priority(80)  # after the include check, before any page is rendered
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    build = site_build(config)
    project = Path(config.config_file_path or ".").parent
    includes = [Path(path) for path in config.mdx_configs.get("pymdownx.snippets", {}).get("base_path", [])]
    build.checks, build.include_problems = read_checks(project, includes)
    in_docs = [file for file in files if file.abs_src_path and Path(file.abs_src_path).is_relative_to(config.docs_dir)]
    build.include_problems += raw_pages([relative_to_project(config, file.abs_src_path) for file in in_docs])
    return files


@event_priority(-100)  # last: it judges the final HTML, after every hook that changes a page
def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = site_build(config)
    problems = check_page(SourcePage(page.file.src_uri, page.meta), project_path(config, page.file), html, build.checks)
    build.problems += problems
    # Under `mkdocs serve` a page that pulls in a broken include shows that include's fault.
    pulled_in = [problem for problem in build.include_problems if Path(problem.path).name in included(page.markdown or "")]
    if build.serving and (problems or pulled_in):
        return refusal_html(pulled_in + problems)
    return html


@event_priority(-100)  # after every page is judged, and before any page is written
def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    build = site_build(config)
    problems = build.include_problems + build.problems
    if problems and build.serving:
        print(f"{error_message(problems)}\n{SERVE_NOTE}", file=sys.stderr, flush=True)
    elif problems:
        raise PluginError(error_message(problems))
    return env
