"""The rendered gate's plan and plumbing, without a browser: its covering set of conditions, what it
opens, its cache, and what the build does when there is no Chromium.

The browser half (every kind of CSS, script and condition refused, with its message) is
tests/browser/test_rendered_gate.py.
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from backguide import rendered, ship
from backguide.rendered import cache
from backguide.rendered.conditions import GRID, PAPER, VISITS, sweep_size, sweep_widths
from backguide.rendered.run import Finding
from backguide.rendered.targets import targets
from backguide.rules import Problem
from project import ROOT

# Material's own breakpoints, as the site's stylesheet declares them (px).
BREAKPOINTS = [392, 479, 719, 719.75, 720, 959.75, 960, 1219.75, 1220, 1600, 2000]


def probed(visit) -> set[tuple[int, int]]:
    sizes = {(visit.width, visit.height)}
    return sizes | {sweep_size(visit, width) for width in sweep_widths(visit, BREAKPOINTS)}


def test_every_width_is_met_in_light_and_in_dark() -> None:
    for scheme in ("light", "dark"):
        widths = {width for visit in VISITS if visit.scheme == scheme for width, _ in probed(visit)}
        assert set(GRID) <= widths, f"{scheme}: widths never tried: {sorted(set(GRID) - widths)}"


def test_the_grid_is_every_80_px_to_600_then_every_160() -> None:
    steps = [b - a for a, b in zip(GRID, GRID[1:])]
    assert GRID[0] == 320 and GRID[-1] == 1920
    assert all(step <= 80 for a, step in zip(GRID, steps) if a < 600) and all(step <= 160 for step in steps)


def test_every_range_between_breakpoints_is_met() -> None:
    widths = sweep_widths(next(visit for visit in VISITS if visit.sweep == "all"), BREAKPOINTS)
    edges = [320, *[point for point in BREAKPOINTS if 320 < point <= 1920], 1921]
    for low, high in zip(edges, edges[1:]):
        has_whole_width = int(low) + 1 <= high - 1 or float(low).is_integer()
        assert not has_whole_width or any(low <= width < high for width in widths), (low, high)


@pytest.mark.parametrize(
    "condition",
    ["reduced_motion", "more_contrast", "forced_colors", "stored_scheme", "touch", "second_visit", "follow_along"],
)
def test_each_other_condition_meets_several_widths(condition: str) -> None:
    widths = {width for visit in VISITS if getattr(visit, condition) for width, _ in probed(visit)}
    assert len(widths) >= 3, f"{condition} is tried at {sorted(widths)} only"


def test_both_orientations_both_scales_scripts_off_and_print() -> None:
    sizes = {size for visit in VISITS for size in probed(visit)}
    assert any(w > h for w, h in sizes) and any(w < h for w, h in sizes)
    assert {visit.scale for visit in VISITS} >= {1, 3}
    assert len({width for visit in VISITS if not visit.scripts for width, _ in probed(visit)}) >= 3
    assert {paper for visit in VISITS for paper in visit.print_on} == set(PAPER)
    assert {visit.scheme for visit in VISITS if visit.print_on} == {"light", "dark"}


def test_it_opens_every_shipped_html_file(site: Path) -> None:
    found = targets(site, ROOT)
    opened = {target.url for target in found}
    shipped = {path.relative_to(site).as_posix().removesuffix("index.html") for path in site.rglob("*.html")}
    assert shipped == opened
    assert {target.path for target in found if target.opened_as} == {
        target.path for target in found if target.method and not target.opened_as
    }, "every method page is also opened from its short link"


def test_same_bytes_same_key_and_the_site_address_does_not_count(site: Path, tmp_path: Path) -> None:
    chromium = shutil.which("sh")  # any file: the key reads the browser's size and date, not its version
    url = ship.site_url_of(site)
    assert url and url.startswith("http://127.0.0.1:")
    first = cache.key(site, ROOT, chromium, url)
    assert cache.key(site, ROOT, chromium, url) == first
    moved = tmp_path / "site"
    shutil.copytree(site, moved)
    other = b"https://example.github.io/crack-your-back/"
    def readdressed(data: bytes) -> bytes:  # with its scheme, and without (the printed short address)
        return data.replace(url.encode(), other).replace(url.encode().split(b"://")[1], other.split(b"://")[1])

    for file in (path for path in moved.rglob("*") if path.is_file()):  # as a build for that address writes it
        data = file.read_bytes()
        if file.suffix == ".gz":
            file.write_bytes(gzip.compress(readdressed(gzip.decompress(data)), mtime=0))
        else:
            file.write_bytes(readdressed(data))
    assert cache.key(moved, ROOT, chromium, "https://example.github.io/crack-your-back/") == first
    style = next(moved.rglob("*.css"))
    style.write_text(style.read_text() + "\n.md-typeset .safety-panel { display: none }\n")
    assert cache.key(moved, ROOT, chromium, "https://example.github.io/crack-your-back/") != first


def test_a_cached_verdict_is_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.CACHE_VARIABLE, str(tmp_path))
    assert cache.load("abc") is None
    cache.store("abc", [Problem("docs/methods/chair.md", "at 400×711, light: …")])
    assert cache.load("abc") == [Problem("docs/methods/chair.md", "at 400×711, light: …")]


def test_one_problem_per_page_part_and_rule_naming_its_first_condition() -> None:
    target = targets_stub()
    light, dark = VISITS[1], VISITS[2]
    from backguide.rendered.conditions import Moment

    findings = [
        Finding(target, 'the "Stop if it hurts" warning', "is not shown (display: none)", Moment(dark, 1560, 878)),
        Finding(target, 'the "Stop if it hurts" warning', "is not shown (display: none)", Moment(light, 1560, 1575)),
        Finding(target, 'the "Stop if it hurts" warning', "is not shown (display: none)", Moment(light, 1720, 1675)),
    ]
    [problem] = rendered._problems(findings, ROOT)
    assert problem.path == "docs/methods/chair.md"
    assert problem.message.startswith(
        'at 1560×1575, light (and in 2 more conditions): the "Stop if it hurts" warning is not shown (display: none); fix: '
    )


def targets_stub():
    from backguide.rendered.targets import Target

    return Target("docs/methods/chair.md", "methods/chair/", "methods/chair.md", True)


def test_without_chromium_the_build_says_so_in_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(rendered, "find_chromium", lambda: None)
    monkeypatch.delenv("REQUIRE_BROWSER", raising=False)
    line = ship.rendered_gate(tmp_path, ROOT)
    assert line.startswith("rendered gate: skipped, no Chromium") and "\n" not in line


def test_with_require_browser_a_missing_chromium_stops_the_build(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(rendered, "find_chromium", lambda: None)
    monkeypatch.setenv("REQUIRE_BROWSER", "1")
    with pytest.raises(ship.ShipError, match=r"^rendered gate: REQUIRE_BROWSER=1 but no Chromium"):
        ship.rendered_gate(tmp_path, ROOT)


def test_the_pages_workflow_requires_the_browser() -> None:
    import yaml

    job = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text())["jobs"]["build"]
    [build] = [step for step in job["steps"] if step.get("run") == "make build"]
    assert build["env"]["REQUIRE_BROWSER"] == "1"


def test_a_real_build_for_another_address_has_the_same_key(site: Path, tmp_path: Path) -> None:
    """As the audit builds for its own port: the printed short address and the service worker's
    digests differ, and the verdict of the tests' build is still reused. A changed worker is not."""
    chromium = shutil.which("sh")
    other = "http://127.0.0.1:1/"
    built = ship.build_site(tmp_path / "site", config_file=ROOT / "mkdocs.yml", site_url=other, rendered=False).site
    assert cache.key(built, ROOT, chromium, other) == cache.key(site, ROOT, chromium, ship.site_url_of(site))
    worker = built / "sw.js"
    worker.write_text(worker.read_text() + "\nself.addEventListener('fetch', () => {});\n")
    assert cache.key(built, ROOT, chromium, other) != cache.key(site, ROOT, chromium, ship.site_url_of(site))
