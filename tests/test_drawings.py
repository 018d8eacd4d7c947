"""The drawings of the positions: in the step they show, the side their text names, small, stable, plausible."""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from project import ROOT, SITE_URL, copy_project, gate_error
from sides import broken, claims

from backguide import html
from backguide.built_page import check_built_page
from backguide.cards import Card, draw_card
from backguide.csp import check_policy
from backguide.drawings import Drawing, all_drawings
from backguide import figure as model
from backguide.figure import bounds, drawing_shapes, pose_problems, svg, view_box
from backguide.poses import DrawingError, load_file
from backguide.site import built_page, method_pages, source_pages

DOCS = ROOT / "docs"
METHOD_PAGES = [page.src_uri for page in method_pages(source_pages(DOCS))]
FLOOR_OPTIONS = ["side-twist", "stretch-and-corpse-pose", "knees-to-chest", "knee-across"]
DRAWINGS = all_drawings(DOCS, ROOT)
CASES = sorted(path for path in (ROOT / "tests" / "drawing_cases").iterdir() if path.is_dir())

# The moves whose steps describe a start and a move: (page, section, step) of each drawing.
START_AND_END = {
    "chair-sit": ("methods/chair.md", "steps", 2),
    "chair-lean-back": ("methods/chair.md", "steps", 4),
    "floor-side-lying": ("methods/floor.md", "side-twist", 4),
    "floor-side-twist": ("methods/floor.md", "side-twist", 8),
    "floor-lying-flat": ("methods/floor.md", "knee-across", 1),
    "floor-knee-across": ("methods/floor.md", "knee-across", 2),
    "sitting-leg-across": ("methods/sitting.md", "steps", 2),
    "sitting-twist": ("methods/sitting.md", "steps", 3),
    "roller-upper-back": ("methods/foam-roller.md", "steps", 3),
    "roller-rolling": ("methods/foam-roller.md", "steps", 5),
}


def figures(site: Path, src_uri: str) -> list[html.Node]:
    return html.article(html.parse(built_page(site, src_uri).read_text())).css("figure.drawing")


def drawing_name(figure: html.Node) -> str:
    return (html.attribute(figure.css_first("svg > title"), "id") or "").removeprefix("drawing-")


def section_of(figure: html.Node) -> str | None:
    """The id of the `##` section a figure is in: the last h2 before it in the article."""
    article = next(node for node in html.ancestors(figure) if node.tag == "article")
    section = None
    for node in html.elements(article):
        if node.tag == "h2":
            section = html.attribute(node, "id")
        if node.mem_id == figure.mem_id:
            return section
    return None


def step_of(figure: html.Node) -> tuple[int, str] | None:
    """(number, text) of the numbered step a figure sits in, its drawing and notes left out."""
    item = next((node for node in html.ancestors(figure) if node.tag == "li"), None)
    if item is None or item.parent is None or item.parent.tag != "ol":
        return None
    number = [child.mem_id for child in item.parent.iter() if child.tag == "li"].index(item.mem_id) + 1
    return number, " ".join(html.text(item, frozenset({"drawing", "admonition"})).split())


def placed(site: Path) -> dict[str, tuple[str, str | None, tuple[int, str] | None, str]]:
    """Every drawing on the site: name -> (page, section, (step, step text), alt text as built)."""
    found = {}
    for uri in METHOD_PAGES:
        for figure in figures(site, uri):
            title = html.text(figure.css_first("svg > title"))
            found[drawing_name(figure)] = (uri, section_of(figure), step_of(figure), title)
    return found


def digests(site: Path) -> dict[str, str]:
    """A digest of every drawing's markup on every method page."""
    return {
        f"{uri}#{index}": hashlib.sha256((figure.html or "").encode()).hexdigest()
        for uri in METHOD_PAGES
        for index, figure in enumerate(figures(site, uri))
    }


# Coverage and text alternatives --------------------------------------------------------------


@pytest.mark.parametrize("src_uri", METHOD_PAGES)
def test_every_method_page_has_a_drawing_in_its_steps(site: Path, src_uri: str) -> None:
    in_steps = [f for f in figures(site, src_uri) if any(a.tag == "li" for a in html.ancestors(f))]
    assert in_steps, f"{src_uri}: no drawing inside a numbered step"


