"""The `scripts_after_first_paint` filter for the `scripts` block of overrides/main.html (backguide.first_paint)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backguide.first_paint import scripts_after_first_paint

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    env.filters["scripts_after_first_paint"] = scripts_after_first_paint
    return env
