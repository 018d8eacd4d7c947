"""The optimised site: one stylesheet named by its content for every page, scripts after the first paint, a policy no page depends on."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from project import ROOT, build_site

from backguide import html, optimise, ship
from backguide.csp import check_policy, directives, policy_tags, with_policy
from backguide.first_paint import ATTRIBUTE, LOADER
from backguide.optimise import optimise_site, relinked, sheet_path, site_sheet, stylesheet_links
from backguide.site import built_page, method_pages, source_pages

# What the first screen of a method page cannot paint without: the header bar, the title,
# the warnings, and the dark scheme a reader's system may ask for before any script runs.
FIRST_SCREEN_SELECTORS = (".md-header", ".md-typeset h1", ".admonition", "[data-md-color-scheme=slate]")
# Rules for states scripts give a page after it loads: the open drawer's current page and
# the TOC's current section, the header's shadow, the search dialog open with its results
# (built by Pagefind in script), instant navigation's progress bar, the confirmation dialog.
RUNTIME_SELECTORS = (
    ".md-nav__link--active",
    ".md-header--shadow",
    ".search-dialog mark",
    "pagefind-highlight",
    ".md-progress",
    ".md-dialog--active",
)


def themed_pages(site: Path) -> list[Path]:
    """Every page with the theme: not the short links' redirect pages, which have no head to style."""
    return [file for file in sorted(site.rglob("*.html")) if html.parse(file.read_text(encoding="utf-8")).css("header")]


def method_page_files(site: Path) -> list[Path]:
    return [built_page(site, page.src_uri) for page in method_pages(source_pages(ROOT / "docs"))]


def test_every_page_links_the_one_site_stylesheet_and_nothing_else(optimised_site: Path) -> None:
    sheet = site_sheet(optimised_site).relative_to(optimised_site).as_posix()
    for file in themed_pages(optimised_site):
        page, name = file.read_text(encoding="utf-8"), file.relative_to(optimised_site).as_posix()
        assert [sheet_path(optimised_site, name, href) for _, href in stylesheet_links(page)] == [sheet], file
        assert html.parse(page).css("style") == [], file
    shipped_css = sorted(path.relative_to(optimised_site).as_posix() for path in optimised_site.rglob("*.css"))
    # Besides Pagefind's, the one other sheet is the follow-along view's: no page links it, the
    # view adds it when a reader opens it (issue 20: its styles load only then).
    on_demand = ("pagefind/", "stylesheets/follow-along.css")
    assert [path for path in shipped_css if not path.startswith(on_demand)] == [sheet]


def test_the_stylesheet_is_named_by_its_content(optimised_site: Path) -> None:
    """A changed stylesheet is a new address: a browser's cached copy, or an old tab, never gets the wrong bytes."""
    sheet = site_sheet(optimised_site)
    assert sheet.name == f"site.{hashlib.sha256(sheet.read_bytes()).hexdigest()[:10]}.css"


def test_the_stylesheet_covers_the_first_screen_and_the_states_scripts_set(optimised_site: Path) -> None:
    css = site_sheet(optimised_site).read_text(encoding="utf-8")
    assert [selector for selector in FIRST_SCREEN_SELECTORS + RUNTIME_SELECTORS if selector not in css] == []


def test_a_page_s_policy_depends_on_that_page_alone(optimised_site: Path) -> None:
    """The policy of a page, written again from the page alone, is the same: no other page's hash is in it, and
    style-src is 'self', so the policy's size does not grow with the site (`make bench` shows it at 1,000 pages)."""
    for file in sorted(optimised_site.rglob("*.html")):
        page = file.read_text(encoding="utf-8")
        tag = policy_tags(html.parse(page))[0]
        assert with_policy(page.replace(tag.html, "")) == page, file
        assert directives(tag.attributes["content"])["style-src"] == ["'self'"], file
        assert check_policy(page) == [], file


def test_an_inline_style_is_refused() -> None:
    page = with_policy('<!doctype html><html><head><meta charset="utf-8"><style>h1{color:red}</style></head></html>')
    assert check_policy(page) == [
        "inline <style> 'h1{color:red}': put it in a stylesheet (docs/stylesheets/extra.css);"
        " a page reached by instant navigation keeps the first page's policy"
    ]
    loosened = page.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
    assert "style-src allows more than 'self': 'unsafe-inline'" in check_policy(loosened)


def test_every_script_starts_after_the_first_paint(optimised_site: Path) -> None:
    """No page fetches a script while it parses: the loader adds them once it has painted (backguide.first_paint)."""
    for file in themed_pages(optimised_site):
        root = html.parse(file.read_text(encoding="utf-8"))
        assert [node.attributes["src"] for node in root.css("script[src]")] == [], file
        loader = root.css(f"script[{ATTRIBUTE}]")
        assert len(loader) == 1 and "bundle." in loader[0].attributes[ATTRIBUTE], file
        assert loader[0].text() == LOADER, file  # one text on every page: one hash in every policy


def test_the_optimiser_gives_the_same_bytes_twice(optimised_site: Path, tmp_path: Path) -> None:
    first = build_site(ROOT / "mkdocs.yml", tmp_path / "first")
    second = tmp_path / "second"
    shutil.copytree(first, second)
    optimise_site(first)
    optimise_site(second)
    names = sorted(path.relative_to(first).as_posix() for path in first.rglob("*") if path.is_file())
    assert names == sorted(path.relative_to(second).as_posix() for path in second.rglob("*") if path.is_file())
    assert [name for name in names if (first / name).read_bytes() != (second / name).read_bytes()] == []


