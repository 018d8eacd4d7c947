"""The "Find a method" page: method pages grouped by their front matter, built by hooks/method_finder.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from facts import BACK_REGION, EQUIPMENT, POSITION, words
from html_tree import parse
from method_finder import GROUPINGS, finder_markdown, group_id, groups
from mkdocs.utils.meta import get_data
from project import ROOT, build_site

DOCS = ROOT / "docs"

CHAIR = {"title": "Method 1: Chair", "method": 1, "equipment": ["chair"], "position": "sitting", "back_region": ["upper back"]}
FLOOR = {"title": "Method 2: Floor", "method": 2, "equipment": ["floor or mat"], "position": "lying", "back_region": ["lower back", "upper back"]}


def finder_links(page_html: str) -> dict[str, list[str]]:
    """The link targets listed under each group heading of a built finder page, by the heading's id."""
    found: dict[str, list[str]] = {}
    group = None
    for node in parse(page_html).iter():
        if node.tag == "h3":
            group = node.attrs.get("id")
        elif node.tag == "a" and group and any("method-finder" in n.classes for n in node.ancestors()):
            found.setdefault(group, []).append(node.attrs["href"])
    return found


# Groups ------------------------------------------------------------------------------------


def test_groups_follow_the_vocabulary_then_the_method_numbers() -> None:
    methods = {"methods/floor.md": FLOOR, "methods/chair.md": CHAIR}
    assert groups(methods, "back_region", BACK_REGION) == [
        ("upper-back", "Upper back", ["methods/chair.md", "methods/floor.md"]),
        ("lower-back", "Lower back", ["methods/floor.md"]),
    ]


def test_a_group_no_method_uses_is_left_out() -> None:
    assert [group for group, _, _ in groups({"methods/chair.md": CHAIR}, "equipment", EQUIPMENT)] == ["chair"]


def test_position_is_one_word_and_still_groups() -> None:
    assert groups({"methods/chair.md": CHAIR}, "position", POSITION) == [("sitting", "Sitting", ["methods/chair.md"])]


def test_group_ids_are_unique_across_the_page() -> None:
    """Every group of every grouping is a heading on one page, so no two may share an id."""
    ids = [anchor for _, anchor, _, _ in GROUPINGS]
    ids += [group_id(word) for _, _, _, vocabulary in GROUPINGS for word in vocabulary]
    assert len(ids) == len(set(ids))
    assert group_id("floor or mat") == "floor-or-mat"


def test_finder_markdown_has_explicit_ids_and_links_relative_to_the_finder() -> None:
    markdown = finder_markdown({"methods/chair.md": CHAIR}, "methods/index.md")
    assert markdown.splitlines()[0] == "## By what you need {#by-what-you-need}"
    assert "### A chair with a solid back {#chair}" in markdown
    assert "- [Method 1: Chair](chair.md)" in markdown
    assert finder_markdown({"methods/chair.md": CHAIR}, "index.md").count("](methods/chair.md)") == 3


# The built site ------------------------------------------------------------------------------


def test_the_finder_lists_every_method_under_each_of_its_facts(site: Path) -> None:
    listed = finder_links((site / "methods" / "index.html").read_text())
    expected: dict[str, list[str]] = {}
    for path in sorted(DOCS.glob("methods/*.md"), key=lambda p: get_data(p.read_text())[1].get("method", 999)):
        _, meta = get_data(path.read_text())
        if path.name == "index.md":
            continue
        for _, _, key, _ in GROUPINGS:
            for word in words(meta.get(key)):
                expected.setdefault(group_id(word), []).append(f"{path.stem}/")
    assert listed == expected


def test_the_home_page_links_the_finder(site: Path) -> None:
    home = (site / "index.html").read_text()
    choose = home.split('id="choose-a-method"')[1]
    assert '<a href="methods/">Find a method</a>' in choose


def test_a_new_method_page_appears_on_the_finder_without_editing_it(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    (docs / "methods" / "wall.md").write_text(
        "---\n"
        'title: "Method 6: Lean on a Wall"\n'
        "description: A new method, to show that the finder lists it by itself.\n"
        "method: 6\n"
        "equipment: [nothing]\n"
        "position: standing\n"
        "back_region: [upper back]\n"
        "---\n\n"
        "# Method 6: Lean on a Wall\n\n"
        "## Before you start {#before-you-start}\n\n"
        '--8<-- "stop-if-painful.md"\n\n--8<-- "disc-problems.md"\n\n--8<-- "get-help.md"\n\n'
        "## Steps {#steps}\n\n1. Stand with your back to a wall.\n"
    )
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)["nav"]
    next(item for item in nav if "Methods" in item)["Methods"].append({"Wall": "methods/wall.md"})

    site = build_site(ROOT / "mkdocs.yml", tmp_path / "site", docs_dir=str(docs), nav=nav)

    listed = finder_links((site / "methods" / "index.html").read_text())
    assert [group for group, links in listed.items() if "wall/" in links] == ["nothing", "standing", "upper-back"]
    assert listed["nothing"] == ["standing/", "wall/"]  # after Method 3, by its number
