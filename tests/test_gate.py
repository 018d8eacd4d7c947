"""Golden build cases for the safety gate, and the gate on the real site.

Each folder in tests/gate_cases/ is a small site: its docs/ and an expected.txt that
holds either `ok` or the exact error the build must stop with. A new case is a new
folder; no test code changes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from backguide.check_site import check_site
from backguide.published_urls import current_urls
from project import ROOT, build_site, copy_project, gate_error
from test_content import DOCS
from test_content import METHOD_PAGES as METHOD_URIS

CASES = sorted(path for path in (ROOT / "tests" / "gate_cases").iterdir() if path.is_dir())
METHOD_PAGES = [DOCS / src_uri for src_uri in METHOD_URIS]


def case_site(case: Path, dest: Path) -> Path:
    """The project's own config, includes and gate, with the case's pages as docs/.

    A case may also bring includes/ and overrides/ files (laid over the project's; `<template>.edit.yml`
    changes the project's own template instead, see edit_template), and a project-files.txt
    naming more of the project's files to copy (CONTENT.md: then the rules that read it judge
    the case too). Without a help page of its own it gets the project's, which the red-flag
    line of every method page links to.
    """
    copy_project(dest)
    shutil.rmtree(dest / "docs")
    shutil.copytree(case / "docs", dest / "docs")
    if not (dest / "docs" / "help.md").exists():
        shutil.copy2(ROOT / "docs" / "help.md", dest / "docs" / "help.md")
    if (case / "includes").is_dir():
        shutil.copytree(case / "includes", dest / "includes", dirs_exist_ok=True)
    if (case / "overrides.yml").is_file():
        shutil.copy2(case / "overrides.yml", dest / "overrides.yml")
    if (case / "overrides").is_dir():  # templates laid over the project's (a 404 page, an announce block)
        shutil.copytree(case / "overrides", dest / "overrides", dirs_exist_ok=True)
        for edit in sorted((dest / "overrides").rglob("*.edit.yml")):
            edit_template(edit)
    if not (dest / "docs" / "published_urls.txt").exists():  # a case lists what it publishes, or nothing is checked
        (dest / "docs" / "published_urls.txt").write_text("".join(f"{url}\n" for url in case_urls(dest / "docs")))
    wanted = case / "project-files.txt"
    for name in wanted.read_text().split() if wanted.exists() else []:
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(ROOT / name, dest / name)
    # A page with a drawing marker draws from the real page's poses, unless it brings its own.
    for page in (dest / "docs").rglob("*.md"):
        poses = page.with_suffix(".poses.yml")
        real = ROOT / "docs" / poses.relative_to(dest / "docs")
        if "drawing:" in page.read_text() and not poses.exists() and real.exists():
            shutil.copy2(real, poses)
    return dest / "mkdocs.yml"


def edit_template(edit: Path) -> None:
    """overrides/method.html.edit.yml: a list of {find, put} made in the project's own
    overrides/method.html, so a case keeps up with the real template instead of a stale copy."""
    template = edit.with_name(edit.name.removesuffix(".edit.yml"))
    text = template.read_text()
    for change in yaml.safe_load(edit.read_text()):
        assert text.count(change["find"]) == 1, f"{edit}: {change['find']!r} is not once in {template.name}; update the case"
        text = text.replace(change["find"], change["put"])
    template.write_text(text)
    edit.unlink()


def case_urls(docs: Path) -> list[str]:
    """Every address a case's pages publish: a case about something else lists them all."""
    pages = [(path.relative_to(docs).as_posix(), path.read_text()) for path in sorted(docs.rglob("*.md"))]
    return current_urls(pages, [])


def case_overrides(config_file: Path) -> dict:
    # The checks an author's mistake meets and the report of them: the other hooks and plugins
    # need pages these small sites do not have.
    project = config_file.parent
    pages = sorted(path.relative_to(project / "docs").as_posix() for path in (project / "docs").rglob("*.md"))
    names = ("includes_exist.py", "pages.py", "method_layout.py", "drawings.py", "follow_along.py", "links.py", "published_urls.py", "safety.py", "report.py")
    hooks = [str(project / "hooks" / name) for name in names]
    overrides = {"hooks": hooks, "plugins": [], "nav": pages}
    # A case may set its own nav or plugins (a page left out of the nav, a short link).
    if (project / "overrides.yml").is_file():
        overrides |= yaml.safe_load((project / "overrides.yml").read_text())
    return overrides


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_gate_case(case: Path, tmp_path: Path) -> None:
    config_file = case_site(case, tmp_path)
    expected = (case / "expected.txt").read_text().strip()
    if expected == "ok":
        build_site(config_file, tmp_path / "site", **case_overrides(config_file))
    else:
        assert gate_error(config_file, tmp_path / "site", **case_overrides(config_file)) == expected


