"""Golden cases for the rendered gate (backguide.rendered): the site's own CSS and scripts, under every condition.

Each folder of tests/rendered_cases/ changes the site's own stylesheets or scripts:
`append/<path>` is added to the end of that project file (docs/stylesheets/extra.css,
docs/javascripts/share.js, ...), `page.txt` names the page judged (methods/chair/ unless
it says another), and `expected.txt` holds `ok` or the refusal: the page's file, the first
condition it was met in, the part and the rule, as the build prints it up to "; fix:"
(without "(and in N more conditions)", which grows with every breakpoint the site's CSS adds).
A line `names: <file>` says the fix must point at that file.

MkDocs copies docs/stylesheets/ and docs/javascripts/ to the site as they are, so the site
as it ships (the session's `site`) is copied once per case and each case's lines are added
to the file it ships as: a stylesheet the optimiser merged, to the one merged stylesheet
(backguide/optimise.py), any other file to itself. One run of the gate then judges every
case's page, each case on its own path of one local server, in one Chromium. A refused case is judged
in the one visit its expected condition names (refused_in); an `ok` case in all of them.
A new case is a new folder; no code changes.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
from pathlib import Path

import pytest

from backguide import optimise, rendered
from backguide.rendered import run as gate_run
from backguide.rendered.conditions import VISITS
from backguide.rendered.targets import targets
from project import ROOT

CASES = sorted(path for path in (ROOT / "tests" / "rendered_cases").iterdir() if path.is_dir())
DEFAULT_PAGE = "methods/chair/"
_MORE = re.compile(r" \(and in \d+ more conditions?\)")


def case_page(case: Path) -> str:
    file = case / "page.txt"
    return file.read_text().strip() if file.is_file() else DEFAULT_PAGE


def shown(message: str) -> str:
    """A refusal as a golden case keeps it: up to its fix, without the count of further conditions."""
    return _MORE.sub("", message.split("; fix:", 1)[0])


def refused_in(case: Path) -> tuple[str, ...] | None:
    """The one visit a refused case's expected condition is in ("at 400×711, phone, 3× screen, …"):
    the case is judged in that visit only, which proves the gate refuses it there at a seventh of
    the cost. A case expected to pass (`ok`) is judged in every visit, as a build judges a page."""
    expected = (case / "expected.txt").read_text().strip().splitlines()[0]
    condition = re.match(r"[^:]+: at \d+×\d+, (.*)", expected)
    if expected == "ok" or condition is None:
        return None
    names = sorted((visit.name for visit in VISITS if condition.group(1).startswith(visit.name)), key=len)
    assert names, f"{case.name}: expected.txt names no visit of backguide/rendered/conditions.py"
    return (names[-1],)


@pytest.fixture(scope="module")
def verdicts(chromium: str, site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list]:
    """Every case judged in one run of the gate: its problems, by case name."""
    work = tmp_path_factory.mktemp("rendered-cases")
    base = site_built = site
    merged = sorted((base / optimise.SHEET_FOLDER).glob("site.*.css"))
    served = work / "served"
    found, projects = [], {}
    for case in CASES:
        site = served / case.name
        shutil.copytree(site_built, site)
        project = work / "projects" / case.name
        shutil.copytree(ROOT / "docs", project / "docs")
        shutil.copytree(ROOT / "includes", project / "includes")
        for added in sorted((case / "append").rglob("*")) if (case / "append").is_dir() else []:
            if added.is_file():
                relative = added.relative_to(case / "append")
                shipped = site / relative.relative_to("docs")
                if not shipped.is_file() and merged:
                    shipped = site / merged[0].relative_to(base)
                for file in (project / relative, shipped):
                    file.write_text(file.read_text() + "\n" + added.read_text())
        projects[case.name] = project
        page = case_page(case)
        visits = refused_in(case)
        for target in targets(site, project):
            if target.url == page and not target.opened_as:
                found.append(dataclasses.replace(target, site=f"{case.name}/", path=f"{case.name}//{target.path}",
                                                 visits=visits or target.visits))
    result = gate_run.run(served, found, chromium)
    by_case: dict[str, list] = {case.name: [] for case in CASES}
    for finding in result.findings:
        by_case[finding.target.site.rstrip("/")].append(finding)
    verdict = {}
    for name, findings in by_case.items():
        problems = rendered._problems(findings, projects[name])
        texts = [text for text in result.texts if text[0].site == f"{name}/"]
        problems += rendered._steps_on_other_pages(texts)
        verdict[name] = [dataclasses.replace(problem, path=problem.path.split("//", 1)[1]) for problem in problems]
    return verdict


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_rendered_case(case: Path, verdicts: dict[str, list]) -> None:
    expected = (case / "expected.txt").read_text().strip().splitlines()
    problems = verdicts[case.name]
    if os.environ.get("RENDERED_CASES_WRITE") == "1" and problems and expected[0] == "?":
        (case / "expected.txt").write_text(shown(str(problems[0])) + "\n")
    if expected == ["ok"]:
        assert problems == [], "a change that keeps every warning readable is let through"
        return
    assert expected[0] in [shown(str(problem)) for problem in problems]
    for line in expected[1:]:
        if line.startswith("names: "):
            refusal = next(str(problem) for problem in problems if shown(str(problem)) == expected[0])
            assert line.removeprefix("names: ") in refusal
