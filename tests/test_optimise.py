"""The optimised site: each page's CSS inlined, no stylesheet to fetch, scripts after the first paint, CSP covering inline styles."""

from __future__ import annotations

import shutil
from pathlib import Path

from project import ROOT, build_site

from backguide import html
from backguide.after_paint import ATTRIBUTE
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


def test_no_page_links_a_stylesheet_and_none_ships(optimised_site: Path) -> None:
    """Each page's <style> is all its CSS: nothing to fetch before or after the first paint."""
    for file in sorted(optimised_site.rglob("*.html")):
        assert html.parse(file.read_text(encoding="utf-8")).css('link[rel="stylesheet"]') == [], file
    assert sorted(path.name for path in (optimised_site / "assets" / "stylesheets").glob("*.css")) == []
    assert not (optimised_site / "stylesheets" / "extra.css").exists()


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


def test_every_page_s_css_covers_the_states_its_scripts_set(optimised_site: Path) -> None:
    for file in method_page_files(optimised_site):
        css = head_of(file).css_first("style").text()
        assert [selector for selector in RUNTIME_SELECTORS if selector not in css] == [], file


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


def test_every_script_waits_for_the_first_paint(optimised_site: Path) -> None:
    """No page fetches a script while it parses: the after-paint loader adds them (backguide.after_paint)."""
    for file in sorted(optimised_site.rglob("*.html")):
        root = html.parse(file.read_text(encoding="utf-8"))
        if not root.css("head style"):
            continue  # a redirect page: no theme, no scripts
        assert [node.attributes["src"] for node in root.css("script[src]")] == [], file
        loader = root.css(f"script[{ATTRIBUTE}]")
        assert len(loader) == 1 and "bundle." in loader[0].attributes[ATTRIBUTE], file