# Links, on strings --------------------------------------------------------------------------

PAGE = """<head>
      <link rel="stylesheet" href="{prefix}assets/stylesheets/main.1.min.css">
      <link rel="stylesheet" href="{prefix}stylesheets/extra.css">
</head>"""


@pytest.mark.parametrize("prefix", ["../../", "", "/", "/guide/"], ids=["nested", "home", "absolute", "base-path"])
def test_links_are_replaced_by_one_that_keeps_the_way_to_the_root(prefix: str) -> None:
    page = PAGE.format(prefix=prefix)
    links = [(tag, href, href.removeprefix(prefix)) for tag, href in stylesheet_links(page)]
    assert relinked(page, links, "assets/stylesheets/site.0123456789.css") == (
        f'<head>\n      <link rel="stylesheet" href="{prefix}assets/stylesheets/site.0123456789.css">\n</head>'
    )


def test_a_link_is_resolved_to_its_file(tmp_path: Path) -> None:
    (tmp_path / "assets" / "stylesheets").mkdir(parents=True)
    (tmp_path / "assets" / "stylesheets" / "main.css").write_text("")
    for page, href in [("methods/chair/index.html", "../../assets/stylesheets/main.css"), ("index.html", "assets/stylesheets/main.css"),
                       ("404.html", "/assets/stylesheets/main.css"), ("404.html", "/guide/assets/stylesheets/main.css")]:
        assert sheet_path(tmp_path, page, href) == "assets/stylesheets/main.css"
    assert sheet_path(tmp_path, "index.html", "missing.css") is None


# When the optimiser cannot run --------------------------------------------------------------


def fake_node(folder: Path, version: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / "node").write_text(f"#!/bin/sh\necho {version}\n")
    (folder / "node").chmod(0o755)


def test_node_s_real_version_is_what_counts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Node 20.20 runs the optimiser; Node 18 is named as too old, with the version the lock needs."""
    (tmp_path / "package-lock.json").write_text("{}")
    (tmp_path / "installed").write_text("")  # newer than the lock, as `make optimise-tools` leaves it
    monkeypatch.setattr(optimise, "LOCK", tmp_path / "package-lock.json")
    monkeypatch.setattr(optimise, "INSTALLED", tmp_path / "installed")
    fake_node(tmp_path / "bin", "v20.20.2")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    assert optimise.node() == str(tmp_path / "bin" / "node")
    fake_node(tmp_path / "bin", "v18.19.0")
    with pytest.raises(optimise.OptimiserMissing) as missing:
        optimise.node()
    assert str(missing.value) == (
        "Node v18.19.0 is older than the optimiser needs: install Node 20.19.0 or newer,"
        " then run `make optimise-tools` (npm ci in optimise/)"
    )
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    with pytest.raises(optimise.OptimiserMissing, match=r"^Node is not installed: install Node 20\.19\.0 or newer"):
        optimise.node()


def tiny_project(folder: Path) -> Path:
    """A one-page Material site: enough for MkDocs to write stylesheets for the optimiser to merge."""
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# Home\n")
    (folder / "mkdocs.yml").write_text("site_name: Tiny\nsite_url: http://127.0.0.1:8000/\ntheme:\n  name: material\n  font: false\n")
    return folder / "mkdocs.yml"


def test_in_ci_a_missing_optimiser_stops_the_build_with_one_line(tmp_path: Path) -> None:
    config_file = tiny_project(tmp_path / "project")
    built = subprocess.run(
        [Path(sys.executable).with_name("build-site"), str(tmp_path / "site"), "--config-file", str(config_file)],
        capture_output=True, text=True, env={**os.environ, "CI": "true", "PATH": str(tmp_path / "no-node")},
    )
    assert built.returncode == 1
    assert built.stderr.splitlines()[-1] == (
        "optimise: Node is not installed: install Node 20.19.0 or newer, then run `make optimise-tools` (npm ci in optimise/)"
    )
    assert not (tmp_path / "site").exists() and not (tmp_path / ".site-next").exists()


def test_on_a_laptop_the_plain_site_is_built_and_said_to_differ(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("REQUIRE_AUDIT_TOOLS", raising=False)

    def missing(site: Path):
        raise optimise.OptimiserMissing("Node is not installed: …")

    monkeypatch.setattr(optimise, "optimise_site", missing)
    assert ship.optimise_or_skip(Path("site")) == (None, "Node is not installed: …")
    shipped = ship.Shipped(Path("site"), None, "Node is not installed: …", 5)
    assert not shipped.ships_as_built
    assert "optimise: skipped, so this is not the site that ships: Node is not installed: …" in shipped.report()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(ship.ShipError, match=r"^optimise: Node is not installed"):
        ship.optimise_or_skip(Path("site"))


def test_make_build_runs_the_one_build() -> None:
    """The Makefile's build is build-site: no second recipe to drift from the tests' and the audit's."""
    recipe = re.search(r"^build: .*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(), re.MULTILINE).group(1)
    assert recipe.strip() == "$(BIN)/build-site site"
