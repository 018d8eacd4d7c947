"""Every include a page asks for exists; a page whose includes are missing is not rendered as written.

pymdownx.snippets would stop the whole build, and freeze `mkdocs serve`, on a missing include:
such a page is marked unreadable, and hooks/pages.py renders a placeholder in its place.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from backguide.build import site_build
from backguide.includes import missing_includes
from backguide.site import project_path

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files



@event_priority(100)  # first: before any page is read or rendered
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    build = site_build(config)
    base_paths = [Path(path) for path in config.mdx_configs.get("pymdownx.snippets", {}).get("base_path", [])]
    project = Path(config.config_file_path or ".").parent
    for file in files.documentation_pages():
        problems = missing_includes(project_path(config, file), file.content_string, base_paths, project)
        if problems:
            build.problems += problems
            build.unreadable.add(file.src_uri)
    return files
