"""Link previews: every page's Open Graph and Twitter tags, its card image, and the same bytes on every build."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from backguide.cards import Card, TitleLayout, balanced_lines, draw_card, title_layout
from backguide.html import elements, parse
from backguide.previews import card_for, link_preview, page_title
from mkdocs.utils.meta import get_data
from PIL import Image
from project import ROOT, SITE_URL, build_site, copy_project, gate_error
from backguide.site import built_page, page_url
from test_content import DOCS, PAGES

CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)


def head_tags(html: str) -> dict[str, str]:
    """The page's meta tags by property or name, and its canonical link as 'canonical'."""
    tags = {}
    for node in elements(parse(html)):
        if node.tag == "meta" and (key := node.attributes.get("property") or node.attributes.get("name")):
            tags[key] = node.attributes.get("content") or ""
        if node.tag == "link" and node.attributes.get("rel") == "canonical":
            tags["canonical"] = node.attributes.get("href") or ""
    return tags


def expected_tags(src_uri: str) -> dict[str, str]:
    meta = get_data((DOCS / src_uri).read_text())[1]
    stem = src_uri.removesuffix(".md")
    url = SITE_URL + page_url(src_uri).lstrip("/")
    image = f"{SITE_URL}assets/cards/{stem}.png"
    return {
        "canonical": url,
        "og:type": "website" if stem == "index" else "article",
        "og:site_name": CONFIG["site_name"],
        "og:title": meta["title"],
        "og:description": meta["description"],
        "og:url": url,
        "og:image": image,
        "og:image:type": "image/png",
        "og:image:width": "1200",
        "og:image:height": "630",
        "og:image:alt": meta["title"],
        "twitter:card": "summary_large_image",
        "twitter:title": meta["title"],
        "twitter:description": meta["description"],
        "twitter:image": image,
        "twitter:image:alt": meta["title"],
    }


# The real site -----------------------------------------------------------------------------


@pytest.mark.parametrize("src_uri", PAGES)
def test_every_page_has_its_preview_tags(site: Path, src_uri: str) -> None:
    tags = head_tags(built_page(site, src_uri).read_text())
    expected = expected_tags(src_uri)
    assert {key: tags.get(key) for key in expected} == expected


@pytest.mark.parametrize("src_uri", PAGES)
def test_every_card_is_a_1200_by_630_png(site: Path, src_uri: str) -> None:
    card = site / expected_tags(src_uri)["og:image"].removeprefix(SITE_URL)
    with Image.open(card) as image:
        assert (image.format, image.size) == ("PNG", (1200, 630))


def test_cards_and_tags_are_the_same_on_every_build(site: Path, tmp_path: Path) -> None:
    again = build_site(ROOT / "mkdocs.yml", tmp_path / "again")
    cards = sorted(path.relative_to(site) for path in (site / "assets/cards").rglob("*.png"))
    assert len(cards) == len(PAGES)
    assert [path for path in cards if (site / path).read_bytes() != (again / path).read_bytes()] == []
    for src_uri in PAGES:
        first, second = (head_tags(built_page(s, src_uri).read_text()) for s in (site, again))
        assert first == second, src_uri


# Golden builds -----------------------------------------------------------------------------


def test_a_page_without_description_is_shared_with_the_sites(tmp_path: Path) -> None:
    config_file = copy_project(tmp_path) / "mkdocs.yml"
    help_page = tmp_path / "docs/help.md"
    help_page.write_text("".join(line for line in help_page.read_text().splitlines(True) if "description:" not in line))
    tags = head_tags(built_page(build_site(config_file, tmp_path / "site"), "help.md").read_text())
    assert tags["og:description"] == tags["twitter:description"] == CONFIG["site_description"]


def test_build_fails_on_a_title_too_long_for_its_card(tmp_path: Path) -> None:
    config_file = copy_project(tmp_path) / "mkdocs.yml"
    old = "General Rules of Thumb for Cracking Your Own Back"
    title = f"{old} at Home, at Work, in the Car and Everywhere Else"
    rules = tmp_path / "docs/rules.md"
    rules.write_text(rules.read_text().replace(f"title: {old}", f"title: {title}"))
    assert gate_error(config_file, tmp_path / "site") == (
        "Cannot publish yet, 1 file to fix:\n"
        f'  docs/rules.md: the title "{title}" does not fit on its link preview card in 3 lines at 72 px,'
        " and a card never cuts a title; shorten the page's title (its front matter 'title')"
    )


def test_build_fails_without_site_url(tmp_path: Path) -> None:
    config_file = copy_project(tmp_path) / "mkdocs.yml"
    assert gate_error(config_file, tmp_path / "site", site_url="") == (
        "Link previews: set site_url in mkdocs.yml; og:url and og:image must be absolute addresses"
    )


# Pure helpers ------------------------------------------------------------------------------


def test_lines_are_balanced_not_greedy() -> None:
    words = "Cracking Your Back Using a Chair".split()
    # Greedy filling would leave "Chair" alone on the second line.
    assert balanced_lines(words, len, 26, 3) == ("Cracking Your", "Back Using a Chair")
    assert balanced_lines(words, len, 40, 3) == ("Cracking Your Back Using a Chair",)


def test_a_word_too_wide_for_any_line_does_not_fit() -> None:
    assert balanced_lines(["Supercalifragilistic"], len, 10, 3) is None
    assert title_layout("Pneumonoultramicroscopicsilicovolcanoconiosis") is None


def test_short_titles_get_the_largest_type() -> None:
    assert title_layout("When to Get Help") == TitleLayout(96, ("When to Get Help",))


def test_a_method_card_puts_its_number_above_the_title() -> None:
    meta = {"method": 1}
    assert card_for("Method 1: Cracking Your Back Using a Chair", "Site", meta) == Card(
        title="Cracking Your Back Using a Chair", header="Site", kicker="Method 1"
    )
    assert card_for("Site", "Site", {}) == Card(title="Site")  # the home page does not repeat the name


def test_titles_come_from_front_matter_not_the_nav_label() -> None:
    assert page_title({"title": "Method 1: Chair"}, "Chair", "Site", False) == "Method 1: Chair"
    assert page_title({}, "Chair", "Site", False) == "Chair"
    assert page_title({}, "Home", "Site", True) == "Site"


def test_description_falls_back_to_the_sites() -> None:
    common = dict(title="T", site_description="Site text.", url="u", image="i", is_home=False)
    assert link_preview(description="Own text.", **common).description == "Own text."
    assert link_preview(description=None, **common).description == "Site text."
    assert link_preview(description="  ", **common).description == "Site text."


def test_the_same_card_draws_the_same_bytes() -> None:
    """Drawn in a second Python process, the card is byte for byte the one drawn here."""
    card = Card(title="Method 2: Crack Your Back Lying on the Floor", header="How to Crack Your Own Back", kicker="Method 2")
    here = hashlib.sha256(draw_card(card)).hexdigest()
    script = (
        "import hashlib; from backguide.cards import Card, draw_card; "
        f"print(hashlib.sha256(draw_card(Card(title={card.title!r}, header={card.header!r}, kicker={card.kicker!r}))).hexdigest())"
    )
    there = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.strip()
    assert here == there
    with Image.open(io.BytesIO(draw_card(card))) as image:
        assert (image.format, image.size) == ("PNG", (1200, 630))