def test_every_floor_option_has_a_drawing(site: Path) -> None:
    sections = {section_of(figure) for figure in figures(site, "methods/floor.md")}
    assert [option for option in FLOOR_OPTIONS if option not in sections] == []


def test_start_and_end_drawings_sit_in_the_steps_they_show(site: Path) -> None:
    found = {name: (uri, section, step[0] if step else None) for name, (uri, section, step, _) in placed(site).items()}
    assert {name: found.get(name) for name in START_AND_END} == START_AND_END


@pytest.mark.parametrize("src_uri", METHOD_PAGES)
def test_every_drawing_is_named_for_screen_readers(site: Path, src_uri: str) -> None:
    page = html.parse(built_page(site, src_uri).read_text())
    for figure in html.article(page).css("figure.drawing"):
        art = figure.css_first("svg")
        title = figure.css_first("svg > title")
        assert html.attribute(art, "role") == "img"
        assert html.attribute(art, "aria-labelledby") == html.attribute(title, "id")
        assert len(html.text(title).split()) >= 8, "the text alternative describes the position in words"
    ids = [html.attribute(node, "id") for node in html.elements(page) if html.attribute(node, "id")]
    assert [name for name in set(ids) if ids.count(name) > 1] == [], f"{src_uri}: each id is used once"


@pytest.mark.parametrize("src_uri", METHOD_PAGES)
def test_no_drawing_sits_inside_a_paragraph(site: Path, src_uri: str) -> None:
    # HTML allows no <figure> in a <p>: the browser would close the paragraph early (the HTML checker's error).
    page = html.parse(built_page(site, src_uri).read_text())
    assert [f for f in html.article(page).css("figure.drawing") if any(a.tag == "p" for a in html.ancestors(f))] == []


def test_a_marker_written_under_a_steps_text_lands_after_its_paragraph() -> None:
    # An author writes the marker on the line under a step, with no blank line: Markdown puts it in the <p>.
    from backguide.drawings import with_drawings

    name, drawing = next(iter(all_drawings(DOCS).items()))
    step = f"<ol>\n<li>\n<p>Slide down.\n    <!-- drawing: {name} --></p>\n</li>\n</ol>"
    placed_html = with_drawings(step, {name: drawing}, "docs/methods/x.md", "docs/methods/x.poses.yml")
    assert placed_html == f"<ol>\n<li>\n<p>Slide down.\n    </p>{drawing.figure()}\n</li>\n</ol>"


def test_every_drawing_is_placed_once() -> None:
    markers = re.findall(r"<!-- drawing: ([\w-]+) -->", "".join(p.read_text() for p in DOCS.rglob("*.md")))
    assert sorted(markers) == sorted(DRAWINGS)


def test_alt_texts_and_captions_are_listed_in_content_md() -> None:
    content = (ROOT / "CONTENT.md").read_text()
    section = content.split("## Sentences not from the source", 1)[1].split("\n## ", 1)[0]
    listed = {row.split("|")[1].strip() for row in section.splitlines() if row.startswith("|")}
    texts = [text for d in DRAWINGS.values() for text in (d.alt, d.caption) if text]
    sentences = [s for text in texts for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text)]
    assert [s for s in sentences if s not in listed] == []


def test_every_view_from_above_says_so_under_the_drawing(site: Path) -> None:
    above = [name for name, drawing in DRAWINGS.items() if drawing.pose.view.side == "above"]
    assert above, "the floor twists are seen from above"
    shown = {
        drawing_name(figure): html.text(figure.css_first("figcaption")) if figure.css_first("figcaption") else ""
        for uri in METHOD_PAGES
        for figure in figures(site, uri)
    }
    assert [name for name in above if not shown[name].startswith("Seen from above.")] == []


# The side the text names --------------------------------------------------------------------------


def side_problems(drawing: Drawing, texts: list[str]) -> list[str]:
    return [f"{drawing.name}: {problem}" for text in texts for problem in broken(drawing.pose, claims(text))]


