"""The safety gate: refuse to build a site whose method pages lack their warnings.

This file only adapts MkDocs events to `rules.check_method_page`; the rules live in
`rules.py` so that `check_site.py` and the tests run exactly the same checks.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from rules import Problem, check_method_page, is_method_page

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

# Problems found in this build; gathered so one build reports every bad page.
_problems: list[Problem] = []


# Hooks


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _problems.clear()  # mkdocs serve keeps this module between rebuilds
    return config


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if is_method_page(page.file.src_uri, page.meta):
        _problems.extend(check_method_page(docs_path(config, page.file), html, page.meta))
    return html


def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    # Raised after every page is checked and before any page is written, so a
    # failed build never leaves a half-written site behind.
    if _problems:
        raise PluginError(error_message(_problems))
    return env


# Helpers


def docs_path(config: MkDocsConfig, file: File) -> str:
    """A page's source path as an author would type it, e.g. docs/methods/chair.md."""
    project = os.path.dirname(config.config_file_path or ".")
    return os.path.relpath(file.abs_src_path or file.src_uri, project).replace(os.sep, "/")


def error_message(problems: list[Problem]) -> str:
    pages = len({problem.path for problem in problems})
    lines = "\n".join(f"  {problem}" for problem in problems)
    noun = "page" if pages == 1 else "pages"
    return f"Safety gate: {pages} method {noun} cannot be published yet:\n{lines}"
