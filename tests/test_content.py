"""The guide as published: every source sentence, nothing unreviewed, front matter, nav, no other hosts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from urllib.parse import urlsplit
from backguide import html
from backguide import site as site_paths
import yaml
from project import ROOT, SITE_URL
from mkdocs.utils.meta import get_data
from backguide.check_site import page_content
from backguide.rules import check_front_matter, check_warnings, is_method_page
from site_text import (
    CONTENT_MD,
    SOURCE,
    article,
    page_sentences,
    reviewed_sentences,
    unpublished,
    unreviewed,
)

DOCS = ROOT / "docs"
PAGES = sorted(path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md"))
METHOD_PAGES = [uri for uri in PAGES if is_method_page(uri, get_data((DOCS / uri).read_text())[1])]


def built_page(site: Path, src_uri: str) -> str:
    """The built HTML of a Markdown page."""
    return site_paths.built_page(site, src_uri).read_text()


def test_the_owners_five_methods_have_their_pages() -> None:
    """The source's five methods are published; a page added later joins them, it doesn't replace one."""
    assert {"methods/chair.md", "methods/floor.md", "methods/foam-roller.md", "methods/sitting.md",
            "methods/standing.md"} <= set(METHOD_PAGES)


# Fidelity ------------------------------------------------------------------------------------


def test_every_source_sentence_is_published(site: Path) -> None:
    site_text = " ".join(html.text(article(built_page(site, uri)), frozenset({"headerlink"})) for uri in PAGES)
    assert unpublished(SOURCE.read_text(), site_text) == []


def test_a_dropped_source_sentence_is_named() -> None:
    source = "Method 9: Test\nKeep this. Drop this one.\n"
    assert unpublished(source, "<h1>Method 9: Test</h1> Keep this.") == ["Drop this one."]


@pytest.mark.parametrize("src_uri", PAGES)
def test_every_sentence_is_from_the_source_or_reviewed(site: Path, src_uri: str) -> None:
    sentences = page_sentences(built_page(site, src_uri))
    reviewed = reviewed_sentences(CONTENT_MD.read_text())
    missing = unreviewed(sentences, SOURCE.read_text(), reviewed)
    rows = "\n".join(f"CONTENT.md needs the row:  | {s} | `docs/{src_uri}` | (why it was added) |" for s in missing)
    assert missing == [], f"sentences of docs/{src_uri} that are not from the source; list each for review:\n{rows}"


def test_an_unreviewed_sentence_is_named() -> None:
    page = '<article><p>Lie on your back. Crack your neck hard.</p></article>'
    assert unreviewed(page_sentences(page), "Lie on your back.", []) == ["Crack your neck hard."]


def test_content_md_lists_only_sentences_the_site_shows(site: Path) -> None:
    shown = {s for uri in PAGES for s in page_sentences(built_page(site, uri))}
    stale = [s for s in reviewed_sentences(CONTENT_MD.read_text()) if s not in shown]
    assert stale == [], "CONTENT.md lists sentences no page shows; remove them or fix their wording"


# Method pages ------------------------------------------------------------------------------


@pytest.mark.parametrize("src_uri", METHOD_PAGES)
def test_front_matter(src_uri: str) -> None:
    _, meta = get_data((DOCS / src_uri).read_text())
    assert check_front_matter(meta) == []


@pytest.mark.parametrize("src_uri", METHOD_PAGES)
def test_warnings_come_before_the_first_step(site: Path, src_uri: str) -> None:
    _, meta = get_data((DOCS / src_uri).read_text())
    assert check_warnings(page_content(built_page(site, src_uri)), meta) == []


@pytest.mark.parametrize("src_uri", METHOD_PAGES)
def test_at_a_glance_comes_first(site: Path, src_uri: str) -> None:
    html = built_page(site, src_uri)
    assert html.index('class="at-a-glance"') < html.index('class="admonition danger"') < html.index("<ol>")


def test_method_urls_are_short_and_stable(site: Path) -> None:
    for src_uri in METHOD_PAGES:
        assert site_paths.built_page(site, src_uri).is_file(), src_uri


FLOOR_OPTIONS = ("side-twist", "stretch-and-corpse-pose", "knees-to-chest", "knee-across")


def test_floor_options_have_explicit_anchors(site: Path) -> None:
    page = html.article(html.parse(built_page(site, "methods/floor.md")))
    headings = [(h2.attributes.get("id"), html.text(h2)) for h2 in page.css("h2") if html.text(h2).startswith("Option #")]
    assert [(anchor, text[:9]) for anchor, text in headings] == [
        (anchor, f"Option #{n}") for n, anchor in enumerate(FLOOR_OPTIONS, start=1)
    ]


def test_every_heading_has_an_explicit_id() -> None:
    """Auto-generated slugs change when a heading is reworded, and shared links break."""
    missing = [
        f"{uri}: {line}"
        for uri in PAGES
        for line in (DOCS / uri).read_text().splitlines()
        if re.match(r"#{2,6} ", line) and not re.search(r"\{#[a-z0-9-]+\}\s*$", line)
    ]
    assert missing == []


def test_home_page_overview_links_every_method(site: Path) -> None:
    """One card per method page, in the order of their `method:` numbers, each with its three facts."""
    overview = html.parse(built_page(site, "index.md")).css_first(".method-overview")
    links = [a.attributes["href"] for a in overview.css("a")]
    by_number = sorted(METHOD_PAGES, key=lambda uri: get_data((DOCS / uri).read_text())[1].get("method", 999))
    assert links == [site_paths.page_url(uri).lstrip("/") for uri in by_number]
    text = html.text(overview)
    for fact in ("You need:", "Position:", "Works on:"):
        assert text.count(fact) == len(METHOD_PAGES)


# Site --------------------------------------------------------------------------------------


def nav_pages(nav: list) -> list[str]:
    pages = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        pages.extend(nav_pages(value) if isinstance(value, list) else [value])
    return pages


def test_nav_lists_every_page() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    listed = nav_pages(config["nav"])
    assert sorted(listed) == PAGES
    assert set(METHOD_PAGES) <= set(listed)


# Links a page means to make to another site; anything else pointing away is a leak.
DELIBERATE_EXTERNAL_LINKS: set[str] = set()
URL_ATTRIBUTES = ("src", "href", "srcset", "action", "poster", "data")
# Over stylesheets (and <style> text), not HTML: CSS has no parser in this project.
CSS_URL = re.compile(r'url\(\s*["\']?(?:https?:)?//([^/"\')]+)', re.IGNORECASE)
IMPORT = re.compile(r'@import\s+["\']?(?:url\()?["\']?(?:https?:)?//([^/"\')]+)', re.IGNORECASE)


def css_hosts(text: str) -> set[str]:
    return set(CSS_URL.findall(text)) | set(IMPORT.findall(text))


def external_hosts(page_html: str) -> set[str]:
    """Hosts a page's attributes point at, and those of its inline stylesheets."""
    root = html.parse(page_html)
    hosts = set()
    for node in html.elements(root):
        for name in URL_ATTRIBUTES:
            for value in (node.attributes.get(name) or "").split(","):
                address = urlsplit(value.strip().split(" ")[0])
                if address.netloc and address.scheme in {"", "http", "https"}:
                    hosts.add(address.netloc)
    return hosts | {host for style in root.css("style") for host in css_hosts(html.text(style))}


