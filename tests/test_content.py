"""The guide as published: every source sentence, nothing unlisted, front matter, nav, no other hosts."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest
import yaml
from urllib.parse import urlsplit
from mkdocs.utils.meta import get_data
from project import SITE_URL
from backguide.content import (
    CONTENT_MD,
    SOURCE,
    headings,
    listed,
    page_sentences,
    table_column,
    unpublished,
    unreviewed,
    visible_text,
)

from backguide import html, urgent_answer
from backguide.check_site import page_content
from backguide.facts import FACTS
from backguide.rules import check_front_matter, check_warnings
from backguide.site import built_page, source_of, source_pages, url_of_file
from project import ROOT

DOCS = ROOT / "docs"
SOURCE_PAGES = source_pages(DOCS)
PAGES = [page.src_uri for page in SOURCE_PAGES]
METHOD_PAGES = [page.src_uri for page in SOURCE_PAGES if page.is_method]
META = {page.src_uri: dict(page.meta) for page in SOURCE_PAGES}


def built(site: Path, src_uri: str) -> str:
    """The built HTML of a Markdown page."""
    return built_page(site, src_uri).read_text()


def source_file(built: str) -> str:
    """The file an author edits for a built page: methods/wall/index.html -> docs/methods/wall.md."""
    if built == "404.html":
        return "overrides/404.html"
    return f"docs/{source_of(url_of_file(built))}"


def reader_pages(site: Path) -> dict[str, str]:
    """Every built page a reader can land on, by its file in the site: the pages and the 404
    page, not the redirect stubs (they show nothing)."""
    found = {}
    for path in sorted(site.rglob("*.html")):
        page_html = path.read_text()
        if html.refresh_target(html.parse(page_html)) is None:
            found[path.relative_to(site).as_posix()] = page_html
    return found


def test_the_owners_five_methods_have_their_pages() -> None:
    """The source's five methods are published; a page added later joins them, it doesn't replace one."""
    assert {"methods/chair.md", "methods/floor.md", "methods/foam-roller.md", "methods/sitting.md",
            "methods/standing.md"} <= set(METHOD_PAGES)


# Fidelity, both ways, in the built HTML ---------------------------------------------------------


def test_every_source_sentence_is_published(site: Path) -> None:
    site_text = " ".join(visible_text(page_html) for page_html in reader_pages(site).values())
    assert unpublished(SOURCE.read_text(), site_text) == []


def test_a_dropped_source_sentence_is_named() -> None:
    source = "Method 9: Test\nKeep this. Drop this one.\n"
    assert unpublished(source, "<h1>Method 9: Test</h1> Keep this.") == ["Drop this one."]


def test_every_shown_sentence_is_from_the_source_or_listed(site: Path) -> None:
    """Body, descriptions, alt texts, captions, footer, 404 page: each sentence, on every page."""
    allowed = listed(CONTENT_MD.read_text()).all()
    source = SOURCE.read_text()
    found = [
        (file, sentence)
        for file, page_html in reader_pages(site).items()
        for sentence in dict.fromkeys(unreviewed(page_sentences(page_html), source, allowed))
    ]
    rows = "\n".join(
        f"CONTENT.md needs the row:  | {sentence} | `{source_file(file)}` | (why it was added) | needs review |"
        for file, sentence in found
    )
    assert found == [], f"sentences neither from the source nor listed in CONTENT.md; list each for review:\n{rows}"


def test_the_404_page_and_the_footer_are_read(site: Path) -> None:
    pages = reader_pages(site)
    assert "404.html" in pages
    assert "This page has moved or never existed." in page_sentences(pages["404.html"])
    assert "Exercises are not a substitute for medical advice." in page_sentences(pages["index.html"])


def test_an_unlisted_sentence_is_named() -> None:
    page = "<article><p>Lie on your back. Crack your neck hard.</p></article>"
    assert unreviewed(page_sentences(page), "Lie on your back.", []) == ["Crack your neck hard."]


def test_a_shortened_source_sentence_is_named() -> None:
    page = "<article><p>Popping is fine.</p></article>"
    assert unreviewed(page_sentences(page), "But keep in mind that popping is fine.", []) == ["Popping is fine."]
    assert unreviewed(page_sentences(page), "But keep in mind that popping is fine.", ["Popping is fine."]) == []


def test_descriptions_alt_texts_captions_and_the_footer_are_read() -> None:
    page = (
        '<html><head><meta name="description" content="Gentle and safe.">'
        '<meta property="og:description" content="Cures all pain."></head><body><article>'
        '<figure><img src="a.png" alt="A person lying down."><figcaption>Hold it.</figcaption></figure>'
        '<svg><title>Knees up.</title></svg></article>'
        '<footer><div class="md-copyright">Made by us.</div></footer></body></html>'
    )
    assert unreviewed(page_sentences(page), "Hold it.", []) == [
        "Gentle and safe.",
        "Cures all pain.",
        "A person lying down.",
        "Knees up.",
        "Made by us.",
    ]


def test_glance_values_are_labels_or_listed() -> None:
    page = (
        '<article><aside class="at-a-glance"><dl><dt>You need</dt><dd>A foam roller, A carpet, rug or yoga mat</dd>'
        "<dt>Hold</dt><dd>a minute</dd></dl></aside></article>"
    )
    assert unreviewed(page_sentences(page), "", []) == ["a minute"]


def test_content_md_lists_only_what_the_site_shows(site: Path) -> None:
    shown = set()
    for page_html in reader_pages(site).values():
        shown |= set(page_sentences(page_html)) | set(headings(page_html))
    # What search's urgent answer adds to the NHS's words, from the data it ships with.
    shown |= set(urgent_answer.answer_texts(json.loads((site / urgent_answer.OUTPUT).read_text())))
    # The home screen's label, from the web app manifest (backguide/offline/app.py).
    shown.add(json.loads((site / "manifest.webmanifest").read_text())["short_name"])
    stale = [sentence for sentence in listed(CONTENT_MD.read_text()).all() if sentence not in shown]
    assert stale == [], "CONTENT.md lists text no page shows; remove it or fix its wording"


def test_content_md_lists_every_description() -> None:
    rows = dict(
        zip(table_column(CONTENT_MD.read_text(), "Page descriptions"), table_column(CONTENT_MD.read_text(), "Page descriptions", 1))
    )
    site_description = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)["site_description"]
    expected = {"mkdocs.yml (site_description)": site_description}
    expected |= {f"docs/{uri}": META[uri].get("description") for uri in PAGES}
    missing = "\n".join(
        f"CONTENT.md needs the description row:  | `{page}` | {text} |" for page, text in expected.items() if rows.get(page) != text
    )
    assert rows == expected, f"CONTENT.md's 'Page descriptions' table must match the front matter:\n{missing}"


def test_content_md_front_matter_table_matches_the_facts_table() -> None:
    """Every fact's key, and each of its words with the label readers see, is in CONTENT.md's table."""
    text = CONTENT_MD.read_text()
    keys = table_column(text, "Front matter")
    words = dict(zip(keys, table_column(text, "Front matter", 3)))
    required = dict(zip(keys, table_column(text, "Front matter", 1)))
    missing = []
    for fact in FACTS:
        if fact.key not in words:
            missing.append(f"no row for '{fact.key}'")
            continue
        if required[fact.key].startswith("yes") != fact.required:
            missing.append(f"'{fact.key}' is {'required' if fact.required else 'optional'} in backguide/facts.py")
        for word, label in (fact.vocabulary or {}).items():
            if f"{word} ({label})" not in words[fact.key]:
                missing.append(f"'{fact.key}': `{word}` ({label})")
        if fact.vocabulary is None and words[fact.key].strip():
            missing.append(f"'{fact.key}' takes free text, but CONTENT.md lists words for it")
    assert missing == []


def test_free_text_glance_values_are_listed() -> None:
    """A hold or a repeat is written by hand, so CONTENT.md lists each one for review."""
    allowed = set(listed(CONTENT_MD.read_text()).all())
    values = [
        str(place.get(fact.key))
        for meta in META.values()
        for place in [meta, *(meta.get("options") or [])]
        for fact in FACTS
        if fact.vocabulary is None and place.get(fact.key) is not None
    ]
    assert values and [value for value in values if value not in allowed] == []


@pytest.mark.parametrize("src_uri", PAGES)
def test_every_page_has_review_dates(src_uri: str) -> None:
    meta = META[src_uri]
    assert isinstance(meta.get("reviewed"), datetime.date), "add  reviewed: YYYY-MM-DD"
    assert isinstance(meta.get("next_review"), datetime.date), "add  next_review: YYYY-MM-DD"
    assert meta["next_review"] > meta["reviewed"]


@pytest.mark.parametrize("src_uri", PAGES)
def test_every_page_shows_its_review_dates(site: Path, src_uri: str) -> None:
    meta = META[src_uri]
    dates = html.parse(built(site, src_uri)).css_first("article .review-dates")
    assert dates is not None
    text = " ".join(html.text(dates).split())
    assert text == (
        f"Page last reviewed: {meta['reviewed'].strftime('%-d %B %Y')}"
        f" Next review due: {meta['next_review'].strftime('%-d %B %Y')}"
    )


# Method pages ------------------------------------------------------------------------------


@pytest.mark.parametrize("src_uri", METHOD_PAGES)
def test_front_matter(src_uri: str) -> None:
    assert check_front_matter(META[src_uri]) == []


@pytest.mark.parametrize("src_uri", METHOD_PAGES)
def test_warnings_come_before_the_first_step(site: Path, src_uri: str) -> None:
    assert check_warnings(page_content(built(site, src_uri)), META[src_uri]) == []


def order_of(page: html.Node, selectors: list[str]) -> list[int]:
    """Where the first match of each selector comes in the document (-1 if nowhere)."""
    position = {node.mem_id: index for index, node in enumerate(html.elements(page))}
    return [position[found.mem_id] if (found := page.css_first(selector)) else -1 for selector in selectors]


@pytest.mark.parametrize("src_uri", METHOD_PAGES)
def test_method_layout_order(site: Path, src_uri: str) -> None:
    """Title, one-line summary, At a glance, the safety panel, then the steps."""
    page = html.article(html.parse(built(site, src_uri)))
    places = order_of(
        page, ["h1", ".method-summary", ".at-a-glance", ".safety-panel .admonition.danger", ".safety-panel .red-flags", "ol"]
    )
    assert -1 not in places and places == sorted(places)
    assert len(page.css("h1")) == 1
    assert html.text(page.css_first(".method-summary")) == META[src_uri]["description"]


@pytest.mark.parametrize("src_uri", METHOD_PAGES)
def test_method_pages_write_no_title_line(src_uri: str) -> None:
    """The template writes the title from the front matter; a `# ` line would fall back to Material's layout."""
    body, _ = get_data((DOCS / src_uri).read_text())
    assert not re.search(r"^# ", body, re.MULTILINE)


