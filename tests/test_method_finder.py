"""The "Find a method" page: method pages grouped by their front matter (backguide.method_lists)."""

from __future__ import annotations

from pathlib import Path

import yaml
from backguide.facts import FACTS_BY_KEY, FINDER_FACTS as FACTS, group_id
from backguide.html import ancestors, classes, elements, parse
from backguide.method_lists import finder_markdown, groups
from backguide.site import SourcePage
from project import ROOT, build_site, copy_project

DOCS = ROOT / "docs"

CHAIR = SourcePage(
    "methods/chair.md",
    {"title": "Method 1: Chair", "method": 1, "equipment": ["chair"], "position": "sitting", "back_region": ["upper back"]},
)
FLOOR = SourcePage(
    "methods/floor.md",
    {"title": "Method 2: Floor", "method": 2, "equipment": ["floor or mat"], "position": "lying", "back_region": ["lower back", "upper back"]},
)
EQUIPMENT, POSITION, BACK_REGION = (FACTS_BY_KEY[key] for key in ("equipment", "position", "back_region"))


def finder_links(page_html: str) -> dict[str, list[str]]:
    """The link targets listed under each group heading of a built finder page, by the heading's id."""
    found: dict[str, list[str]] = {}
    group = None
    for node in elements(parse(page_html)):
        if node.tag == "h3":
            group = node.attributes.get("id")
        elif node.tag == "a" and group and any("method-finder" in classes(n) for n in ancestors(node)):
            found.setdefault(group, []).append(node.attributes["href"])
    return found


# Groups ------------------------------------------------------------------------------------


def test_groups_follow_the_vocabulary_then_the_method_numbers() -> None:
    assert groups([CHAIR, FLOOR], BACK_REGION) == [
        ("upper-back", "Upper back", [CHAIR, FLOOR]),
        ("lower-back", "Lower back", [FLOOR]),
    ]


def test_a_group_no_method_uses_is_left_out() -> None:
    assert [group for group, _, _ in groups([CHAIR], EQUIPMENT)] == ["chair"]


def test_position_is_one_word_and_still_groups() -> None:
    assert groups([CHAIR], POSITION) == [("sitting", "Sitting", [CHAIR])]


def test_group_ids_are_unique_across_the_page() -> None:
    """Every group of every grouping is a heading on one page, so no two may share an id."""
    ids = [fact.finder_id for fact in FACTS]
    ids += [group_id(word) for fact in FACTS for word in fact.vocabulary]
    assert len(ids) == len(set(ids))
    assert group_id("floor or mat") == "floor-or-mat"


def test_finder_markdown_has_explicit_ids_and_links_relative_to_the_finder() -> None:
    markdown = finder_markdown([CHAIR], "methods/index.md")
    assert markdown.splitlines()[0] == "## By what you need {#by-what-you-need}"
    assert "### A sturdy chair that cannot roll, swivel or tip, with a solid back {#chair}" in markdown
    assert "- [Method 1: Chair](chair.md)" in markdown
    assert finder_markdown([CHAIR], "index.md").count("](methods/chair.md)") == 3


# The built site ------------------------------------------------------------------------------


def test_the_finder_lists_every_method_under_each_of_its_facts(site: Path) -> None:
    """Expected groups worked out here from the pages' YAML, without the code under test."""
    metas = {}
    for path in sorted((DOCS / "methods").glob("*.md")):
        meta = yaml.safe_load(path.read_text().split("---")[1])
        if path.name != "index.md":
            metas[path.stem] = meta
    in_order = sorted(metas, key=lambda stem: (metas[stem]["method"], stem))
    expected = {}
    for fact in FACTS:  # the vocabularies' order is data, the grouping is worked out here
        for word in fact.vocabulary:
            values = lambda meta: meta[fact.key] if isinstance(meta[fact.key], list) else [meta[fact.key]]
            members = [f"{stem}/" for stem in in_order if word in values(metas[stem])]
            if members:
                expected[word.replace(" ", "-")] = members
    assert finder_links((site / "methods" / "index.html").read_text()) == expected


def test_the_five_methods_sit_in_their_groups(site: Path) -> None:
    """A few groups written out by hand, so a wrong grouping can't agree with itself."""
    listed = finder_links((site / "methods" / "index.html").read_text())
    assert listed["chair"] == ["chair/"]
    assert listed["foam-roller"] == ["foam-roller/"]
    assert listed["upper-back"][:2] == ["chair/", "foam-roller/"]
    assert listed["lower-back"][:2] == ["floor/", "sitting/"]
    assert listed["nothing"][:2] == ["standing/", "sitting/"]


def test_the_home_page_links_the_finder(site: Path) -> None:
    home = (site / "index.html").read_text()
    choose = home.split('id="choose-a-method"')[1]
    assert '<a href="methods/">Find a method</a>' in choose


def test_a_new_method_page_appears_on_the_finder_without_editing_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    docs = project / "docs"
    (docs / "methods" / "doorway.md").write_text(
        "---\n"
        'title: "Method 9: Crack Your Back in a Doorway"\n'
        "description: A new method, to show that the finder lists it by itself.\n"
        "method: 9\n"
        "equipment: [nothing]\n"
        "position: standing\n"
        "back_region: [upper back]\n"
        "---\n\n"
        "# Method 9: Crack Your Back in a Doorway\n\n"
        "## Before you start {#before-you-start}\n\n"
        '<div class="safety-panel" markdown>\n\n'
        '--8<-- "stop-if-painful.md"\n\n--8<-- "check-first.md"\n\n--8<-- "disc-problems.md"\n\n'
        '--8<-- "get-help.md"\n\n--8<-- "upper-back-pain.md"\n\n--8<-- "red-flags.md"\n\n</div>\n\n'
        "## Steps {#steps}\n\n1. Stand in a doorway.\n"
    )
    urls = docs / "published_urls.txt"
    urls.write_text(urls.read_text() + "/methods/doorway/\n/methods/doorway/#before-you-start\n/methods/doorway/#steps\n")
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)["nav"]
    next(item for item in nav if "Methods" in item)["Methods"].append({"Doorway": "methods/doorway.md"})

    site = build_site(project / "mkdocs.yml", tmp_path / "site", nav=nav)

    listed = finder_links((site / "methods" / "index.html").read_text())
    assert [group for group, links in listed.items() if "doorway/" in links] == ["nothing", "standing", "upper-back"]
    assert listed["nothing"].index("doorway/") > listed["nothing"].index("standing/")  # after Method 3, by its number 9
