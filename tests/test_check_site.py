"""The same rules without MkDocs: the check-site command over the built site."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from backguide.check_site import check_site
from backguide.site import front_matter, source_pages
from project import ROOT

DOCS = ROOT / "docs"


def run_check(site_dir: Path, docs_dir: Path = DOCS) -> subprocess.CompletedProcess:
    return subprocess.run(
        [Path(sys.executable).with_name("check-site"), str(site_dir), "--docs", str(docs_dir)],
        capture_output=True,
        text=True,
    )


def test_the_real_site_passes(site: Path) -> None:
    methods = len([page for page in source_pages(DOCS) if page.is_method])
    assert check_site(site, DOCS) == (methods, [])
    result = run_check(site)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"check-site: {methods} method pages of {site} have their safety warnings\n"


def test_a_page_stripped_after_the_build_is_caught(site: Path, tmp_path: Path) -> None:
    copy = shutil.copytree(site, tmp_path / "site")
    page = copy / "methods" / "foam-roller" / "index.html"
    html = page.read_text()
    start = html.index('<div class="admonition danger">')
    page.write_text(html[:start] + html[html.index("</div>", start) + len("</div>") :])

    result = run_check(copy)
    assert result.returncode == 1
    assert result.stderr == (
        "docs/methods/foam-roller.md: the 'Stop if it hurts' warning is missing above the first step;"
        ' add  --8<-- "stop-if-painful.md"  before the steps\n'
        f"check-site: 1 problem(s) on the method pages of {copy}\n"
    )


def test_a_missing_built_page_is_caught(site: Path, tmp_path: Path) -> None:
    copy = shutil.copytree(site, tmp_path / "site")
    shutil.rmtree(copy / "methods" / "chair")
    _, problems = check_site(copy, DOCS)
    assert [str(p) for p in problems] == [
        f"docs/methods/chair.md: is a method page, but {copy}/methods/chair/index.html is missing; build the site first"
    ]


def test_no_method_pages_is_a_failure(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    result = run_check(tmp_path, tmp_path / "docs")
    assert result.returncode == 1
    assert "no method pages found" in result.stderr


def test_front_matter_reads_like_mkdocs() -> None:
    assert front_matter("---\ntitle: A\nmethod: 2\n---\n# A\n") == {"title": "A", "method": 2}
    assert front_matter("---\ndescription: broken: yaml\n---\n") == {}
    assert front_matter("# No front matter\n") == {}