@pytest.mark.parametrize("src_uri", METHOD_PAGES)
def test_the_panel_links_to_the_urgent_help(site: Path, src_uri: str) -> None:
    links = html.parse(built(site, src_uri)).css(".safety-panel .red-flags a")
    assert [link.attributes.get("href") for link in links] == ["../../help/#urgent"]


@pytest.mark.parametrize("src_uri", METHOD_PAGES)
def test_method_pages_hide_the_table_of_contents(site: Path, src_uri: str) -> None:
    toc = html.parse(built(site, src_uri)).css_first('.md-sidebar[data-md-type="toc"]')
    assert toc is not None and "hidden" in toc.attributes


def test_the_chair_lean_back_is_a_numbered_step(site: Path) -> None:
    steps = html.article(html.parse(built(site, "methods/chair.md"))).css("#steps ~ ol > li")
    texts = [" ".join(html.text(step, frozenset({"admonition"})).split()) for step in steps]
    lean = [number for number, text in enumerate(texts, start=1) if text.startswith("Lean back")]
    assert lean and texts[-1].startswith("Repeat the process")
    # The breathing note sits inside the lean-back step.
    assert "exhale as you lean back" in html.text(steps[lean[0] - 1])


def glance(page: html.Node, selector: str) -> dict[str, str]:
    found = page.css_first(selector)
    terms = [" ".join(html.text(node).split()).rstrip(":") for node in found.css("dt, .facts-line__label")]
    values = [" ".join(html.text(node).split()) for node in found.css("dd, .facts-line__value")]
    return dict(zip(terms, values))