def test_no_page_refers_to_another_host(site: Path) -> None:
    own = SITE_URL.split("/")[2]
    found = {
        f"{path.relative_to(site)}: {host}"
        for path in site.rglob("*")
        if path.suffix in {".html", ".css"}
        for host in (external_hosts if path.suffix == ".html" else css_hosts)(path.read_text())
        if host != own and host not in DELIBERATE_EXTERNAL_LINKS
    }
    assert sorted(found) == []


def test_an_external_font_is_caught() -> None:
    assert external_hosts('<link href="https://fonts.googleapis.com/css?family=Roboto">') == {"fonts.googleapis.com"}
    assert css_hosts("body{background:url(//cdn.example/x.png)}") == {"cdn.example"}
    assert external_hosts("<style>body{background:url(//cdn.example/x.png)}</style>") == {"cdn.example"}


def test_sitemap_and_404_page(site: Path) -> None:
    assert f"<loc>{SITE_URL}methods/chair/</loc>" in (site / "sitemap.xml").read_text()
    assert "Page not found" in (site / "404.html").read_text()


def test_source_copy_matches_the_owners_text() -> None:
    from site_text import OWNER_SOURCE

    if not OWNER_SOURCE.exists():
        pytest.skip(f"the owner's original is not beside this checkout ({OWNER_SOURCE})")
    assert SOURCE.read_text() == OWNER_SOURCE.read_text()


def test_a_page_missing_from_the_nav_is_caught() -> None:
    """The nav of mkdocs.yml without one page no longer lists every page in docs/."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    methods = next(item for item in config["nav"] if "Methods" in item)["Methods"]
    methods.remove(next(item for item in methods if "methods/chair.md" in item.values()))
    listed = nav_pages(config["nav"])
    assert "methods/chair.md" not in listed and sorted(listed) != PAGES
    assert sorted(nav_pages(yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)["nav"])) == PAGES


def option_sections(page_html: str) -> dict[str, list[html.Node]]:
    """Each 'Option #N' section of a page: its id, and the elements after its heading up to its first list."""
    sections: dict[str, list[html.Node]] = {}
    current = None
    for node in html.article(html.parse(page_html)).iter(include_text=False):
        if node.tag == "h2":
            current = node.attributes.get("id") if html.text(node).startswith("Option") else None
            if current:
                sections[current] = []
        elif current is not None and node.tag != "ol" and sections[current] is not None:
            sections[current].append(node)
        elif current is not None and node.tag == "ol":
            current = None
    return sections


def links_back(nodes: list[html.Node]) -> bool:
    return any(a.attributes.get("href") == "#before-you-start" for node in nodes for a in html.elements(node) if a.tag == "a")


def test_each_option_links_back_to_the_warnings(site: Path) -> None:
    """A link shared to one option opens below the warnings, so the option points back to them."""
    sections = option_sections(built_page(site, "methods/floor.md"))
    assert sorted(sections) == sorted(FLOOR_OPTIONS)
    assert [anchor for anchor, nodes in sections.items() if not links_back(nodes)] == []


def test_an_option_without_the_link_back_is_caught() -> None:
    page = '<h2 id="a">Option #1</h2><p><a href="#before-you-start">x</a></p><ol></ol><h2 id="b">Option #2</h2><ol></ol>'
    assert [anchor for anchor, nodes in option_sections(page).items() if not links_back(nodes)] == ["b"]