def test_each_drawing_shows_the_side_its_step_and_alt_text_name(site: Path) -> None:
    """The pose does what its step and its alt text say, side for side: a left knee where they say left."""
    problems, named = [], 0
    for name, (_, _, step, alt) in placed(site).items():
        texts = [alt] + ([step[1]] if step else [])
        named += sum(len(claims(text)) for text in texts)
        problems += side_problems(DRAWINGS[name], texts)
    assert named >= 15, "the texts name sides: the sitting twist, the knee across, the side twist"
    assert problems == []


@pytest.mark.parametrize("name", ["sitting-twist", "sitting-leg-across", "floor-knee-across"])
def test_the_side_check_fails_on_the_mirrored_pose(site: Path, name: str) -> None:
    """The same pose done on the other side (as the sitting twist was drawn before) breaks its texts' sides."""
    _, _, step, alt = placed(site)[name]
    mirrored = Drawing(DRAWINGS[name].pose.mirrored())
    problems = side_problems(mirrored, [alt, step[1]])
    assert problems, f"{name}: the mirrored pose still matches its texts"
    if name == "sitting-twist":
        assert any("the left knee is bent 0° and the right 112°" in problem for problem in problems), problems


def test_the_side_claims_read_the_guides_words() -> None:
    kinds = [(claim.kind, claim.side, claim.part, claim.knee) for claim in claims(
        "Bend your left knee and take your left foot outside of the right knee. Put your right elbow on the"
        " outside of your left knee and gently turn your upper body to the left."
    )]
    assert kinds == [
        ("bent", "left", "", ""), ("outside", "left", "foot", "right"),
        ("outside", "right", "elbow", "left"), ("turn", "left", "", ""),
    ]


# Small, stable, within the page and the site's policy ---------------------------------------------


@pytest.mark.parametrize("name", DRAWINGS)
def test_each_drawing_is_at_most_4_kb_gzipped(name: str) -> None:
    assert len(gzip.compress(DRAWINGS[name].figure().encode(), mtime=0)) <= 4096


@pytest.mark.parametrize("name", DRAWINGS)
def test_nothing_is_cut_off(name: str) -> None:
    """Every part of the drawing, with its outline, lies inside the box the SVG shows."""
    shapes = drawing_shapes(DRAWINGS[name].pose)
    left, top, right, bottom = bounds(shapes)
    x, y, width, height = view_box(shapes)
    assert (x, y) <= (left - 1.8, top - 1.8) and (right + 1.8, bottom + 1.8) <= (x + width, y + height)


