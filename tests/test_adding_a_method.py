"""The README's "Adding a method page", followed word for word on a throw-away copy of the project.

Every block of that section says where it goes (`<!-- file: … -->` above it); this test puts
each one there, as an author copying them would, and the copy's tests must then pass on the
first run. The example's names (`wall`, "Method 6") are changed to ones no author would pick,
so the test never collides with a page an author has added. A failure shows the copy's
first failing test and its message, once.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from project import ROOT, copy_project

# Set in the copy's own test run, so this test doesn't run itself there.
INNER = "ADDING_A_METHOD_INNER_RUN"
EXTRA = ("tests", "audit", "bench", "support", "source", "CONTENT.md", "README.md", "Makefile", "requirements.txt",
         "pyproject.toml", "pytest.ini")
# What a new page touches: its build, content, drawings, addresses, lists, search, previews.
INNER_TESTS = ("test_content.py", "test_fidelity.py", "test_red_flags.py", "test_drawings.py", "test_published_urls.py",
               "test_method_finder.py", "test_search_index.py", "test_llms_txt.py", "test_link_previews.py",
               "test_check_site.py", "test_share_buttons.py")
# And the browser tests every method page gets: the ones run once per method page (picked by
# the page's name in their ids), and the ones that walk every method page inside one test.
BROWSER_TESTS = ("zq", "every_built_page_is_visited", "contact_sheet", "without_javascript_there_is_no_button",
                 "no_timer_where_the_source_gives_no_time", "one_step_of_each_method", "the_real_pages_pass_axe")
NAME = "zq-readme-example"
BLOCK = re.compile(r"<!-- file: (?P<where>[^>]+?) -->\s*\n(?P<indent>[ \t]*)```[\w-]*\n(?P<body>.*?)\n[ \t]*```", re.DOTALL)


def readme_section() -> str:
    text = (ROOT / "README.md").read_text()
    return text.split("## Adding a method page", 1)[1].split("\n## ", 1)[0]


def renamed(text: str) -> str:
    """The example under a name no author would pick: its file, addresses, drawing and number."""
    text = re.sub(r"\bwall(?=\.md|\.poses\.yml|/|-standing)", NAME, text)
    text = text.replace("- Wall:", "- Zq readme example:").replace("# Wall", "# Zq readme example")
    return text.replace("Method 6:", "Method 96:").replace("method: 6", "method: 96")


def readme_blocks() -> list[tuple[str, str]]:
    """(where it goes, the text) of each block of the README's section, names changed."""
    found = []
    for match in BLOCK.finditer(readme_section()):
        body = "\n".join(line.removeprefix(match.group("indent")) for line in match.group("body").splitlines())
        found.append((renamed(match.group("where")), renamed(body) + "\n"))
    return found


def add_rows(content_md: str, table: str, rows: str) -> str:
    """CONTENT.md with rows added at the end of one table."""
    head, rest = content_md.split(f"\n## {table}\n", 1)
    body, tail = rest.split("\n## ", 1) if "\n## " in rest else (rest, None)
    lines = body.rstrip("\n").split("\n")
    last = max(index for index, line in enumerate(lines) if line.startswith("|"))
    lines[last + 1 : last + 1] = rows.rstrip("\n").split("\n")
    updated = head + f"\n## {table}\n" + "\n".join(lines) + "\n"
    return updated + ("\n## " + tail if tail is not None else "")


def after_last(text: str, pattern: str, lines: str) -> str:
    """The text with `lines` inserted after the last line that matches `pattern`."""
    matches = list(re.finditer(pattern, text, re.MULTILINE))
    assert matches, f"nothing matches {pattern!r} to put the README's block after"
    end = text.index("\n", matches[-1].end()) + 1
    return text[:end] + lines + text[end:]


