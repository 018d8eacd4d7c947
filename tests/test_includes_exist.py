"""Every --8<-- include names a file in includes/, or the build says which page and which file."""

from __future__ import annotations

from pathlib import Path

from backguide.includes import missing_includes
from project import ROOT

INCLUDES = [ROOT / "includes"]


def test_every_real_page_includes_only_files_that_exist() -> None:
    docs = ROOT / "docs"
    problems = [
        problem
        for page in sorted(docs.rglob("*.md"))
        for problem in missing_includes(f"docs/{page.relative_to(docs)}", page.read_text(), INCLUDES, ROOT)
    ]
    assert problems == []


def test_a_misspelled_include_names_its_line_and_the_real_one() -> None:
    assert [str(p) for p in missing_includes("docs/x.md", 'Hello.\n\n--8<-- "disc-problem.md"\n', INCLUDES, ROOT)] == [
        'docs/x.md:3: includes "disc-problem.md", which is not in includes/; did you mean "disc-problems.md"?'
    ]


def test_an_indented_include_in_single_quotes_is_checked_too() -> None:
    markdown = "1. Step\n\n    --8<-- 'stop-if-painful.md'\n\n    --8<-- 'nothing-like-it.md'\n"
    [problem] = missing_includes("docs/x.md", markdown, INCLUDES, ROOT)
    assert str(problem).startswith('docs/x.md:5: includes "nothing-like-it.md", which is not in includes/; the includes are: ')


def test_a_lone_marker_turns_the_lines_below_into_file_names() -> None:
    markdown = '--8<-- "stop-if-painful.md"\n--8<--\n</div>\n'
    assert [str(p) for p in missing_includes("docs/x.md", markdown, INCLUDES, ROOT)] == [
        "docs/x.md:3: the line '</div>' is read as the name of a file to include, because a line '--8<--' on its own"
        " above it starts a list of files (until the next '--8<--'); remove the lone --8<--, and write each"
        ' include on one line, as  --8<-- "name.md"'
    ]


def test_a_block_of_real_files_and_line_ranges_pass() -> None:
    markdown = '--8<--\nstop-if-painful.md\n\ndisc-problems.md:1:3\n--8<--\n;--8<-- "escaped.md"\n'
    assert missing_includes("docs/x.md", markdown, INCLUDES, ROOT) == []


def test_an_inline_mention_is_not_an_include(tmp_path: Path) -> None:
    assert missing_includes("docs/x.md", 'Write `--8<-- "name.md"` to include a file.\n', INCLUDES, ROOT) == []