def test_drawings_are_byte_identical_in_a_second_build(site: Path, tmp_path: Path) -> None:
    """A second build, in its own process, draws every figure byte for byte the same."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(tmp_path)],
        cwd=ROOT, env=env, check=True,
    )
    assert digests(tmp_path) == digests(site)


@pytest.mark.parametrize("src_uri", METHOD_PAGES)
def test_drawings_keep_the_content_security_policy(site: Path, src_uri: str) -> None:
    page_html = built_page(site, src_uri).read_text()
    for figure in figures(site, src_uri):
        assert not [n for n in html.elements(figure) if "style" in n.attributes or n.tag == "style"]
        assert 'fill="currentColor"' in (figure.html or "") or 'stroke="currentColor"' in (figure.html or "")
    assert check_policy(page_html) == []


# Plausible bodies: the build refuses a body that floats, sinks or bends where joints cannot --------


@pytest.mark.parametrize("name", DRAWINGS)
def test_the_body_rests_where_its_pose_says(name: str) -> None:
    assert pose_problems(DRAWINGS[name].pose) == []


def test_the_roller_lies_under_the_upper_back_with_the_head_off_the_floor() -> None:
    for name in ("roller-upper-back", "roller-rolling"):
        pose = DRAWINGS[name].pose
        assert {"upper_back", "hips", "left_foot", "right_foot"} <= set(pose.rests), name
        assert "head" not in pose.rests and pose_problems(pose) == [], name


def test_near_and_far_come_from_the_view() -> None:
    """Seen from the left side, the right limbs are the far ones; seen from the right, the left."""
    pose = DRAWINGS["chair-sit"].pose
    from_right = svg(pose)
    from_left = svg(replace(pose, view=replace(pose.view, side="left side")))
    assert from_right.count('class="far"') == from_left.count('class="far"') > 0
    assert from_right != from_left


# Mistakes stop the build with one line: file, line, drawing, what is wrong, the fix -----------------


def shown(error: DrawingError) -> str:
    return str(error)


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("a:\n  alt: x y\n  acent: [back]\n", "x.poses.yml:3: a: unknown key 'acent' in the drawing; did you mean 'accent'?"),
        ("a:\n  alt: x y\n  view: {from: left side}\n  body:\n    left_leg: {}\n    left_arm: {}\n    right_arm: {}\n",
         "x.poses.yml:4: a: body has no right_leg; add  right_leg: {}  (straight), or give its angles: hip, out, turn, knee, ankle"),
        ("a:\n  alt: x y\n  view: {from: left side}\n  body:\n    left_leg: {knee: -20}\n",
         "x.poses.yml:5: a: left_leg knee is -20, outside 0 to 155 (0 straight; a knee bends one way only); use a number in that range"),
        ("a:\n  alt: x y\n  view: {from: left side}\n  body:\n    left_leg: {knee: bent}\n",
         "x.poses.yml:5: a: left_leg knee must be a number, not 'bent'; write a plain number, such as 90"),
        ("a:\n  alt: x: y\n", "x.poses.yml:2: YAML error at line 2, column 9: mapping values are not allowed here;"
         " check that line: indent with spaces (two a level, no tabs), close every { and [, and quote text that contains ': '"),
        ("a:\n  alt: x y\n  view: {from: above, head: left}\n", "x.poses.yml:3: a: a drawing seen from above says so under it;"
         " start its caption with  Seen from above."),
        ("a:\n  alt: x y\n  view: {from: lefft side}\n", "x.poses.yml:3: a: view from is 'lefft side', which is not known; did you mean 'left side'?"),
        ("a:\n  alt: x y\n  props: [{prop: chiar}]\n", "x.poses.yml:3: a: prop is 'chiar', which is not known; did you mean 'chair'?"),
        ("a:\n  alt: x y\n  props: [{prop: table}]\n", "x.poses.yml:3: a: prop is 'table', which is not known; use one of: floor, wall, chair, roller, arrow"),
    ],
    ids=["unknown-key", "missing-leg", "knee-backwards", "wrong-type", "yaml", "above-without-caption", "unknown-view", "misspelled-prop", "unknown-prop"],
)
def test_each_pose_mistake_has_one_line_with_its_fix(tmp_path: Path, yaml_text: str, message: str) -> None:
    poses = tmp_path / "x.poses.yml"
    poses.write_text(yaml_text)
    with pytest.raises(DrawingError) as error:
        load_file(poses, "x.poses.yml")
    assert shown(error.value) == message


def case_config(case: Path, project: Path) -> Path:
    """The real project with the case's files laid over it."""
    copy_project(project)
    for path in (case / "docs").rglob("*"):
        if path.is_file():
            shutil.copy(path, project / path.relative_to(case))
    return project / "mkdocs.yml"


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_drawing_case(case: Path, tmp_path: Path) -> None:
    """Golden builds: each folder of tests/drawing_cases/ changes a file or two, and the build stops with its message.

    The whole build runs, every hook and plugin, as `make build` does: a broken poses file once
    built fine with the drawings' hook alone and crashed in the home page's method list.
    """
    config_file = case_config(case, tmp_path / "project")
    expected = (case / "expected.txt").read_text().strip()
    assert gate_error(config_file, tmp_path / "site") == expected


# Pictures where readers choose: the home page, the finder and the link preview cards -------------


def test_each_method_card_and_finder_link_shows_the_methods_drawing(site: Path) -> None:
    home = html.article(html.parse(built_page(site, "index.md").read_text()))
    cards = home.css(".method-overview li")
    assert len(cards) == len(METHOD_PAGES) and all(card.css_first("svg.method-thumb") for card in cards)
    finder = html.article(html.parse(built_page(site, "methods/index.md").read_text()))
    links = finder.css(".method-finder a")
    assert links and all(link.css_first("svg.method-thumb") for link in links)
    for thumb in home.css("svg.method-thumb") + finder.css("svg.method-thumb"):
        # A picture beside a link that names the method: hidden from screen readers, with no id to repeat.
        assert html.attribute(thumb, "aria-hidden") == "true" and thumb.css_first("title") is None