def test_hold_repeat_and_sides_are_shown_where_the_source_gives_them(site: Path) -> None:
    floor = html.parse(built(site, "methods/floor.md"))
    assert glance(floor, "#knees-to-chest + .facts-line") == {"Hold": "15 seconds", "Repeat": "4 times in all"}
    assert glance(floor, "#knee-across + .facts-line") == {"Sides": "Right, then left"}
    sitting = html.parse(built(site, "methods/sitting.md"))
    assert glance(sitting, ".at-a-glance")["Sides"] == "Left, then right"
    chair = html.parse(built(site, "methods/chair.md"))
    assert not {"Hold", "Repeat", "Sides"} & set(glance(chair, ".at-a-glance"))


def test_the_floor_page_maps_its_options_near_the_top(site: Path) -> None:
    page = html.article(html.parse(built(site, "methods/floor.md")))
    links = page.css(".method-header .option-map li")
    assert [item.css_first("a").attributes.get("href") for item in links] == [f"#{anchor}" for anchor in FLOOR_OPTIONS]
    assert [" ".join(html.text(item.css_first("a")).split()) for item in links] == [
        "Option #1: Twist lying on your side",
        "Option #2: Stretch out, then corpse pose",
        "Option #3: Knees to chest",
        "Option #4: Knee across your body",
    ]
    assert "Hold: 15 seconds" in " ".join(html.text(links[2]).split())


