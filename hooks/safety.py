"""The safety gate: judge every page against the safety rules (backguide.gate); hooks/report.py reports."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from backguide.build import site_build
from backguide.gate import check_page, raw_pages, read_checks
from backguide.site import SourcePage, project_path, relative_to_project

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


@event_priority(80)  # after the include check, before any page is rendered
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    build = site_build(config)
    project = Path(config.config_file_path or ".").parent
    includes = [Path(path) for path in config.mdx_configs.get("pymdownx.snippets", {}).get("base_path", [])]
    build.checks, problems = read_checks(project, includes)
    in_docs = [file for file in files if file.abs_src_path and Path(file.abs_src_path).is_relative_to(config.docs_dir)]
    build.include_problems += problems + raw_pages([relative_to_project(config, file.abs_src_path) for file in in_docs])
    return files


@event_priority(-100)  # last: it judges the final HTML, after every hook that changes a page
def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = site_build(config)
    if page.file.src_uri not in build.unreadable:  # a placeholder: its own problems are reported
        build.problems += check_page(SourcePage(page.file.src_uri, page.meta), project_path(config, page.file), html, build.checks)
    return html
