"""The safety gate: judge every page against the safety rules (backguide.gate); hooks/report.py reports."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from backguide.build import site_build
from backguide.built_page import check_built_page
from backguide.gate import check_page, raw_pages, read_checks
from backguide.printed_text import config_problems
from backguide.rules import Problem
from backguide.site import SourcePage, built_file, page_url, project_path, relative_to_project, short_links

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
    # What mkdocs.yml and the templates make the theme print on every page.
    overrides = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    printed = config_problems(config, overrides, relative_to_project(config, config.config_file_path or "mkdocs.yml"), short_links(config))
    build.include_problems += [Problem(path, message) for path, message in printed]
    return files


@event_priority(-100)  # last: it judges the final HTML, after every hook that changes a page
def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = site_build(config)
    if page.file.src_uri not in build.unreadable:  # a placeholder: its own problems are reported
        build.problems += check_page(SourcePage(page.file.src_uri, page.meta), project_path(config, page.file), html, build.checks)
    return html


# The written page: the template's header, the theme's chrome, and pages no Markdown makes ------


@event_priority(-90)  # after the hooks that change the page, before the CSP hook seals it
def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    build = site_build(config)
    # Under `mkdocs serve` a page with problems shows them in its place (hooks/report.py): that is not the page to judge.
    if page.file.src_uri not in build.unreadable and not (build.serving and (build.problems or build.include_problems)):
        source = SourcePage(page.file.src_uri, page.meta)
        messages = check_built_page(output, page.meta, is_method=source.is_method, has_source=True)
        build.late_problems += [Problem(project_path(config, page.file), message) for message in messages]
    return output


def on_post_template(output: str, /, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        messages = check_built_page(output, None, is_method=False, has_source=False)
        site_build(config).late_problems += [Problem(f"overrides/{template_name}", message) for message in messages]
    return output


@event_priority(-95)  # after mkdocs-redirects writes the short links' pages, before the report
def on_post_build(*, config: MkDocsConfig) -> None:
    build = site_build(config)
    for short in short_links(config):
        written = built_file(Path(config.site_dir), page_url(short))
        if written.is_file():
            messages = check_built_page(written.read_text(encoding="utf-8"), None, is_method=False, has_source=False)
            build.late_problems += [Problem(f"mkdocs.yml (redirect_maps: {short})", message) for message in messages]