def test_the_best_time_comes_before_the_steps(site: Path) -> None:
    for src_uri in METHOD_PAGES:
        page = html.article(html.parse(built(site, src_uri)))
        assert glance(page, ".at-a-glance")["Best time"] == "Sometimes best midday or later, or after a warm shower"
        assert order_of(page, [".at-a-glance", "ol", ".admonition.best-time"]) == sorted(
            order_of(page, [".at-a-glance", "ol", ".admonition.best-time"])
        )


def test_tips_have_icons_that_fit(site: Path) -> None:
    """Each tip carries the class that picks its icon; none is left with Material's flame."""
    page = html.parse(built(site, "methods/chair.md"))
    tips = [sorted(html.classes(node) - {"admonition", "tip"}) for node in page.css(".admonition.tip")]
    assert tips == [["relax"], ["once"], ["best-time"], ["no-sound"]]


def test_the_misleading_source_sentences_get_their_context(site: Path) -> None:
    home = html.parse(built(site, "index.md"))
    link = [a for a in home.css("article a") if html.text(a) == "These options are detailed below"]
    assert link and link[0].attributes.get("href") == "#choose-a-method"
    roller = html.parse(built(site, "methods/foam-roller.md"))
    link = [a for a in roller.css("article a") if html.text(a) == "the methods described above"]
    assert link and link[0].attributes.get("href") == "../../#choose-a-method"
    tip = html.text(html.parse(built(site, "rules.md")).css_first(".admonition.no-sound"))
    assert "following options" in tip and "That holds for every method in this guide." in tip