def put(project: Path, where: str, block: str) -> None:
    """Put one README block where its comment says, as an author would."""
    if where.startswith("docs/") and where.endswith((".md", ".yml")) and "," not in where:
        (project / where).write_text(block)
    elif where == "mkdocs.yml, nav, after the last method":
        config = project / "mkdocs.yml"
        config.write_text(after_last(config.read_text(), r"^      - [^:\n]+: methods/[\w-]+\.md$", block))
    elif where == "mkdocs.yml, redirect_maps, after the last short link":
        config = project / "mkdocs.yml"
        config.write_text(after_last(config.read_text(), r"^        [\w-]+\.md: methods/[\w-]+\.md$", block))
    elif where.startswith("CONTENT.md, table: "):
        content = project / "CONTENT.md"
        content.write_text(add_rows(content.read_text(), where.removeprefix("CONTENT.md, table: "), block))
    elif where == "docs/published_urls.txt, at the end":
        urls = project / "docs" / "published_urls.txt"
        urls.write_text(urls.read_text().rstrip("\n") + "\n\n" + block)
    else:
        raise AssertionError(f"the README puts a block in '{where}', which this test does not know how to follow")


def first_failure(output: str) -> str:
    """The first failing test of a pytest run and its message, without pytest's repeats."""
    match = re.search(r"^_{3,} (.+?) _{3,}$(.*?)(?=^_{3,} |^={3,})", output, re.MULTILINE | re.DOTALL)
    if not match:
        return output[-3000:]
    lines = [line for line in match.group(2).strip("\n").splitlines() if line.startswith("E ") or "Error" in line]
    return f"{match.group(1)}\n" + "\n".join(lines[:40] or match.group(2).splitlines()[-40:])


@pytest.mark.browser  # it runs the copy's browser tests too: `make test` runs it, `make test-fast` does not
@pytest.mark.skipif(os.environ.get(INNER) == "1", reason="the copy's own run of the tests")
def test_the_readme_example_passes_on_the_first_run(tmp_path: Path) -> None:
    blocks = readme_blocks()
    assert [where for where, _ in blocks][:2] == [f"docs/methods/{NAME}.md", f"docs/methods/{NAME}.poses.yml"]
    project = copy_project(tmp_path / "project", extra=EXTRA)
    for where, block in blocks:
        put(project, where, block)

    # The copy has no Node tools (node_modules are not copied): the optimiser is skipped there.
    # A missing Chromium fails the browser run where it fails this one (REQUIRE_BROWSER=1, CI).
    environment = {**os.environ, INNER: "1", "CI": "", "REQUIRE_AUDIT_TOOLS": ""}
    # One run, so the copy's site is built once: INNER_TESTS and the browser tests BROWSER_TESTS
    # picks (found first by a collection, which builds nothing).
    pytest_command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider"]
    collected = subprocess.run([*pytest_command, "--collect-only", "-q", "tests/browser", "-k", " or ".join(BROWSER_TESTS)],
                               cwd=project, capture_output=True, text=True, env=environment)
    browser_tests = [line for line in collected.stdout.splitlines() if line.startswith("tests/browser/") and "::" in line]
    assert browser_tests, f"no browser test was picked in the copy:\n{collected.stdout[-2000:]}{collected.stderr[-2000:]}"
    run = subprocess.run([*pytest_command, "-x", "-q", "--tb=short", *(f"tests/{name}" for name in INNER_TESTS), *browser_tests],
                         cwd=project, capture_output=True, text=True, env=environment)
    if run.returncode != 0:
        pytest.fail(f"the README's example, followed as written, fails the tests:\n{first_failure(run.stdout)}", pytrace=False)


def test_readme_blocks_are_read_with_their_names_changed() -> None:
    where = [where for where, _ in readme_blocks()]
    assert "mkdocs.yml, nav, after the last method" in where and "CONTENT.md, table: Glance facts" in where
    assert renamed("/methods/wall/#steps wall.md: methods/wall.md wall-standing a wall.") == (
        f"/methods/{NAME}/#steps {NAME}.md: methods/{NAME}.md {NAME}-standing a wall."
    )
