"""Stop the build with a clear message when a page includes a file that does not exist."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from backguide.includes import missing_includes
from backguide.site import project_path

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


@event_priority(100)  # first: before any page is read or rendered
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    base_paths = [Path(path) for path in config.mdx_configs.get("pymdownx.snippets", {}).get("base_path", [])]
    project = Path(config.config_file_path or ".").parent
    problems = []
    for file in files.documentation_pages():
        problems += missing_includes(project_path(config, file), file.content_string, base_paths, project)
    if problems:
        raise PluginError("Missing includes:\n" + "\n".join(f"  {problem}" for problem in problems))
    return files
