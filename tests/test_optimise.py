"""The optimised site: critical CSS inlined, no stylesheet blocking the first paint, CSP covering inline styles."""

from __future__ import annotations

import shutil
from pathlib import Path

from project import ROOT, build_site

from backguide import html
from backguide.csp import check_policy, directives, inline_styles, script_hash, with_policy
from backguide.optimise import optimise_site
from backguide.site import built_page, method_pages, source_pages

# What the first screen of a method page cannot paint without: the header bar, the title,
# the warnings, and the dark scheme a reader's system may ask for before any script runs.
CRITICAL_SELECTORS = (".md-header", ".md-typeset h1", ".admonition", "[data-md-color-scheme=slate]")


def method_page_files(site: Path) -> list[Path]:
    return [built_page(site, page.src_uri) for page in method_pages(source_pages(ROOT / "docs"))]


def head_of(file: Path) -> html.Node:
    return html.parse(file.read_text(encoding="utf-8")).css_first("head")


def test_every_method_page_inlines_its_critical_css(optimised_site: Path) -> None:
    for file in method_page_files(optimised_site):
        styles = head_of(file).css("style")
        assert len(styles) == 1, f"{file}: {len(styles)} inline <style> in the head, expected the critical CSS"
        css = styles[0].text()
        assert [selector for selector in CRITICAL_SELECTORS if selector not in css] == [], file


def test_no_stylesheet_blocks_rendering_on_a_method_page(optimised_site: Path) -> None:
    for file in method_page_files(optimised_site):
        blocking = [
            link.attributes.get("href")
            for link in head_of(file).css('link[rel="stylesheet"]')
            if (link.attributes.get("media") or "all") != "print"
            and not any(parent.tag == "noscript" for parent in html.ancestors(link))
        ]
        assert blocking == [], f"{file}: render-blocking stylesheets {blocking}"


def test_one_stylesheet_is_left_and_it_is_merged(optimised_site: Path) -> None:
    sheets = sorted(path.name for path in (optimised_site / "assets" / "stylesheets").glob("*.css"))
    assert len(sheets) == 1 and sheets[0].startswith("site."), sheets
    assert not (optimised_site / "stylesheets" / "extra.css").exists()


def test_the_policy_covers_every_inline_style(optimised_site: Path) -> None:
    for file in sorted(optimised_site.rglob("*.html")):
        assert check_policy(file.read_text(encoding="utf-8")) == [], file


def test_an_unhashed_inline_style_is_refused() -> None:
    page = '<!doctype html><html><head><meta charset="utf-8">{}</head><body></body></html>'
    sealed = with_policy(page.format("<style>h1{color:red}</style>"))
    assert check_policy(sealed) == []
    tampered = sealed.replace("color:red", "color:blue")
    assert check_policy(tampered) == ["inline style not allowed by style-src: 'h1{color:blue}'"]
    loosened = sealed.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
    assert "style-src allows 'unsafe-inline'" in check_policy(loosened)


def test_the_optimiser_gives_the_same_bytes_twice(optimised_site: Path, tmp_path: Path) -> None:
    first = build_site(ROOT / "mkdocs.yml", tmp_path / "first")
    second = tmp_path / "second"
    shutil.copytree(first, second)
    optimise_site(first)
    optimise_site(second)
    names = sorted(path.relative_to(first).as_posix() for path in first.rglob("*") if path.is_file())
    assert names == sorted(path.relative_to(second).as_posix() for path in second.rglob("*") if path.is_file())
    assert [name for name in names if (first / name).read_bytes() != (second / name).read_bytes()] == []


def test_every_policy_allows_every_page_s_critical_css(optimised_site: Path) -> None:
    """Instant navigation brings the next page's `<style>` into the first page's document."""
    pages = [file.read_text(encoding="utf-8") for file in sorted(optimised_site.rglob("*.html"))]
    hashes = {script_hash(style) for page in pages for style in inline_styles(page)}
    for page in pages:
        if inline_styles(page):
            policy = html.parse(page).css_first('meta[http-equiv="Content-Security-Policy"]').attributes["content"]
            assert hashes <= set(directives(policy)["style-src"])


def test_the_stylesheet_waits_for_the_first_frame(optimised_site: Path) -> None:
    for file in method_page_files(optimised_site):
        head = head_of(file)
        deferred = head.css('link[rel="stylesheet"][media="print"]')
        assert deferred and all("disabled" in link.attributes for link in deferred), file
