"""The drawings of the positions: placed in every method's steps, named, small, stable, plausible."""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from project import ROOT, SITE_URL, copy_project, gate_error

from backguide import html
from backguide.csp import check_policy
from backguide.drawings import all_drawings
from backguide.figure import LENGTH, OUTLINE, WIDTH, side_joints
from backguide.site import built_page, method_pages, source_pages

DOCS = ROOT / "docs"
METHOD_PAGES = [page.src_uri for page in method_pages(source_pages(DOCS))]
FLOOR_OPTIONS = ["side-twist", "stretch-and-corpse-pose", "knees-to-chest", "knee-across"]
DRAWINGS = all_drawings(DOCS)


def figures(site: Path, src_uri: str) -> list[html.Node]:
    return html.article(html.parse(built_page(site, src_uri).read_text())).css("figure.drawing")


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
    assert len(ids) == len(set(ids)), "each drawing's id is unique on its page"


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


# Small, stable, and within the site's policy ------------------------------------------------


@pytest.mark.parametrize("name", DRAWINGS)
def test_each_drawing_is_at_most_4_kb_gzipped(name: str) -> None:
    assert len(gzip.compress(DRAWINGS[name].figure().encode(), mtime=0)) <= 4096


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
    assert check_policy(page_html) == []


# Mistakes stop the build with a message that names the fix -----------------------------------


def test_an_unknown_drawing_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "methods" / "chair.md"
    page.write_text(page.read_text().replace("drawing: chair-sit", "drawing: chair-sitting"))
    error = gate_error(project / "mkdocs.yml", tmp_path / "site")
    assert error == (
        "Cannot publish yet, 1 file to fix:\n"
        "  docs/methods/chair.md: <!-- drawing: chair-sitting --> names no drawing in docs/methods/chair.poses.yml;"
        ' add a pose "chair-sitting" there, or use one it has (chair-lean-back, chair-sit)'
    )


def test_a_drawing_without_alt_text_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    poses = project / "docs" / "methods" / "chair.poses.yml"
    poses.write_text(re.sub(r"(chair-sit:\n)  alt: .*\n", r"\1", poses.read_text()))
    error = gate_error(project / "mkdocs.yml", tmp_path / "site")
    assert error.startswith('Cannot publish yet, 1 file to fix:\n  docs/methods/chair.poses.yml: drawing "chair-sit" has no alt text; add  alt: ')


# Plausible bodies: joints bend the way joints bend, and the body rests where it should ------


def turn(angle: float) -> float:
    """An angle folded into -180..180."""
    return (angle + 180) % 360 - 180


SIDE = {name: d.pose for name, d in DRAWINGS.items() if d.pose.get("view", "side") == "side"}
ABOVE = {name: d.pose for name, d in DRAWINGS.items() if d.pose.get("view") == "above"}


@pytest.mark.parametrize("name", SIDE)
def test_side_view_joints_bend_within_human_range(name: str) -> None:
    body = SIDE[name]["body"]
    lower, upper = body["spine"]
    assert -30 <= turn(upper - lower) <= 45, "the spine bends back at most 45°, forward at most 30°"
    assert -40 <= turn(body.get("head", upper) - upper) <= 40, "the neck turns at most 40°"
    for leg in ("leg", "far_leg"):
        if leg in body:
            thigh, shin = body[leg][0], body[leg][1]
            assert 0 <= turn(thigh - shin) <= 160, f"{leg}: a knee only bends one way"
            assert -20 <= 180 - (lower - thigh) % 360 <= 140, f"{leg}: the hip bends within its range"
    for arm in ("arm", "far_arm"):
        if arm in body:
            assert 0 <= turn(body[arm][1] - body[arm][0]) <= 150, f"{arm}: an elbow only bends one way"


@pytest.mark.parametrize("name", ABOVE)
def test_seen_from_above_no_limb_is_longer_than_the_skeleton(name: str) -> None:
    for key, limb in ABOVE[name]["body"].items():
        if key.endswith(("_arm", "_leg")):
            assert all(0 < scale <= 1 for scale in limb.get("scale", [1, 1])), key


def lowest_point(pose: dict) -> float:
    """How low the body reaches, with the thickness of each part and its outline."""
    joints = side_joints(pose["body"])
    half = {"hip": WIDTH["pelvis"] / 2, "head": LENGTH["head"], "waist": WIDTH["chest"] / 2, "shoulder": WIDTH["chest"] / 2}
    reach = [y + half.get(name, WIDTH["foot"] / 2) + OUTLINE / 2 for name, (_, y) in joints.items()]
    return max(reach)


@pytest.mark.parametrize("name", [n for n, p in SIDE.items() if any(x["prop"] == "floor" for x in p.get("props", []))])
def test_the_body_rests_on_the_floor(name: str) -> None:
    pose = SIDE[name]
    floor = next(x["y"] for x in pose["props"] if x["prop"] == "floor")
    if any(x["prop"] == "chair" for x in pose["props"]):
        chair = next(x for x in pose["props"] if x["prop"] == "chair")
        hip_y = side_joints(pose["body"])["hip"][1]
        assert abs(hip_y + WIDTH["pelvis"] / 2 - chair["seat"]) <= 4, "the hips sit on the seat"
    assert abs(lowest_point(pose) - floor) <= 4, "the body touches the floor, neither floating nor sunk into it"


def test_the_roller_sits_under_the_upper_back_and_the_head_is_off_the_floor() -> None:
    pose = DRAWINGS["roller-upper-back"].pose
    joints = side_joints(pose["body"])
    roller = next(x for x in pose["props"] if x["prop"] == "roller")
    floor = next(x["y"] for x in pose["props"] if x["prop"] == "floor")
    (wx, wy), (sx, sy), (cx, cy) = joints["waist"], joints["shoulder"], roller["centre"]
    along = ((cx - wx) * (sx - wx) + (cy - wy) * (sy - wy)) / LENGTH["chest"] ** 2
    assert 0 < along < 1, "the roller is under the chest segment (the upper back), not the lower back"
    distance = abs((sx - wx) * (wy - cy) - (wx - cx) * (sy - wy)) / LENGTH["chest"]
    assert abs(distance - (roller["radius"] + WIDTH["chest"] / 2 + OUTLINE / 2)) <= 3, "the back lies on the roller"
    assert abs(cy + roller["radius"] - floor) <= 1, "the roller lies on the floor"
    assert joints["head"][1] + LENGTH["head"] < floor - 10, "the head does not touch the floor"
    for leg in ("leg", "far_leg"):
        assert abs(joints[f"{leg}_ankle"][1] + WIDTH["foot"] / 2 + OUTLINE / 2 - floor) <= 3, "feet flat on the floor"