def drawn_pixels(png: bytes) -> int:
    """How many pixels right of the title are dark: the drawing's outlines (the card is teal, its text white)."""
    from PIL import Image

    from backguide.cards import PANEL

    with Image.open(io.BytesIO(png)) as image:
        data = image.convert("RGB").crop(PANEL).tobytes()
    return sum(1 for i in range(0, len(data), 3) if max(data[i:i + 3]) < 90)


@pytest.mark.parametrize("src_uri", METHOD_PAGES)
def test_each_method_pages_link_preview_card_shows_its_drawing(site: Path, src_uri: str) -> None:
    card = site / "assets" / "cards" / (src_uri.removesuffix(".md") + ".png")
    assert drawn_pixels(card.read_bytes()) > 1_000, f"{src_uri}: no drawing on its card"


# The rules page's long title ("General Rules of Thumb for Cracking Your Own Back") takes four
# lines beside its drawing.
@pytest.mark.parametrize("src_uri", ["index.md", "methods/index.md", "rules.md", "help.md"])
def test_the_home_finder_rules_and_help_cards_show_a_drawing(site: Path, src_uri: str) -> None:
    from backguide.previews import CARD_DRAWINGS

    assert CARD_DRAWINGS[src_uri] in DRAWINGS, f"{src_uri}: its card names no drawing of the site"
    card = site / "assets" / "cards" / (src_uri.removesuffix(".md") + ".png")
    assert drawn_pixels(card.read_bytes()) > 1_000, f"{src_uri}: no drawing on its card"


def test_a_title_too_long_to_sit_beside_the_drawing_keeps_the_whole_card() -> None:
    """The title comes first: one that needs the card's width gets it, and the card shows no drawing."""
    pose = DRAWINGS["chair-lean-back"].pose
    short = draw_card(Card(title="Cracking Your Back Using a Chair", kicker="Method 1", drawing=pose))
    long = draw_card(Card(title="Sitting on the Floor and Cracking Your Upper Back Gently, Then Twisting Slowly", drawing=pose))
    assert drawn_pixels(short) > 1_000 and drawn_pixels(long) == 0
    assert draw_card(Card(title="Cracking Your Back Using a Chair", kicker="Method 1", drawing=pose)) == short


# The method's main drawing, small, in "At a glance": the one picture above the warnings --------


@pytest.mark.parametrize("src_uri", METHOD_PAGES)
def test_each_method_page_shows_its_main_drawing_in_at_a_glance(site: Path, src_uri: str) -> None:
    page = html.parse(built_page(site, src_uri).read_text())
    art = html.article(page).css_first("header.method-header aside.at-a-glance > svg.at-a-glance__art")
    assert art is not None, f"{src_uri}: no drawing in 'At a glance'"
    assert html.attribute(art, "aria-hidden") == "true" and art.css_first("title") is None
    assert len(gzip.compress((art.html or "").encode(), mtime=0)) <= 4096


def test_the_header_allows_only_the_builds_glance_drawing(site: Path) -> None:
    """The allowlist of what may stand before the warnings (backguide/allowlist.py) judges the header's pictures too."""
    page = next(page for page in source_pages(ROOT / "docs") if page.src_uri == "methods/sitting.md")
    written = built_page(site, page.src_uri).read_text()
    assert check_built_page(written, page.meta, is_method=True, has_source=True) == []
    start = written.index('<svg class="at-a-glance__art"')
    art = written[start : written.index("</svg>", start) + len("</svg>")]
    drawing = DRAWINGS["sitting-twist"]
    # An author's figure, a picture, words in the drawing, or the drawing's class outside "At a glance": each refused.
    for bad in (
        art + drawing.figure(),
        art + '<img src="x.png" alt="x">',
        art + '<object data="x.svg"></object>',  # elements the content's markup rules refuse are refused in the header too
        art + '<iframe src="x.html"></iframe>',
        art.replace("</svg>", "<text>Skip the warnings</text></svg>"),
    ):
        found = check_built_page(written.replace(art, bad, 1), page.meta, is_method=True, has_source=True)
        assert any("comes before the safety warnings" in problem for problem in found), bad
    outside = written.replace("</aside>", f"</aside><p>{drawing.thumbnail('at-a-glance__art')}</p>", 1)
    assert check_built_page(outside, page.meta, is_method=True, has_source=True)