def test_method_urls_are_short_and_stable(site: Path) -> None:
    for src_uri in METHOD_PAGES:
        assert built_page(site, src_uri).is_file(), src_uri


FLOOR_OPTIONS = ("side-twist", "stretch-and-corpse-pose", "knees-to-chest", "knee-across")


def test_floor_options_have_explicit_anchors(site: Path) -> None:
    page = html.article(html.parse(built(site, "methods/floor.md")))
    found = [(node.attributes.get("id"), html.text(node)[:9]) for node in page.css("h2") if html.text(node).startswith("Option")]
    assert found == [(anchor, f"Option #{n}") for n, anchor in enumerate(FLOOR_OPTIONS, start=1)]


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
    overview = html.parse(built(site, "index.md")).css_first(".method-overview")
    links = [link.attributes.get("href") for link in overview.css("a")]
    by_number = sorted(METHOD_PAGES, key=lambda uri: get_data((DOCS / uri).read_text())[1].get("method", 999))
    assert links == [uri.removesuffix(".md") + "/" for uri in by_number]
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


def not_in_nav(config: dict) -> list[str]:
    """The pages mkdocs.yml's not_in_nav keeps out of the menu on purpose (the offline page)."""
    patterns = [line.strip().removeprefix("/") for line in (config.get("not_in_nav") or "").splitlines() if line.strip()]
    return [page for page in PAGES if page in patterns]


def test_nav_lists_every_page() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    listed = nav_pages(config["nav"])
    assert not_in_nav(config) == ["offline.md"]
    assert sorted(listed + not_in_nav(config)) == PAGES
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
    from backguide.content import OWNER_SOURCE

    if not OWNER_SOURCE.exists():
        pytest.skip(f"the owner's original is not beside this checkout ({OWNER_SOURCE})")
    assert SOURCE.read_text() == OWNER_SOURCE.read_text()


def test_a_page_missing_from_the_nav_is_caught() -> None:
    """The nav of mkdocs.yml without one page no longer lists every page in docs/."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    methods = next(item for item in config["nav"] if "Methods" in item)["Methods"]
    methods.remove(next(item for item in methods if "methods/chair.md" in item.values()))
    listed = nav_pages(config["nav"])
    assert "methods/chair.md" not in listed and sorted(listed + not_in_nav(config)) != PAGES
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    assert sorted(nav_pages(config["nav"]) + not_in_nav(config)) == PAGES


def option_sections(page_html: str) -> dict[str, list[html.Node]]:
    """Each 'Option #N' section of a page: its id and its elements up to the next h2."""
    sections: dict[str, list[html.Node]] = {}
    current = None
    for node in html.elements(html.article(html.parse(page_html))):
        if node.tag == "h2":
            current = node.attributes.get("id") if html.text(node).startswith("Option") else None
            if current:
                sections[current] = []
        elif current:
            sections[current].append(node)
    return sections


def links_back_before_the_steps(nodes: list[html.Node]) -> bool:
    for node in nodes:
        if node.tag == "ol":
            return False
        if node.tag == "a" and node.attributes.get("href") == "#before-you-start":
            return True
    return False


def test_each_option_links_back_to_the_warnings(site: Path) -> None:
    """A link shared to one option opens below the warnings, so the option points back to them."""
    sections = option_sections(built(site, "methods/floor.md"))
    assert sorted(sections) == sorted(FLOOR_OPTIONS)
    assert [anchor for anchor, nodes in sections.items() if not links_back_before_the_steps(nodes)] == []


def test_an_option_without_the_link_back_is_caught() -> None:
    page = '<h2 id="a">Option #1</h2><p><a href="#before-you-start">x</a></p><ol></ol><h2 id="b">Option #2</h2><ol></ol>'
    sections = option_sections(page)
    assert [a for a, nodes in sections.items() if not links_back_before_the_steps(nodes)] == ["b"]
