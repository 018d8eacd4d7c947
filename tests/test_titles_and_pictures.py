"""What readers would see broken, refused at build time: a title out of the site's style, a picture with no file."""

from __future__ import annotations


import pytest
import yaml
from project import ROOT

from backguide import html
from backguide.links import SitePage, image_problems
from backguide.rules import check_title, title_case
from backguide.site import is_method_page, source_pages


def test_every_title_of_the_site_is_in_its_own_style() -> None:
    """The style is read off the owner's titles: the check passes every one of them as written."""
    pages = source_pages(ROOT / "docs")
    assert pages and {page.src_uri: check_title(page.meta, page.is_method) for page in pages if check_title(page.meta, page.is_method)} == {}


def test_the_readme_example_title_is_in_style() -> None:
    readme = (ROOT / "README.md").read_text()
    front = readme.split("<!-- file: docs/methods/wall.md -->", 1)[1].split("---\n", 2)[1]
    meta = yaml.safe_load(front)
    assert check_title(meta, is_method_page("methods/wall.md", meta)) == []


@pytest.mark.parametrize(
    ("title", "wanted"),
    [
        ("find a method", "Find a Method"),
        ("When To Get Help", "When to Get Help"),
        ("rules of thumb for cracking your own back", "Rules of Thumb for Cracking Your Own Back"),
        ("Method 2: the floor, with an option", "Method 2: The Floor, with an Option"),
    ],
)
def test_title_case(title: str, wanted: str) -> None:
    assert title_case(title) == wanted


@pytest.mark.parametrize(
    ("title", "method", "fix"),
    [
        ("Method 6: crack your back against a wall", 6, 'write  title: "Method 6: Crack Your Back Against a Wall"'),
        ("Crack Your Back Against a Wall", 6, 'write  title: "Method 6: Crack Your Back Against a Wall"'),
        ("method 6 - Crack Your Back Against a Wall", 6, 'write  title: "Method 6: Crack Your Back Against a Wall"'),
        ("Method 5: Crack Your Back Against a Wall", 6,
         'write  title: "Method 6: Crack Your Back Against a Wall"  (or change  method: 6  if that number is the wrong one)'),
    ],
)
def test_a_method_title_names_its_number_and_the_fix_is_the_title_to_write(title: str, method: int, fix: str) -> None:
    [problem] = check_title({"title": title, "method": method}, True)
    assert problem.startswith(f"front matter 'title' \"{title}\" breaks the site's title style") and problem.endswith(fix)
    assert check_title({"title": fix.split('"')[1], "method": method}, True) == []


PAGE = SitePage("docs/methods/wall.md", "/methods/wall/", frozenset())


@pytest.mark.parametrize(
    ("markup", "problem"),
    [
        ('<img src="../wall.png" alt="x">', None),
        ('<img src="wall.png" alt="x">', "shows the picture wall.png, which is no file of the site, so readers would see a broken picture;"
         " save the picture as docs/methods/wall.png, or write the path of the file you mean, from the page's folder; did you mean ../wall.png?"),
        ('<img src="https://example.org/a.png" alt="x">', "shows the picture https://example.org/a.png from another site"),
        ('<picture><source srcset="../wall.png 1x, ../wall@2x.png 2x"><img src="../wall.png" alt="x"></picture>',
         "shows the picture ../wall@2x.png, which is no file of the site"),
        ('<img src="data:image/png;base64,AAAA" alt="x">', None),
    ],
)
def test_a_picture_is_a_file_of_the_site(markup: str, problem: str | None) -> None:
    found = image_problems(PAGE, html.content(f"<p>{markup}</p>"), {"/methods/wall.png"})
    if problem is None:
        assert found == []
    else:
        assert len(found) == 1 and found[0].startswith(problem)
