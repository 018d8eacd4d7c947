"""The README's "Adding a method page", followed on a copy of the project with a sixth page.

The page, its nav line and its short link are taken from the README as written. The first
run of the tests must fail only on what the README's last steps add, naming the file and
the line; those lines are added as named, and the second run must pass. So the README's
steps are complete, and the tests count method pages from docs/, not to five.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from project import ROOT, copy_project

# Set in the copy's own test run, so this test doesn't run itself there.
INNER = "ADDING_A_METHOD_INNER_RUN"
EXTRA = ("tests", "support", "audit", "bench", "optimise", "source", "CONTENT.md", "README.md", "Makefile", "requirements.txt", "pyproject.toml", "pytest.ini")


def readme_section() -> str:
    text = (ROOT / "README.md").read_text()
    return text.split("## Adding a method page", 1)[1].split("\n## ", 1)[0]


def readme_block(language: str) -> str:
    """A fenced example of the README's section, as an author would copy it."""
    block = re.search(rf"```{language}\n(.*?)```", readme_section(), re.DOTALL).group(1)
    return "\n".join(line.removeprefix("   ") for line in block.splitlines()) + "\n"


def readme_page() -> tuple[str, str]:
    """(file name, Markdown) of the example page in the README."""
    nav = re.search(r"`\s*- \w+: (methods/[\w-]+\.md)`", readme_section()).group(1)
    return nav, readme_block("markdown")


def add_rows(content_md: str, section: str, rows: list[str]) -> str:
    """CONTENT.md with rows added at the end of one section's table."""
    head, rest = content_md.split(f"## {section}", 1)
    body, tail = rest.split("\n## ", 1)
    return head + f"## {section}" + body.rstrip("\n") + "\n" + "\n".join(dict.fromkeys(rows)) + "\n\n## " + tail


def run_tests(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--ignore=tests/browser",
         "-k", "not serve and not make_build and not reproducible and not workflow"],
        cwd=project,
        capture_output=True,
        text=True,
        # The copy has no audit tools (node_modules are not copied): their tests skip there.
        env={**os.environ, INNER: "1", "CI": "", "REQUIRE_AUDIT_TOOLS": "", "REQUIRE_BROWSER": ""},
    )


@pytest.mark.skipif(os.environ.get(INNER) == "1", reason="the copy's own run of the tests")
def test_a_sixth_method_page_added_by_the_readme_passes_the_tests(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", extra=EXTRA)
    shutil.rmtree(project / "tests" / "gate_cases" / "__pycache__", ignore_errors=True)
    src_uri, markdown = readme_page()
    (project / "docs" / src_uri).write_text(markdown)
    name = Path(src_uri).stem
    (project / "docs" / "methods" / f"{name}.poses.yml").write_text(readme_block("yaml"))  # step 2

    # Steps 2 and 4: the nav line and the short link, as the README writes them.
    config = project / "mkdocs.yml"
    text = config.read_text()
    text = text.replace("      - Foam roller: methods/foam-roller.md\n",
                        f"      - Foam roller: methods/foam-roller.md\n      - {name.title()}: {src_uri}\n")
    text = text.replace("        foam-roller.md: methods/foam-roller.md\n",
                        f"        foam-roller.md: methods/foam-roller.md\n        {name}.md: {src_uri}\n")
    config.write_text(text)

    first = run_tests(project)
    assert first.returncode != 0, "without its CONTENT.md rows and published addresses the page must fail"
    rows = re.findall(r"CONTENT\.md needs the row:  (\| [^{].*\|)$", first.stdout, re.MULTILINE)
    urls = re.findall(r"docs/published_urls\.txt needs the line:  (/\S*)$", first.stdout, re.MULTILINE)
    assert rows, first.stdout[-3000:]
    assert set(urls) == {f"/methods/{name}/", f"/methods/{name}/#before-you-start", f"/methods/{name}/#steps",
                         f"/methods/{name}/#good-to-know", f"/{name}/"}, first.stdout[-3000:]

    # Steps 3 and 5, as the failures name them.
    descriptions = re.findall(r"CONTENT\.md needs the description row:  (\| `docs/methods/.*\|)$", first.stdout, re.MULTILINE)
    assert descriptions, first.stdout[-3000:]
    content = project / "CONTENT.md"
    text = add_rows(content.read_text(), "Sentences not from the source", rows)
    content.write_text(add_rows(text, "Page descriptions", descriptions))
    url_list = project / "docs" / "published_urls.txt"
    url_list.write_text(url_list.read_text() + f"\n# {src_uri}\n" + "\n".join(dict.fromkeys(urls)) + "\n")

    second = run_tests(project)
    assert second.returncode == 0, second.stdout[-5000:]
    check = subprocess.run([Path(sys.executable).with_name("check-site"), str(tmp_path / "site-check")], capture_output=True)
    assert check.returncode != 0  # no site there: the command itself runs from the venv
