"""Every `--8<-- "name.md"` include of a page must exist, or the build stops with a clear message.

pymdownx.snippets (with check_paths) already fails on a missing include, but with a
traceback and without naming the page that asked for it. A misspelled safety include is
how a warning would silently go missing, so every page is checked before any is rendered,
and the message names the page, the include and the closest real one.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

# A block snippet line: --8<-- "name.md" (single or double quotes, optionally indented). Markdown, not HTML.
INCLUDE = re.compile(r"""^[ \t]*-{1,}8<-{1,}[ \t]+(["'])([^"'\n]+)\1[ \t]*$""", re.MULTILINE)


def missing_includes(path: str, markdown: str, base_paths: list[Path], project: Path) -> list[str]:
    """One line per include of the page that no base path holds; folders shown from `project`."""
    problems = []
    for match in INCLUDE.finditer(markdown):
        name = match.group(2).strip()
        if any((base / name).is_file() for base in base_paths):
            continue
        # Listed only for a missing include, so a good page costs one file check per include.
        available = sorted({p.name for base in base_paths if base.is_dir() for p in base.iterdir() if p.is_file()})
        close = difflib.get_close_matches(name, available, n=1)
        fix = f'did you mean "{close[0]}"?' if close else f"the includes are: {', '.join(available)}"
        where = ", ".join(os.path.relpath(base, project) + "/" for base in base_paths) or "no base_path"
        problems.append(f'{path}: includes "{name}", which is not in {where}; {fix}')
    return problems


def included(markdown: str) -> set[str]:
    """The names of the files a page's Markdown includes."""
    return {match.group(2).strip() for match in INCLUDE.finditer(markdown)}
