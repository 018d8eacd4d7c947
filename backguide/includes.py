"""Every `--8<-- "name.md"` include of a page must exist, or the build stops with a clear message.

pymdownx.snippets (with check_paths) already fails on a missing include, but with a
traceback and without naming the page that asked for it, and that stops `mkdocs serve` for
every page. A misspelled safety include is how a warning would silently go missing, so
every page is checked before any is rendered, and the message names the page, its line, the
include and the closest real one.

Snippets has two forms, read here as it reads them: `--8<-- "name.md"` on one line, and a
line `--8<--` alone, which starts a block where every line is a file name until the next
`--8<--` line. A lone `--8<--` typed by mistake turns the lines below it into file names.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

from backguide.rules import Problem

# A one-line include: --8<-- "name.md" (single or double quotes, optionally indented). Markdown, not HTML.
INCLUDE = re.compile(r"""^[ \t]*-{1,}8<-{1,}[ \t]+(["'])([^"'\n]+)\1[ \t]*$""", re.MULTILINE)
# A line that opens or closes a block of file names.
BLOCK_MARKER = re.compile(r"^[ \t]*-{1,}8<-{1,}[ \t]*$")
# Snippets' own escape: ;--8<-- shows the marker as text.
ESCAPED = re.compile(r"^[ \t]*;+-{1,}8<-")


def included_files(markdown: str) -> list[tuple[int, str, bool]]:
    """(line number, file name, written in a block) of each include, as pymdownx.snippets reads them."""
    found = []
    block = False
    for number, line in enumerate(markdown.splitlines(), start=1):
        if ESCAPED.match(line):
            continue
        if BLOCK_MARKER.match(line):
            block = not block
            continue
        if block:
            name = line.strip()
            if name and not name.startswith(";"):
                found.append((number, _without_range(name), True))
            continue
        match = INCLUDE.match(line)
        if match:
            found.append((number, _without_range(match.group(2).strip()), False))
    return found


def _without_range(name: str) -> str:
    """name.md:3:5 or name.md:section -> name.md (snippets' line ranges and sections)."""
    return re.sub(r"(?i)(?::-?\d*)+(?:,[-\d:]*)*$|:[a-z][-_0-9a-z]*$", "", name) or name


def missing_includes(path: str, markdown: str, base_paths: list[Path], project: Path) -> list[Problem]:
    """One problem per include of the page that no base path holds; folders shown from `project`."""
    problems = []
    lines = markdown.splitlines()
    for number, name, in_block in included_files(markdown):
        if any((base / name).is_file() for base in base_paths):
            continue
        # Listed only for a missing include, so a good page costs one file check per include.
        available = sorted({p.name for base in base_paths if base.is_dir() for p in base.iterdir() if p.is_file()})
        close = difflib.get_close_matches(name, available, n=1)
        fix = f'did you mean "{close[0]}"?' if close else f"the includes are: {', '.join(available)}"
        where = ", ".join(os.path.relpath(base, project) + "/" for base in base_paths) or "no base_path"
        if in_block:
            problems.append(Problem(
                f"{path}:{number}",
                f"the line {lines[number - 1].strip()!r} is read as the name of a file to include, because a line"
                " '--8<--' on its own above it starts a list of files (until the next '--8<--'); remove the lone"
                ' --8<--, and write each include on one line, as  --8<-- "name.md"',
            ))
            break  # the rest of the block is the same mistake
        problems.append(Problem(f"{path}:{number}", f'includes "{name}", which is not in {where}; {fix}'))
    return problems


def included(markdown: str) -> set[str]:
    """The names of the files a page's Markdown includes."""
    return {name for _, name, _ in included_files(markdown)}