@pytest.mark.parametrize("page", METHOD_PAGES, ids=lambda page: page.stem)
def test_removing_the_warning_from_a_real_page_stops_the_build(page: Path, tmp_path: Path) -> None:
    copy_project(tmp_path)
    copy = tmp_path / page.relative_to(ROOT)
    copy.write_text(copy.read_text().replace('--8<-- "stop-if-painful.md"', ""))
    assert gate_error(tmp_path / "mkdocs.yml", tmp_path / "site") == (
        "Cannot publish yet, 1 file to fix:\n"
        f"  {page.relative_to(ROOT).as_posix()}: the 'Stop if it hurts' warning is missing above the first step;"
        ' add  --8<-- "stop-if-painful.md"  inside the safety panel, before the steps'
    )


def test_every_real_page_passes(site: Path) -> None:
    """A false alarm is a defect too: each real method page, as built, passes every rule."""
    assert check_site(site, ROOT) == (len(list(DOCS.rglob("*.md"))), [])


@pytest.mark.parametrize(
    "flags", [[], ["-q"], ["--strict"], ["--strict", "-q"]], ids=["plain", "quiet", "strict", "strict-quiet"]
)
def test_the_gate_stops_the_command_line_build_in_every_mode(flags: list[str], tmp_path: Path) -> None:
    config_file = case_site(ROOT / "tests" / "gate_cases" / "warning-missing", tmp_path)
    hooks = "hooks:\n  - hooks/safety.py\n  - hooks/report.py\n"
    text = config_file.read_text()
    config_file.write_text(text.split("\nhooks:\n")[0] + "\n" + hooks + "\n" + text.split("\nhooks:\n")[1].split("\n\n", 1)[1])
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *flags],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 1
    assert "docs/methods/chair.md: the 'Stop if it hurts' warning is missing above the first step" in result.stderr


# Each refusal's fix, applied: the message leads to a page that passes -----------------------------
#
# A case whose build is refused brings `fix/`: the files an author has after doing what the
# message says, laid over the case (fix/docs/methods/chair.md replaces docs/methods/chair.md;
# an empty fix/docs/methods/quick.html.deleted deletes docs/methods/quick.html).
# The fixed case must build. A refused case without `fix/` is listed in WITHOUT_A_FIX until
# someone writes its fix; a case that gains one leaves the list.

WITHOUT_A_FIX = ROOT / "tests" / "gate_cases" / "without-a-fix.txt"
REFUSED = [case for case in CASES if (case / "expected.txt").read_text().strip() != "ok"]


def listed_without_a_fix() -> set[str]:
    lines = WITHOUT_A_FIX.read_text().splitlines() if WITHOUT_A_FIX.exists() else []
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def test_every_refused_case_has_its_fix_or_is_listed_without_one() -> None:
    missing = sorted(case.name for case in REFUSED if not (case / "fix").is_dir())
    listed = listed_without_a_fix()
    assert [name for name in missing if name not in listed] == [], f"write a fix/ for these cases, or list them in {WITHOUT_A_FIX.name}"
    assert sorted(listed - set(missing)) == [], f"these cases have a fix/ now (or are gone): take them out of {WITHOUT_A_FIX.name}"


@pytest.mark.parametrize("case", [case for case in REFUSED if (case / "fix").is_dir()], ids=lambda case: case.name)
def test_doing_what_the_message_says_makes_a_page_that_passes(case: Path, tmp_path: Path) -> None:
    fixed = tmp_path / "case"
    shutil.copytree(case, fixed, ignore=shutil.ignore_patterns("fix"))
    shutil.copytree(case / "fix", fixed, dirs_exist_ok=True)
    for marker in fixed.rglob("*.deleted"):  # fix/docs/methods/quick.html.deleted: the fix deletes that file
        marker.with_suffix("").unlink()
        marker.unlink()
    config_file = case_site(fixed, tmp_path / "project")
    build_site(config_file, tmp_path / "site", **case_overrides(config_file))
