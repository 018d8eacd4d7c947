"""The `after_first_paint` filter for the `scripts` block of overrides/main.html (backguide.after_paint)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backguide.after_paint import after_first_paint

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    env.filters["after_first_paint"] = after_first_paint
    return env
