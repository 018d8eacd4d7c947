"""A page's front matter as an author writes it: valid YAML, with keys the site knows.

MkDocs reads front matter and, when its YAML is broken, silently treats it as page text: the
page is then published with its `---` block showing and no title, and every rule that reads
the front matter blames the wrong thing. So broken YAML is found here first and named as a
YAML error, with its line; a key no rule reads (`back_regoin:`) is named with the key it
most likely meant.
"""

from __future__ import annotations

import difflib
import re

import yaml

from backguide.facts import FACTS

# MkDocs' own pattern for a front matter block (mkdocs.utils.meta), so both find the same block.
BLOCK = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)

# The keys the guide reads (CONTENT.md, "Front matter"), and the page keys Material reads.
GUIDE_KEYS = frozenset({"title", "description", "method", "options", "reviewed", "next_review", *(fact.key for fact in FACTS)})
THEME_KEYS = frozenset({"template", "hide", "icon", "status", "subtitle", "search"})
KNOWN_KEYS = GUIDE_KEYS | THEME_KEYS


def unreadable(markdown: str) -> tuple[int | None, str] | None:
    """(line, message) when the front matter cannot be read as YAML: MkDocs would show it as text."""
    block = BLOCK.match(markdown)
    if block is None:
        if markdown.startswith("---\n") and "title:" in markdown.split("\n\n", 1)[0]:
            return (1, "starts a front matter block with --- but no line of --- closes it; add one below the last key")
        return None
    try:
        data = yaml.safe_load(block.group(1))
    except yaml.MarkedYAMLError as error:
        return _yaml_problem(block.group(1), error)
    except yaml.YAMLError as error:
        return (2, f"front matter is not valid YAML ({error}); write one  key: value  a line")
    if data is not None and not isinstance(data, dict):
        return (2, "front matter is not a list of  key: value  lines; write one key and its value a line")
    return None


def unknown_keys(markdown: str) -> list[tuple[int | None, str]]:
    """(line, message) for each front matter key no part of the site reads: a typo of a real one, most often."""
    block = BLOCK.match(markdown)
    if block is None or unreadable(markdown):
        return []
    data = yaml.safe_load(block.group(1)) or {}
    problems = []
    for key in data:
        if key not in KNOWN_KEYS:
            line = _line_of_key(block.group(1), str(key))
            close = difflib.get_close_matches(str(key), sorted(KNOWN_KEYS), n=1)
            fix = f"did you mean '{close[0]}'?" if close else f"the keys are those of CONTENT.md's front matter table ({', '.join(sorted(GUIDE_KEYS))})"
            problems.append((line, f"front matter has '{key}', which no part of the site reads; {fix}"))
    return problems


def _yaml_problem(text: str, error: yaml.MarkedYAMLError) -> tuple[int | None, str]:
    # An unclosed quote is found at the end of the block; the scalar it opened is where to look.
    opened = error.context_mark if "quoted scalar" in (error.context or "") else None
    mark = opened or error.problem_mark or error.context_mark
    # +2: YAML counts from 0, and the file's first line is the opening ---.
    line = mark.line + 2 if mark is not None else None
    column = f", column {mark.column + 1}" if mark is not None else ""
    lines = text.splitlines()
    source = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
    if "\t" in text:
        fix = "indent with spaces: YAML refuses tabs"
    elif source.count('"') % 2 or source.count("'") % 2:
        fix = "close the quote that this line opens"
    elif ": " in source.partition(": ")[2]:
        key, _, value = source.partition(": ")
        fix = f'put the value in quotes, as it holds ": ", so the line reads  {key.strip()}: "{value.strip()}"'
    else:
        fix = "write one  key: value  a line, and quote a value that holds a colon or starts with a quote"
    problem = "a quote is opened and never closed" if opened else (error.problem or "").strip()
    return line, f"front matter is not valid YAML ({problem}{column}), so the page would lose its title and facts; {fix}"


def _line_of_key(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=2):
        if re.match(rf"^{re.escape(key)}\s*:", line):
            return number
    return None
