"""A line drawing of a human figure, from a few numbers: one skeleton, two views.

No library draws a posable figure with body volume into a small static SVG, so this is
written by hand: forward kinematics over one shared skeleton, then each body part as a
thick rounded stroke (an outline stroke with a body-coloured stroke on top).

Angles are degrees, 0 pointing right and 90 pointing up, as in school geometry; the SVG's
y axis points down, so `point` flips it. Every number is rounded to one decimal and every
part is written in a fixed order, so the same pose gives the same bytes on every build.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape
from typing import Any, Mapping

# The one skeleton: segment lengths, the same for every drawing, in drawing units.
LENGTH = {
    "pelvis": 24, "chest": 28, "neck": 9, "head": 11,  # head is a radius
    "upper_arm": 27, "forearm": 25, "hand": 4.5,  # hand is a radius
    "thigh": 42, "shin": 41, "foot": 12,
    "shoulders": 34, "hips": 24,  # widths, seen from above
}
# How thick each part is drawn.
WIDTH = {"pelvis": 23, "chest": 27, "neck": 9, "upper_arm": 10, "forearm": 8, "thigh": 15, "shin": 11, "foot": 7}
OUTLINE = 3.4  # how much wider the outline stroke is than the part it outlines


@dataclass(frozen=True)
class Stroke:
    """One body part or prop: a path, how thick, and its class (the colour, set in CSS)."""

    points: tuple[tuple[float, float], ...]
    width: float
    kind: str  # body, far (the limb further from the viewer), accent, prop
    closed: bool = False
    curve: bool = False  # three points: a quadratic curve through the middle one's pull


@dataclass(frozen=True)
class Circle:
    centre: tuple[float, float]
    radius: float
    kind: str


def point(origin: tuple[float, float], angle: float, length: float) -> tuple[float, float]:
    radians = math.radians(angle)
    return (origin[0] + length * math.cos(radians), origin[1] - length * math.sin(radians))


def chain(origin: tuple[float, float], angles: list[float], lengths: list[float]) -> list[tuple[float, float]]:
    points = [origin]
    for angle, length in zip(angles, lengths):
        points.append(point(points[-1], angle, length))
    return points


# Side view -----------------------------------------------------------------------------------


def side_joints(body: Mapping[str, Any]) -> dict[str, tuple[float, float]]:
    """Where the joints of a side-view pose are: the one place its angles become points."""
    hip = (float(body["hip"][0]), float(body["hip"][1]))
    lower, upper = body["spine"]
    waist = point(hip, lower, LENGTH["pelvis"])
    shoulder = point(waist, upper, LENGTH["chest"])
    joints = {"hip": hip, "waist": waist, "shoulder": shoulder}
    joints["head"] = point(shoulder, body.get("head", upper), LENGTH["neck"] + LENGTH["head"])
    for name in ("leg", "far_leg"):
        if name in body:
            thigh, shin = body[name][0], body[name][1]
            foot = body[name][2] if len(body[name]) > 2 else shin + 90
            knee, ankle = chain(hip, [thigh, shin], [LENGTH["thigh"], LENGTH["shin"]])[1:]
            joints |= {f"{name}_knee": knee, f"{name}_ankle": ankle, f"{name}_toe": point(ankle, foot, LENGTH["foot"])}
    for name in ("arm", "far_arm"):
        if name in body:
            elbow, wrist = chain(shoulder, body[name], [LENGTH["upper_arm"], LENGTH["forearm"]])[1:]
            joints |= {f"{name}_elbow": elbow, f"{name}_hand": wrist}
    return joints


def side_view(body: Mapping[str, Any], accent: set[str]) -> list[Stroke | Circle]:
    """A figure seen from its left side, facing right when upright; the far limbs are drawn first."""
    joints = side_joints(body)
    hip, waist, shoulder, head = joints["hip"], joints["waist"], joints["shoulder"], joints["head"]
    head_angle = body.get("head", body["spine"][1])

    def kind(part: str, far: bool = False) -> str:
        return "accent" if part in accent else ("far" if far else "body")

    def leg(name: str) -> list[Stroke | Circle]:
        knee, ankle, toe = joints[f"{name}_knee"], joints[f"{name}_ankle"], joints[f"{name}_toe"]
        part = kind(name, name.startswith("far"))
        return [
            Stroke((ankle, toe), WIDTH["foot"], part),
            Stroke((ankle, knee), WIDTH["shin"], part),
            Stroke((knee, hip), WIDTH["thigh"], part),
        ]

    def arm(name: str) -> list[Stroke | Circle]:
        elbow, wrist = joints[f"{name}_elbow"], joints[f"{name}_hand"]
        part = kind(name, name.startswith("far"))
        return [
            Stroke((shoulder, elbow), WIDTH["upper_arm"], part),
            Stroke((elbow, wrist), WIDTH["forearm"], part),
            Circle(wrist, LENGTH["hand"], part),
        ]

    groups: dict[str, list[Stroke | Circle]] = {
        "far_arm": arm("far_arm") if "far_arm" in body else [],
        "far_leg": leg("far_leg") if "far_leg" in body else [],
        "leg": leg("leg"),
        "torso": [
            Stroke((point(shoulder, head_angle, 4), shoulder), WIDTH["neck"], kind("spine")),
            Stroke((hip, waist, shoulder), WIDTH["chest"] - 2, kind("spine")),
            Circle(head, LENGTH["head"], kind("head")),
            Stroke((point(head, head_angle - 90, LENGTH["head"] - 3), point(head, head_angle - 90, LENGTH["head"] + 1.5)), 4, kind("head")),  # the nose
        ],
        "arm": arm("arm"),
    }
    # Far side first; a pose may change the order, e.g. to put a far arm across a near knee.
    order = body.get("order", ["far_arm", "far_leg", "leg", "torso", "arm"])
    return [part for group in order for part in groups[group]]


# Seen from above -----------------------------------------------------------------------------


def top_view(body: Mapping[str, Any], accent: set[str]) -> list[Stroke | Circle]:
    """A figure lying on its back, seen from above.

    `axis` points from the pelvis to the head; the person's right side is on the left of that
    direction (their face is up). A limb may be foreshortened (a knee pointing at the ceiling)
    with a scale of at most 1 per segment, and `over` draws it on top of the torso.
    """
    hip = tuple(body["hip"])
    axis = body["axis"]
    neck = point(hip, axis, LENGTH["pelvis"] + LENGTH["chest"])
    across = axis + body.get("twist", 0)  # the shoulders' direction of travel, turned by a twist
    right_dir = across + 90
    shoulders = {
        "right": point(neck, right_dir, LENGTH["shoulders"] / 2),
        "left": point(neck, right_dir + 180, LENGTH["shoulders"] / 2),
    }
    hip_width = LENGTH["hips"] * body.get("hips_seen", 1)
    hips = {
        "right": point(hip, axis + 90 + body.get("pelvis_turn", 0), hip_width / 2),
        "left": point(hip, axis - 90 + body.get("pelvis_turn", 0), hip_width / 2),
    }

    def kind(part: str) -> str:
        return "accent" if part in accent else "body"

    def limb(side: str, name: str, spec: Mapping[str, Any]) -> list[Stroke | Circle]:
        scale = spec.get("scale", [1, 1])
        if name == "arm":
            origin, keys = shoulders[side], ("upper_arm", "forearm")
        else:
            origin, keys = hips[side], ("thigh", "shin")
        lengths = [LENGTH[key] * factor for key, factor in zip(keys, scale)]
        joint, end = chain(origin, spec["angles"], lengths)[1:]
        part = kind(f"{side}_{name}")
        strokes: list[Stroke | Circle] = [Stroke((end, joint), WIDTH[keys[1]], part)]
        if name == "leg":
            strokes.insert(0, Stroke((end, point(end, spec.get("foot", spec["angles"][1]), 9)), WIDTH["foot"], part))
        strokes.append(Stroke((joint, origin), WIDTH[keys[0]], part))
        if name == "arm":
            strokes.append(Circle(end, LENGTH["hand"], part))
        return strokes

    under: list[Stroke | Circle] = []
    over: list[Stroke | Circle] = []
    for side in ("right", "left"):
        for name in ("leg", "arm"):
            spec = body[f"{side}_{name}"]
            (over if spec.get("over") else under).extend(limb(side, name, spec))
    torso = Stroke(
        (shoulders["right"], shoulders["left"], hips["left"], hips["right"]), 12, kind("spine"), closed=True
    )
    head = point(neck, axis, 4 + LENGTH["head"])
    parts: list[Stroke | Circle] = [*under, torso, Circle(head, LENGTH["head"] + 1, kind("head"))]
    if "look" in body:  # the nose, pointing where the face is turned
        nose_at = point(head, body["look"], LENGTH["head"] - 3)
        parts.append(Stroke((nose_at, point(nose_at, body["look"], 5)), 4, kind("head")))
    return parts + over


# Props ---------------------------------------------------------------------------------------


def props(items: list[Mapping[str, Any]]) -> tuple[list[Stroke | Circle], list[Stroke | Circle]]:
    """Props under the body (floor, mat, chair, roller) and over it (arrows)."""
    under: list[Stroke | Circle] = []
    over: list[Stroke | Circle] = []
    for item in items:
        kind = item["prop"]
        if kind == "floor":
            y = item["y"]
            under.append(Stroke(((item.get("from", 4), y), (item.get("to", 236), y)), 2.5, "prop"))
        elif kind == "mat":  # seen from above: a rectangle on the floor
            x, y, w, h = item["box"]
            under.append(Stroke(((x, y), (x + w, y), (x + w, y + h), (x, y + h)), 2, "mat", closed=True))
        elif kind == "chair":  # seen from the side, its back on the left
            x, seat, floor = item["x"], item["seat"], item["floor"]
            top = item.get("top", seat - 55)
            depth = item.get("depth", 46)
            under.append(Stroke(((x, floor), (x, top)), 5, "prop"))
            under.append(Stroke(((x, seat), (x + depth, seat), (x + depth, floor)), 5, "prop"))
        elif kind == "roller":
            if "centre" in item:  # seen from the side: a circle
                under.append(Circle(tuple(item["centre"]), item["radius"], "roller"))
            else:  # seen from above: a thick rounded bar
                under.append(Stroke((tuple(item["from"]), tuple(item["to"])), item["radius"] * 2, "roller"))
        elif kind == "guide":  # a dashed line: where something was
            under.append(Stroke((tuple(item["from"]), tuple(item["to"])), 2, "guide"))
        elif kind == "arrow":
            over.extend(arrow([tuple(p) for p in item["path"]]))
    return under, over


def arrow(points: list[tuple[float, float]]) -> list[Stroke | Circle]:
    """A line through the points (a curve through three), with a head at the last one."""
    end, before = points[-1], points[-2]
    heading = math.degrees(math.atan2(-(end[1] - before[1]), end[0] - before[0]))
    head = (point(end, heading + 150, 8), end, point(end, heading - 150, 8))
    return [Stroke(tuple(points), 3, "arrow", curve=len(points) == 3), Stroke(head, 3, "arrow")]


# SVG -----------------------------------------------------------------------------------------


def _n(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _path(stroke: Stroke) -> str:
    first, *rest = stroke.points
    if stroke.curve:
        return f"M{_n(first[0])} {_n(first[1])}Q" + " ".join(f"{_n(x)} {_n(y)}" for x, y in rest)
    d = f"M{_n(first[0])} {_n(first[1])}" + "".join(f"L{_n(x)} {_n(y)}" for x, y in rest)
    return d + ("Z" if stroke.closed else "")


def shape(part: Stroke | Circle) -> str:
    """An outlined part: a currentColor stroke, and a body-coloured stroke inside it."""
    if isinstance(part, Circle):
        x, y, r = _n(part.centre[0]), _n(part.centre[1]), _n(part.radius)
        return f'<circle class="{part.kind}" cx="{x}" cy="{y}" r="{r}" stroke-width="2"/>'
    d = _path(part)
    if part.kind in ("prop", "arrow", "guide", "mat"):
        return f'<path class="{part.kind}" d="{d}" stroke-width="{_n(part.width)}"/>'
    if part.kind == "roller":
        return (
            f'<path class="line" d="{d}" stroke-width="{_n(part.width + OUTLINE)}"/>'
            f'<path class="roller" d="{d}" stroke-width="{_n(part.width)}"/>'
        )
    return (
        f'<path class="line" d="{d}" stroke-width="{_n(part.width + OUTLINE)}"/>'
        f'<path class="{part.kind}{" closed" if part.closed else ""}" d="{d}" stroke-width="{_n(part.width)}"/>'
    )


def svg(name: str, drawing: Mapping[str, Any]) -> str:
    """The drawing as inline SVG, named by its `<title>` for screen readers."""
    accent = set(drawing.get("accent", []))
    view = side_view if drawing.get("view", "side") == "side" else top_view
    under, over = props(drawing.get("props", []))
    parts = under + view(drawing["body"], accent) + over
    # The box the drawing shows: x, y, width and height, in the units of the skeleton.
    left, top, width, height = drawing.get("box", [0, 0, 240, 150])
    title_id = f"drawing-{name}"
    return (
        f'<svg class="drawing__art" viewBox="{_n(left)} {_n(top)} {_n(width)} {_n(height)}" role="img"'
        f' aria-labelledby="{title_id}" stroke="currentColor" fill="none"'
        f' stroke-linecap="round" stroke-linejoin="round">'
        f'<title id="{title_id}">{escape(drawing["alt"], quote=False)}</title>'
        + "".join(shape(part) for part in parts)
        + "</svg>"
    )
