"""The same rules without MkDocs: the check-site command over the built site."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from backguide.check_site import check_site
from backguide.site import front_matter, source_pages
from project import ROOT

PAGES = len(source_pages(ROOT / "docs"))


def run_check(site_dir: Path, project: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [Path(sys.executable).with_name("check-site"), str(site_dir), "--project", str(project)],
        capture_output=True,
        text=True,
    )


def test_the_real_site_passes(site: Path) -> None:
    assert check_site(site, ROOT) == (PAGES, [])
    result = run_check(site)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"check-site: {PAGES} pages of {site} pass the safety rules\n"


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
        ' add  --8<-- "stop-if-painful.md"  inside the safety panel, before the steps\n'
        f"check-site: 1 problem(s) in {copy}\n"
    )


def test_a_page_changed_after_the_build_is_caught(site: Path, tmp_path: Path) -> None:
    """What the build refuses, check-site refuses on the built page too: here a style that hides the panel."""
    copy = shutil.copytree(site, tmp_path / "site")
    page = copy / "methods" / "chair" / "index.html"
    page.write_text(page.read_text().replace('<div class="safety-panel">', '<div class="safety-panel" inert>', 1))
    _, problems = check_site(copy, ROOT)
    assert [str(problem) for problem in problems] == [
        "docs/methods/chair.md: the safety panel carries 'inert', which can hide it or keep it from screen readers;"
        ' write it as  <div class="safety-panel" markdown>  with nothing added'
    ]


def test_a_raw_html_page_in_the_site_is_caught(site: Path, tmp_path: Path) -> None:
    copy = shutil.copytree(site, tmp_path / "site")
    (copy / "methods" / "quick.html").write_text("<!doctype html><title>Quick</title><ol><li>Lean back hard.</li></ol>")
    _, problems = check_site(copy, ROOT)
    assert [str(problem) for problem in problems] == [
        "site/methods/quick.html: is published at /methods/quick.html but comes from no Markdown page of docs/,"
        " so no safety rule judged it; write it as a Markdown page in docs/ and delete the HTML file"
    ]


def test_a_missing_built_page_is_caught(site: Path, tmp_path: Path) -> None:
    copy = shutil.copytree(site, tmp_path / "site")
    shutil.rmtree(copy / "methods" / "chair")
    _, problems = check_site(copy, ROOT)
    assert [str(p) for p in problems] == [
        f"docs/methods/chair.md: is a page of docs/, but {copy}/methods/chair/index.html is missing; build the site first"
    ]


def test_no_pages_is_a_failure(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    result = run_check(tmp_path, tmp_path)
    assert result.returncode == 1
    assert "no pages found" in result.stderr


def test_front_matter_reads_like_mkdocs() -> None:
    assert front_matter("---\ntitle: A\nmethod: 2\n---\n# A\n") == {"title": "A", "method": 2}
    assert front_matter("---\ndescription: broken: yaml\n---\n") == {}
    assert front_matter("# No front matter\n") == {}


def _problems_after(site: Path, tmp_path: Path, file: str, old: str, new: str) -> list[str]:
    copy = shutil.copytree(site, tmp_path / "site")
    page = copy / file
    text = page.read_text()
    assert old in text, f"{old!r} is not in {file}"
    page.write_text(text.replace(old, new, 1))
    return [str(problem) for problem in check_site(copy, ROOT)[1]]


def test_the_404_page_is_judged(site: Path, tmp_path: Path) -> None:
    problems = _problems_after(site, tmp_path, "404.html", "<h1>Page not found</h1>", "<h1>Page not found</h1><p>Lie flat and pull your knees to your chest.</p>")
    assert len(problems) == 1 and problems[0].startswith('overrides/404.html: says "Lie flat and pull your knees to your chest."'), problems


def test_a_short_links_page_is_judged(site: Path, tmp_path: Path) -> None:
    problems = _problems_after(site, tmp_path, "chair/index.html", "You're being redirected", "Lean back over the chair now. You're being redirected")
    assert len(problems) == 1 and problems[0].startswith('site/chair/index.html: says "Lean back over the chair now."'), problems


def test_the_chrome_is_judged_by_its_words(site: Path, tmp_path: Path) -> None:
    problems = _problems_after(site, tmp_path, "rules/index.html", '<span class="md-ellipsis">\n            How to Crack Your Own Back', '<span class="md-ellipsis">\n            Sit down, then lean back hard')
    assert problems and "in the theme's header, menu or footer" in problems[0], problems


def test_a_banner_is_refused(site: Path, tmp_path: Path) -> None:
    problems = _problems_after(site, tmp_path, "methods/chair/index.html", '<div data-md-component="announce">', '<div data-md-component="announce"><aside class="md-banner">Most readers can skip the warnings.</aside>')
    assert any("shows a banner above its content" in problem for problem in problems), problems


def test_autofocus_in_the_written_page_is_refused(site: Path, tmp_path: Path) -> None:
    problems = _problems_after(site, tmp_path, "methods/chair/index.html", '<h2 id="steps">', '<h2 id="steps" autofocus>')
    assert problems == ["docs/methods/chair.md: has autofocus on <h2>, which opens the page scrolled to it, past the warnings; remove it"]


def test_a_line_the_template_adds_above_the_warnings_is_refused(site: Path, tmp_path: Path) -> None:
    problems = _problems_after(site, tmp_path, "methods/chair/index.html", "<p class=\"method-summary\">", "<p>Sit down and lean back.</p><p class=\"method-summary\">")
    assert problems == [
        'docs/methods/chair.md: a paragraph ("Sit down and lean back.") comes before the safety warnings; only the template\'s title,'
        " summary, 'At a glance' box, drawing and option map, and the 'Before you start' heading may come before them, so move it"
        " below the steps (steps themselves belong in the numbered list under the warnings)"
    ]