def spine_height_of(pose, point) -> float:
    """How far up the spine (0 at the pelvis, 51 at the base of the neck) a point of the back lies."""
    from backguide.figure import TRUNK, add, dot, length, scale, scene, sub

    sections = [(section.centre, row[0]) for section, row in zip(scene(pose).bones.trunk, TRUNK)]
    best = (float("inf"), 0.0)
    for (a, low), (b, high) in zip(sections, sections[1:]):
        ab = sub(b, a)
        t = max(0.0, min(1.0, dot(sub(point, a), ab) / dot(ab, ab)))
        best = min(best, (length(sub(point, add(a, scale(ab, t)))), low + t * (high - low)))
    return best[1]


def test_sliding_down_puts_the_chairs_edge_higher_up_the_spine() -> None:
    """Step 5: "slide down in the chair a bit to get at higher levels of your spine"; the edge is marked."""
    from backguide.figure import scene

    heights = {}
    for name in ("chair-lean-back", "chair-slide-down"):
        pose = DRAWINGS[name].pose
        chair = scene(pose).chair
        heights[name] = spine_height_of(pose, (0.0, chair.top, chair.back_z))
        assert svg(pose).count('class="contact"') == 1, f"{name}: the point on the chair's edge is marked"
    assert heights["chair-slide-down"] - heights["chair-lean-back"] >= 10, heights
    assert heights["chair-slide-down"] >= 35, "under the shoulder blades"


def test_the_poses_example_in_content_md_reads_and_its_misspelt_key_is_the_case_it_shows(tmp_path: Path) -> None:
    """CONTENT.md's example is what authors copy: as written it reads, and its documented mistake is a golden case."""
    content = (ROOT / "CONTENT.md").read_text()
    drawings = content.split("## Drawings", 1)[1]
    example = drawings.split("```yaml\n", 1)[1].split("```", 1)[0]
    poses = tmp_path / "chair.poses.yml"
    poses.write_text(example)
    assert list(load_file(poses, "docs/methods/chair.poses.yml")) == ["chair-lean-back"]
    shown_mistake = drawings.split("```\ndocs/methods/", 1)[1].split("\n", 1)[0]
    expected = (ROOT / "tests" / "drawing_cases" / "pose-unknown-key" / "expected.txt").read_text()
    assert f"  docs/methods/{shown_mistake}" in expected.splitlines()


def inside(point: tuple[float, float], polygon: tuple[tuple[float, float], ...]) -> bool:
    """Whether a point lies in a convex polygon (the mat, as drawn), its edges included."""
    signs = set()
    for (x0, y0), (x1, y1) in zip(polygon, polygon[1:] + polygon[:1]):
        cross = (x1 - x0) * (point[1] - y0) - (y1 - y0) * (point[0] - x0)
        if abs(cross) > 1e-6:
            signs.add(cross > 0)
    return len(signs) <= 1


def on_a_mat(name: str) -> bool:
    """A drawing with a floor seen from above its level, so drawn as a mat (not as a line)."""
    pose = DRAWINGS[name].pose
    return any(prop.kind == "floor" for prop in pose.props) and abs(model.camera(pose, model.scene(pose).bones).up[1]) <= 0.99


@pytest.mark.parametrize("name", sorted(filter(on_a_mat, DRAWINGS)))
def test_what_lies_on_the_floor_is_drawn_on_the_mat(name: str) -> None:
    """A hand stretched out on the floor (floor #1's side twist) is drawn over the mat, not above its far edge."""
    pose = DRAWINGS[name].pose
    placed = model.scene(pose)
    view = model.camera(pose, placed.bones)
    mat = model.floor_mat(placed, view)
    low = {joint: point for joint, point in placed.bones.joints.items() if point[1] - placed.floor <= model.NEAR_FLOOR}
    assert low, f"{name}: nothing lies on the floor"
    outside = [joint for joint, point in low.items() if not inside(view.project(point), mat)]
    assert outside == [], f"{name}: drawn off the mat: {outside}"
