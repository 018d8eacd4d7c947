"""A line drawing of a person, from a pose: one skeleton in 3D, seen from the pose's view.

No library draws a posable figure with body volume into a small static SVG (or into the
Pillow image of a link preview card), so this is written by hand: forward kinematics over
one shared skeleton, an orthographic camera, and each body part drawn as an outlined shape,
the parts furthest from the reader first. Which limbs are near and which far follows from
the view, so a drawing cannot show the right knee where its text says left.

Coordinates: x is the person's left, y up, z forward, for a person standing at the origin
(the middle of the pelvis). Every number is rounded to one decimal and every part written
in a fixed order, so the same pose gives the same bytes on every build.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from html import escape
from typing import Iterable

from backguide.poses import GROUPS, SIDES, VIEW_SIDES, Arm, Back, Body, Leg, Pose, Prop

Vec = tuple[float, float, float]
Mat = tuple[Vec, Vec, Vec]  # rows
Point = tuple[float, float]

# The one skeleton, in drawing units (about a centimetre).
LENGTH = {
    "lower_back": 20, "upper_back": 30, "neck": 6, "head": 11,  # head is a radius
    "shoulder_x": 16, "shoulder_y": -4,  # shoulder joints from the base of the neck
    "hip_x": 8.5, "hip_y": -5,  # hip joints from the middle of the pelvis
    "upper_arm": 28, "forearm": 25, "hand": 4.3,  # hand is a radius
    "thigh": 43, "shin": 41, "foot": 13, "heel": 3,
}
# Radius of each limb part where it starts and where it ends.
RADIUS = {
    "neck": (4.2, 4.2), "upper_arm": (4.8, 3.9), "forearm": (3.9, 3.0),
    "thigh": (7.8, 5.4), "shin": (5.2, 3.4), "foot": (2.6, 2.2),
}
# The trunk's cross-sections from the pelvis to the shoulders: (height along the spine, half width, half depth).
TRUNK = ((-6, 12.5, 10.5), (0, 13, 11), (20, 11.5, 9.5), (35, 13.5, 11), (46, 15.5, 10), (51, 13, 7))
OUTLINE = 1.8  # the line around every part


# Vectors ---------------------------------------------------------------------------------------


def add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def scale(a: Vec, k: float) -> Vec:
    return (a[0] * k, a[1] * k, a[2] * k)


def dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def length(a: Vec) -> float:
    return math.sqrt(dot(a, a))


def cross(a: Vec, b: Vec) -> Vec:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def unit(a: Vec) -> Vec:
    return scale(a, 1 / (length(a) or 1))


def apply(m: Mat, v: Vec) -> Vec:
    return (dot(m[0], v), dot(m[1], v), dot(m[2], v))


def mul(a: Mat, b: Mat) -> Mat:
    columns = list(zip(*b))
    return tuple(tuple(dot(row, column) for column in columns) for row in a)  # type: ignore[return-value]


def rot(axis: str, degrees: float) -> Mat:
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    if axis == "x":
        return ((1, 0, 0), (0, c, -s), (0, s, c))
    if axis == "y":
        return ((c, 0, s), (0, 1, 0), (-s, 0, c))
    return ((c, -s, 0), (s, c, 0), (0, 0, 1))


def turned(m: Mat, *turns: tuple[str, float]) -> Mat:
    for axis, degrees in turns:
        if degrees:
            m = mul(m, rot(axis, degrees))
    return m


def column(m: Mat, index: int) -> Vec:
    return (m[0][index], m[1][index], m[2][index])


# The skeleton ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """A limb part: a tapered rod from one joint to the next."""

    name: str  # e.g. left_shin
    start: Vec
    end: Vec
    radius: tuple[float, float]


@dataclass(frozen=True)
class Section:
    """A cross-section of the trunk: its centre, its own axes, its half width and half depth."""

    centre: Vec
    frame: Mat
    width: float
    depth: float


@dataclass
class Skeleton:
    joints: dict[str, Vec] = field(default_factory=dict)
    segments: list[Segment] = field(default_factory=list)
    trunk: list[Section] = field(default_factory=list)
    head_frame: Mat = ((1, 0, 0), (0, 1, 0), (0, 0, 1))
    pelvis_frame: Mat = ((1, 0, 0), (0, 1, 0), (0, 0, 1))


def back_turn(back: Back, share: float) -> tuple[tuple[str, float], ...]:
    return (("x", back.bend * share), ("z", -back.side * share), ("y", back.twist * share))


def skeleton(body: Body) -> Skeleton:
    """Every joint of the body, from its angles; the pelvis at the origin."""
    bones = Skeleton()
    pelvis = turned(rot("x", -body.lean), ("y", -body.roll))
    bones.pelvis_frame = pelvis
    hips = (0.0, 0.0, 0.0)
    lower = turned(pelvis, *back_turn(body.lower_back, 1))
    waist = add(hips, apply(lower, (0, LENGTH["lower_back"], 0)))
    middle = turned(lower, *back_turn(body.upper_back, 0.5))
    chest = add(waist, apply(middle, (0, LENGTH["upper_back"] / 2, 0)))
    upper = turned(middle, *back_turn(body.upper_back, 0.5))
    neck = add(chest, apply(upper, (0, LENGTH["upper_back"] / 2, 0)))
    head_frame = turned(upper, ("x", body.neck.bend), ("y", body.neck.turn))
    head = add(neck, apply(head_frame, (0, LENGTH["neck"] + LENGTH["head"] - 1, 0)))
    bones.head_frame = head_frame
    bones.joints |= {"hips": hips, "waist": waist, "chest": chest, "neck": neck, "head": head}
    bones.segments.append(Segment("neck", neck, add(neck, apply(head_frame, (0, LENGTH["neck"], 0))), RADIUS["neck"]))

    # The trunk's cross-sections follow the spine: each takes the frame of the part it is on.
    spine = [(hips, pelvis, 0.0), (waist, lower, LENGTH["lower_back"]), (chest, middle, 35.0), (neck, upper, 50.0)]
    for height, width, depth in TRUNK:
        base, frame, start = next((p, f, s) for p, f, s in reversed(spine) if s <= max(height, 0))
        bones.trunk.append(Section(add(base, apply(frame, (0, height - start, 0))), frame, width, depth))

    for side in SIDES:
        sign = 1 if side == "left" else -1
        arm: Arm = body.limb(side, "arm")  # type: ignore[assignment]
        shoulder = add(neck, apply(upper, (sign * LENGTH["shoulder_x"], LENGTH["shoulder_y"], 0)))
        upper_arm = turned(upper, ("x", -arm.shoulder), ("z", sign * arm.out), ("y", sign * arm.turn))
        elbow = add(shoulder, apply(upper_arm, (0, -LENGTH["upper_arm"], 0)))
        forearm = turned(upper_arm, ("x", -arm.elbow))
        wrist = add(elbow, apply(forearm, (0, -LENGTH["forearm"], 0)))
        hand = add(wrist, apply(forearm, (0, -LENGTH["hand"] + 1, 0)))
        leg: Leg = body.limb(side, "leg")  # type: ignore[assignment]
        hip = add(hips, apply(pelvis, (sign * LENGTH["hip_x"], LENGTH["hip_y"], 0)))
        thigh = turned(pelvis, ("x", -leg.hip), ("z", sign * leg.out), ("y", sign * leg.turn))
        knee = add(hip, apply(thigh, (0, -LENGTH["thigh"], 0)))
        shin = turned(thigh, ("x", leg.knee))
        ankle = add(knee, apply(shin, (0, -LENGTH["shin"], 0)))
        foot = turned(shin, ("x", leg.ankle))
        heel = add(ankle, apply(foot, (0, -LENGTH["heel"], -LENGTH["heel"])))
        toe = add(ankle, apply(foot, (0, -LENGTH["heel"], LENGTH["foot"])))
        bones.joints |= {
            f"{side}_shoulder": shoulder, f"{side}_elbow": elbow, f"{side}_hand": hand,
            f"{side}_hip": hip, f"{side}_knee": knee, f"{side}_ankle": ankle, f"{side}_toe": toe,
        }
        bones.segments += [
            Segment(f"{side}_upper_arm", shoulder, elbow, RADIUS["upper_arm"]),
            Segment(f"{side}_forearm", elbow, wrist, RADIUS["forearm"]),
            Segment(f"{side}_thigh", hip, knee, RADIUS["thigh"]),
            Segment(f"{side}_shin", knee, ankle, RADIUS["shin"]),
            Segment(f"{side}_foot", heel, toe, RADIUS["foot"]),
        ]
    return bones


def hand_radius(arm: Arm) -> float:
    return LENGTH["hand"] + (2.4 if arm.hand == "fist" else 0)  # a fist reads as one at phone size


# Where each part is, for the checks: rods (segments) and balls (head, hands, pelvis) ------------


def parts(bones: Skeleton, body: Body) -> dict[str, tuple[Vec, Vec, float]]:
    """Each named part as a rod: (start, end, radius), for contact with the floor and props."""
    found = {segment.name: (segment.start, segment.end, min(segment.radius)) for segment in bones.segments}
    sections = bones.trunk
    found["hips"] = (bones.joints["left_hip"], bones.joints["right_hip"], LENGTH["hip_x"])
    found["lower_back"] = (sections[1].centre, sections[2].centre, sections[2].depth)
    found["upper_back"] = (sections[2].centre, sections[4].centre, sections[3].depth)
    found["head"] = (bones.joints["head"], bones.joints["head"], LENGTH["head"])
    for side in SIDES:
        hand = bones.joints[f"{side}_hand"]
        found[f"{side}_hand"] = (hand, hand, hand_radius(body.limb(side, "arm")))  # type: ignore[arg-type]
    return found


def lowest(start: Vec, end: Vec, radius: float) -> float:
    return min(start[1], end[1]) - radius


def section_lowest(section: Section) -> float:
    """The lowest point of a trunk cross-section (an ellipse in its own x-z plane)."""
    x, z = column(section.frame, 0), column(section.frame, 2)
    return section.centre[1] - math.hypot(section.width * x[1], section.depth * z[1])


def floor_height(bones: Skeleton, body: Body) -> float:
    """Where the floor is: under the lowest point of the body."""
    heights = [lowest(*part) for name, part in parts(bones, body).items() if name not in ("lower_back", "upper_back")]
    heights += [section_lowest(section) for section in bones.trunk]
    return min(heights)


def distance_to_segment(point: Vec, start: Vec, end: Vec) -> float:
    along = sub(end, start)
    span = dot(along, along)
    t = 0.0 if span == 0 else max(0.0, min(1.0, dot(sub(point, start), along) / span))
    return length(sub(point, add(start, scale(along, t))))


def segment_distance(a0: Vec, a1: Vec, b0: Vec, b1: Vec) -> float:
    """The shortest distance between two segments, sampled finely enough for a drawing."""
    steps = 24
    return min(
        distance_to_segment(add(a0, scale(sub(a1, a0), i / steps)), b0, b1) for i in range(steps + 1)
    )


# The scene: the body and its props, placed ----------------------------------------------------------


@dataclass(frozen=True)
class Chair:
    seat: float  # height of the seat
    back_z: float  # where its back stands
    top: float  # height of the top edge of its back
    front_z: float


@dataclass(frozen=True)
class Roller:
    centre: Vec
    radius: float
    angle: float
    dashed: bool


@dataclass
class Scene:
    pose: Pose
    bones: Skeleton
    floor: float
    chair: Chair | None = None
    rollers: list[Roller] = field(default_factory=list)
    wall_z: float | None = None


def scene(pose: Pose) -> Scene:
    """The body with its props placed against it: the floor under it, the chair under the hips,
    the roller under the upper back, the wall behind it. A prop that cannot be placed is an
    error in the pose, raised as DrawingError."""
    bones = skeleton(pose.body)
    placed = Scene(pose, bones, floor_height(bones, pose.body))
    kinds = [prop.kind for prop in pose.props]
    if "chair" in kinds:
        prop = next(p for p in pose.props if p.kind == "chair")
        seat = lowest(*parts(bones, pose.body)["hips"]) + 2  # the hips sink into the seat a little, so the thighs rest on it
        back_z = min(rearmost(section) for section in bones.trunk[:2]) - 1 - prop.gap
        placed.chair = Chair(seat, back_z, seat + prop.back, back_z + 46)
    for prop in pose.props:
        if prop.kind == "roller":
            placed.rollers.append(place_roller(pose, placed, prop))
        if prop.kind == "wall":
            placed.wall_z = min(rearmost(section) for section in bones.trunk)
    return placed


def rearmost(section: Section) -> float:
    """How far back a trunk cross-section reaches (its smallest z): where a chair's back or a wall touches it."""
    x, z = column(section.frame, 0), column(section.frame, 2)
    return section.centre[2] - math.hypot(section.width * x[2], section.depth * z[2])


def place_roller(pose: Pose, placed: Scene, prop: Prop) -> Roller:
    """The roller on the floor, under the point of the upper back that is one roller high."""
    sections = placed.bones.trunk[2:]  # the upper back, from the waist to the shoulders
    wanted = placed.floor + 2 * prop.radius
    for below, above in zip(sections, sections[1:]):
        low, high = section_lowest(below), section_lowest(above)
        if low <= wanted <= high or high <= wanted <= low:
            t = 0.5 if high == low else (wanted - low) / (high - low)
            z = below.centre[2] + t * (above.centre[2] - below.centre[2])  # under the spine's line: close enough to draw
            return Roller((0.0, placed.floor + prop.radius, z), prop.radius, prop.angle, prop.dashed)
    raise pose.error(
        f"the upper back is nowhere {prop.radius * 2:g} units (one roller) above the floor, so the roller cannot lie under it;"
        " lean the body back further (body lean) or use a smaller radius",
        "props.roller",
    )


# Checks the build runs on every pose ---------------------------------------------------------------

TOUCH = 2.5  # how close counts as resting on something, in drawing units


def supports(placed: Scene) -> list[tuple[str, Vec, Vec, float]]:
    """What a body part can rest on, each as a rod: (name, start, end, radius)."""
    found = []
    if placed.chair:
        chair = placed.chair
        found.append(("the chair's seat", (-20, chair.seat - 1, chair.back_z), (20, chair.seat - 1, chair.front_z), 1))
        found.append(("the chair's back", (-20, chair.top, chair.back_z), (20, chair.top, chair.back_z), 1.5))
    for roller in placed.rollers:
        if not roller.dashed:
            half = 45
            dx, dz = half * math.cos(math.radians(roller.angle)), half * math.sin(math.radians(roller.angle))
            c = roller.centre
            found.append(("the roller", (c[0] - dx, c[1], c[2] - dz), (c[0] + dx, c[1], c[2] + dz), roller.radius))
    return found


def resting_problems(placed: Scene) -> list[str]:
    """Each part in `rests` must touch the floor or a prop; every other part must stay clear of the floor."""
    pose, body = placed.pose, placed.pose.body
    if not pose.rests:
        return []
    rods = parts(placed.bones, body)
    wanted = {part for name in pose.rests for part in GROUPS.get(name, (name,))}
    problems = []
    for name in sorted(wanted):
        start, end, radius = rods[name]
        gap = lowest(start, end, radius) - placed.floor
        if name in ("lower_back", "upper_back"):
            index = {"lower_back": (1, 2), "upper_back": (2, 4)}[name]
            gap = min(section_lowest(s) for s in placed.bones.trunk[index[0]:index[1] + 1]) - placed.floor
        gaps = [gap] + [segment_distance(start, end, s0, s1) - radius - r for _, s0, s1, r in supports(placed)]
        if min(gaps) > TOUCH:
            problems.append(
                f"{name} is in 'rests' but touches nothing (it is {min(gaps):.0f} units from the floor or a prop);"
                " add what it rests on to 'props', change the pose, or take it out of 'rests'"
            )
    for name, (start, end, radius) in sorted(rods.items()):
        if name in wanted or name in ("hips", "lower_back", "upper_back"):
            continue
        if lowest(start, end, radius) - placed.floor <= 0.5 and not any(name.endswith(suffix) for suffix in ("_hand", "_forearm", "_upper_arm")):
            problems.append(f"{name} touches the floor but is not in 'rests'; add it to 'rests', or lift it in the pose")
    return problems


def pose_problems(pose: Pose) -> list[tuple[str, str]]:
    """Everything wrong with a pose that its numbers alone do not show, each with the key to look at:
    the build's plausibility check."""
    placed = scene(pose)
    problems = [("rests", problem) for problem in resting_problems(placed)]
    if "head" not in pose.rests and any(p.kind == "roller" for p in pose.props):
        head = placed.bones.joints["head"]
        if head[1] - LENGTH["head"] - placed.floor < 8:
            problems.append(("body", "the head nearly touches the floor, which the steps say it must not; lean back less (body lean)"))
    return problems


# The camera -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Camera:
    right: Vec  # the drawing's x, in the world
    up: Vec  # the drawing's up
    toward: Vec  # from the person toward the reader

    def project(self, p: Vec) -> Point:
        return (dot(p, self.right), -dot(p, self.up))

    def depth(self, p: Vec) -> float:
        return dot(p, self.toward)


def camera(pose: Pose, bones: Skeleton) -> Camera:
    """The reader's eye: a direction to look from, and which way is up in the drawing."""
    view = pose.view
    if view.side == "above":
        # Turned round the vertical so the head points where the view says: seen from straight
        # above at azimuth a, a direction at angle phi on the floor is drawn at angle -(phi + a).
        target = {"right": 0, "down": 90, "left": 180, "up": 270}[view.head]
        head_axis = column(bones.pelvis_frame, 1)
        phi = math.degrees(math.atan2(head_axis[2], head_axis[0]))
        return _camera(round(-target - phi, 6) % 360, 90)
    return _camera(VIEW_SIDES[view.side] + view.turn, view.raise_)


def _camera(azimuth: float, elevation: float) -> Camera:
    a, e = math.radians(azimuth), math.radians(elevation)
    level = (math.sin(a), 0.0, math.cos(a))
    right = (math.cos(a), 0.0, -math.sin(a))
    toward = add(scale(level, math.cos(e)), (0.0, math.sin(e), 0.0))
    up = sub((0.0, math.cos(e), 0.0), scale(level, math.sin(e)))
    return Camera(right, up, toward)


def far_side(left_axis: Vec, view: Camera) -> str | None:
    """The side turned away from the reader, given the body's left in the world; None when both are in view."""
    facing = dot(left_axis, view.toward)
    if facing > 0.5:
        return "right"
    if facing < -0.5:
        return "left"
    return None


# Shapes in the drawing's plane ----------------------------------------------------------------------


@dataclass(frozen=True)
class Rod:
    """A tapered rod with round ends: an outlined limb part."""

    start: Point
    end: Point
    radius: tuple[float, float]
    kind: str  # body, far, accent


@dataclass(frozen=True)
class Ball:
    centre: Point
    radius: float
    kind: str


@dataclass(frozen=True)
class Blob:
    """A closed smooth outline through its points: the trunk, a mat."""

    points: tuple[Point, ...]
    kind: str
    smooth: bool = True


@dataclass(frozen=True)
class Line:
    """A stroke: floor, chair, arrow, guide."""

    points: tuple[Point, ...]
    width: float
    kind: str  # prop, arrow, guide
    curve: bool = False
    closed: bool = False


@dataclass(frozen=True)
class Label:
    """A side's letter, L or R, beside the joint it marks."""

    at: Point
    text: str
    kind: str = "label"


Shape = Rod | Ball | Blob | Line | Label


VIEW_GAP = 14  # between two views of one drawing, in drawing units


def drawing_shapes(pose: Pose) -> list[Shape]:
    """Everything drawn, in painting order; a pose with `also` is drawn twice, the second view on the right."""
    first = view_shapes(pose)
    if pose.also is None:
        return first
    second = view_shapes(replace(pose, view=pose.also, also=None))
    _, top1, right1, bottom1 = bounds(first)
    left2, top2, _, bottom2 = bounds(second)
    # Side by side, standing on the same line (their bottoms level).
    dx, dy = right1 + VIEW_GAP - left2, bottom1 - bottom2
    return first + [moved(shape, dx, dy) for shape in second]


def moved(shape: Shape, dx: float, dy: float) -> Shape:
    def at(p: Point) -> Point:
        return (p[0] + dx, p[1] + dy)

    if isinstance(shape, Ball):
        return replace(shape, centre=at(shape.centre))
    if isinstance(shape, Rod):
        return replace(shape, start=at(shape.start), end=at(shape.end))
    if isinstance(shape, Label):
        return replace(shape, at=at(shape.at))
    return replace(shape, points=tuple(at(p) for p in shape.points))


def view_shapes(pose: Pose) -> list[Shape]:
    """Everything one view draws, in painting order: props under the body, the body far to near, arrows on top."""
    placed = scene(pose)
    bones, body = placed.bones, pose.body
    view = camera(pose, bones)
    # Which side is turned away from the reader: the arms go with the chest, the legs with the pelvis.
    far = {
        "arm": far_side(column(bones.trunk[4].frame, 0), view),
        "leg": far_side(column(bones.pelvis_frame, 0), view),
    }
    accent = {part for name in pose.accent for part in GROUPS.get(name, (name,))}

    def kind(part: str) -> str:
        if part in accent:
            return "accent"
        side, _, rest = part.partition("_")
        limb = "arm" if rest in ("upper_arm", "forearm", "hand") else "leg"
        return "far" if side == far[limb] else "body"

    layered: list[tuple[float, int, Shape]] = []
    for index, segment in enumerate(bones.segments):
        depth = view.depth(scale(add(segment.start, segment.end), 0.5))
        layered.append((depth, index, Rod(view.project(segment.start), view.project(segment.end), segment.radius, kind(segment.name))))
        if segment.name.endswith("_forearm"):
            side = segment.name.split("_")[0]
            hand = bones.joints[f"{side}_hand"]
            arm: Arm = body.limb(side, "arm")  # type: ignore[assignment]
            layered.append((view.depth(hand) + 0.01, index, Ball(view.project(hand), hand_radius(arm), kind(f"{side}_hand"))))
    # The trunk: one shape, or two where only the upper back moves (it is drawn in the accent).
    trunk_depth = view.depth(bones.joints["waist"])
    whole = accent >= {"hips", "lower_back", "upper_back"}
    if "upper_back" in accent and not whole:
        layered.append((trunk_depth, -3, Blob(trunk_outline(bones.trunk[:3], view), "body")))
        layered.append((trunk_depth, -2, Blob(trunk_outline(bones.trunk[2:], view), "accent")))
    else:
        layered.append((trunk_depth, -3, Blob(trunk_outline(bones.trunk, view), "accent" if whole else "body")))
    spine = spine_line(bones, view)
    if spine:
        layered.append((trunk_depth, -1, spine))
    head = bones.joints["head"]
    layered.append((view.depth(head), -1, Ball(view.project(head), LENGTH["head"], kind("head"))))
    cap = hair(bones, view)
    if cap:
        layered.append((view.depth(head) + 0.01, -1, cap))
    nose = face(bones, view)
    if nose:
        layered.append((view.depth(head) + 0.02, -1, nose))
    layered.sort(key=lambda item: (item[0], item[1]))
    return (
        prop_shapes(placed, view) + [shape for _, _, shape in layered] + contact_marks(placed, view)
        + arrow_shapes(pose, bones, view) + side_labels(pose, bones, view)
    )


LABEL_SIZE = 10  # the letter's height, in drawing units
LABEL_GAP = 13  # from the joint's centre to the letter's centre
LABEL_STROKE = 2.2
# Each letter as strokes in a box 0.6 wide and 1 tall, y down: bold enough to read at phone size.
LETTERS = {
    "L": (((0, 0), (0, 1), (0.6, 1)),),
    "R": (((0, 1), (0, 0), (0.4, 0), (0.6, 0.13), (0.6, 0.37), (0.4, 0.5), (0, 0.5)), ((0.3, 0.5), (0.62, 1))),
}


def letter_strokes(label: Label) -> list[tuple[Point, ...]]:
    """The label's letter as polylines in the drawing, centred on its point."""
    x0, y0 = label.at[0] - 0.3 * LABEL_SIZE, label.at[1] - 0.5 * LABEL_SIZE
    return [tuple((x0 + x * LABEL_SIZE, y0 + y * LABEL_SIZE) for x, y in stroke) for stroke in LETTERS[label.text]]


def side_labels(pose: Pose, bones: Skeleton, view: Camera) -> list[Shape]:
    """An L or R beside each joint the pose labels, set away from the body's middle so it covers nothing."""
    middle = view.project(bones.joints["waist"])
    shapes: list[Shape] = []
    for joint in pose.labels:
        x, y = view.project(bones.joints[joint])
        dx, dy = x - middle[0], y - middle[1]
        span = math.hypot(dx, dy) or 1
        shapes.append(Label((x + dx / span * LABEL_GAP, y + dy / span * LABEL_GAP), "L" if joint.startswith("left") else "R"))
    return shapes


CONTACT = 2.8  # the radius of the mark where the back presses on an edge or a roller


def contact_marks(placed: Scene, view: Camera) -> list[Shape]:
    """A dot where the back presses on the chair's edge or the roller, drawn over the body, so the
    reader sees the point the move works on. Only where the pose rests the upper back on it."""
    if "upper_back" not in placed.pose.rests and "back" not in placed.pose.rests:
        return []
    points: list[Vec] = []
    if placed.chair:
        points.append((0.0, placed.chair.top, placed.chair.back_z))
    points += [add(roller.centre, (0.0, roller.radius, 0.0)) for roller in placed.rollers if not roller.dashed]
    return [Ball(view.project(point), CONTACT, "contact") for point in points]


def face(bones: Skeleton, view: Camera) -> Line | None:
    """The nose, a short stroke where the face points, when the face is turned toward the reader."""
    forward = column(bones.head_frame, 2)
    if view.depth(forward) < -0.2:
        return None
    head = bones.joints["head"]
    start = add(head, scale(forward, LENGTH["head"] - 1.5))
    end = add(start, scale(forward, 4.5))
    a, b = view.project(start), view.project(end)
    if math.dist(a, b) < 1.5:
        return None
    return Line((a, b), 2.6, "nose")


def spine_line(bones: Skeleton, view: Camera) -> Line | None:
    """The spine down the middle of the back, where the back is turned to the reader."""
    back = scale(column(bones.trunk[3].frame, 2), -1)
    if view.depth(back) < 0.6:
        return None
    points = [view.project(add(s.centre, scale(column(s.frame, 2), -s.depth))) for s in bones.trunk[1:5]]
    return Line(tuple(points), 1.4, "spine")


def hair(bones: Skeleton, view: Camera) -> Blob | None:
    """The hair: the half of the head toward its crown and back, so a head seen from behind reads so."""
    h = unit(add(scale(column(bones.head_frame, 1), 0.8), scale(column(bones.head_frame, 2), -0.6)))
    centre, r = bones.joints["head"], LENGTH["head"]
    across = cross(h, view.toward)
    if length(across) < 0.05:  # looking straight at the crown or the face
        return Blob(tuple(view.project(add(centre, scale(p, r))) for p in _ring(view)), "hair") if dot(h, view.toward) > 0 else None
    m = unit(across)
    n = cross(h, m)
    if dot(n, view.toward) < 0:
        n = scale(n, -1)
    side = unit(sub(h, scale(view.toward, dot(h, view.toward))))  # h flattened into the drawing's plane
    points = []
    for step in range(7):  # the head's outline on the hair's side
        t = math.pi * step / 6
        points.append(add(centre, scale(add(scale(m, math.cos(t)), scale(side, math.sin(t))), r)))
    for step in range(5, 0, -1):  # back along the hairline, on the near half of the head
        t = math.pi * step / 6
        points.append(add(centre, scale(add(scale(m, math.cos(t)), scale(n, math.sin(t))), r)))
    return Blob(tuple(view.project(p) for p in points), "hair")


def _ring(view: Camera) -> list[Vec]:
    return [add(scale(view.right, math.cos(math.pi * k / 6)), scale(view.up, math.sin(math.pi * k / 6))) for k in range(12)]


def trunk_outline(sections: list[Section], view: Camera) -> tuple[Point, ...]:
    """The trunk's outline: each cross-section's two edges across the spine, joined up, round at the ends."""
    centres = [view.project(section.centre) for section in sections]
    left_edge, right_edge = [], []
    for index, section in enumerate(sections):
        before, after = centres[max(index - 1, 0)], centres[min(index + 1, len(centres) - 1)]
        direction = (after[0] - before[0], after[1] - before[1])
        span = math.hypot(*direction) or 1
        normal = (-direction[1] / span, direction[0] / span)
        # The cross-section is an ellipse; its reach across the spine's drawn line, seen from here.
        a = view.project(scale(column(section.frame, 0), section.width))
        b = view.project(scale(column(section.frame, 2), section.depth))
        reach = math.hypot(a[0] * normal[0] + a[1] * normal[1], b[0] * normal[0] + b[1] * normal[1])
        reach = max(reach, 6.0)
        centre = centres[index]
        left_edge.append((centre[0] + normal[0] * reach, centre[1] + normal[1] * reach))
        right_edge.append((centre[0] - normal[0] * reach, centre[1] - normal[1] * reach))
    return tuple(left_edge + list(reversed(right_edge)))


# Props and arrows ----------------------------------------------------------------------------------


def prop_shapes(placed: Scene, view: Camera) -> list[Shape]:
    shapes: list[Shape] = []
    bones = placed.bones
    xs = [view.project(p)[0] for p in bones.joints.values()]
    left, right = min(xs) - 16, max(xs) + 16
    level = abs(view.up[1]) > 0.99  # the floor reads as a line when the reader looks from its level
    if any(p.kind == "floor" for p in placed.pose.props):
        if level:
            y = view.project((0, placed.floor, 0))[1]
            shapes.append(Line(((left, y), (right, y)), 2.5, "prop"))
        else:
            shapes.append(Blob(floor_mat(placed, view), "mat", smooth=False))
    if placed.wall_z is not None:
        ys = [view.project(p)[1] for p in bones.joints.values()]
        base = view.project((0, placed.floor, placed.wall_z - 1.5))
        shapes.append(Line(((base[0], min(ys) - 14), base), 3, "prop"))
    if placed.chair:
        c = placed.chair
        for x in (-18, 18) if not level else (0,):
            pts = [(x, placed.floor, c.back_z), (x, c.top, c.back_z)]
            seat = [(x, c.seat - 2, c.back_z), (x, c.seat - 2, c.front_z), (x, placed.floor, c.front_z)]
            shapes.append(Line(tuple(view.project(p) for p in pts), 5, "prop"))
            shapes.append(Line(tuple(view.project(p) for p in seat), 5, "prop"))
    for roller in placed.rollers:
        half = 38
        dx, dz = half * math.cos(math.radians(roller.angle)), half * math.sin(math.radians(roller.angle))
        a = view.project(sub(roller.centre, (dx, 0, dz)))
        b = view.project(add(roller.centre, (dx, 0, dz)))
        shapes.append(Rod(a, b, (roller.radius, roller.radius), "roller-dashed" if roller.dashed else "roller"))
    return shapes


MAT_WIDTH = 110


NEAR_FLOOR = 20  # drawing units: a joint this close above the floor lies on it, as a reader sees it


def floor_mat(placed: Scene, view: Camera) -> tuple[Point, ...]:
    """A mat on the floor under the whole body, seen at the view's angle."""
    points = [p for p in placed.bones.joints.values()]
    # A limb lying just above the floor (an arm stretched out from a shoulder that is a trunk's
    # depth up) is drawn over the mat: the floor point seen behind it is under the mat too.
    if view.toward[1] > 0.05:
        points += [sub(p, scale(view.toward, (p[1] - placed.floor) / view.toward[1]))
                   for p in points if 0 < p[1] - placed.floor <= NEAR_FLOOR]
    xs = [p[0] for p in points]
    zs = [p[2] for p in points]
    x0, x1, z0, z1 = min(xs) - 10, max(xs) + 10, min(zs) - 10, max(zs) + 10
    # Seen at a slant, at least half a mat's width each side of the hips, so a body seen from
    # its side lies on the mat, not on its far edge. (From straight above, the body's own reach does.)
    if abs(view.up[1]) > 0.05:
        half = MAT_WIDTH / 2
        x0, x1, z0, z1 = min(x0, -half), max(x1, half), min(z0, -half), max(z1, half)
    y = placed.floor
    return tuple(view.project(p) for p in ((x0, y, z0), (x1, y, z0), (x1, y, z1), (x0, y, z1)))


def arrow_shapes(pose: Pose, bones: Skeleton, view: Camera) -> list[Shape]:
    shapes: list[Shape] = []
    for prop in pose.props:
        if prop.kind != "arrow":
            continue
        origin = view.project(bones.joints[prop.at])
        points = [(origin[0] + x, origin[1] - y) for x, y in prop.path]
        shapes.append(Line(tuple(points), 2.6, "arrow", curve=len(points) == 3))
        shapes.append(arrow_head(points[-2], points[-1]))
        if prop.both:
            shapes.append(arrow_head(points[1], points[0]))
    return shapes


def arrow_head(before: Point, end: Point) -> Line:
    heading = math.atan2(end[1] - before[1], end[0] - before[0])
    wing = [(end[0] - 7 * math.cos(heading + s), end[1] - 7 * math.sin(heading + s)) for s in (0.5, -0.5)]
    return Line((wing[0], end, wing[1]), 2.6, "arrow")


# SVG -------------------------------------------------------------------------------------------------


def _n(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _xy(p: Point) -> str:
    return f"{_n(p[0])} {_n(p[1])}"


def rod_path(rod: Rod) -> str:
    """A tapered rod's outline: two tangent lines and two arcs."""
    (x1, y1), (x2, y2) = rod.start, rod.end
    r1, r2 = rod.radius
    d = math.hypot(x2 - x1, y2 - y1)
    if d <= abs(r1 - r2) + 0.2:  # seen end on: the bigger end hides the rest
        centre, r = (rod.start, r1) if r1 >= r2 else (rod.end, r2)
        return f"M{_n(centre[0] - r)} {_n(centre[1])}a{_n(r)} {_n(r)} 0 1 0 {_n(2 * r)} 0a{_n(r)} {_n(r)} 0 1 0 {_n(-2 * r)} 0Z"
    theta = math.atan2(y2 - y1, x2 - x1)
    alpha = math.acos((r1 - r2) / d)
    p1a = (x1 + r1 * math.cos(theta + alpha), y1 + r1 * math.sin(theta + alpha))
    p2a = (x2 + r2 * math.cos(theta + alpha), y2 + r2 * math.sin(theta + alpha))
    p2b = (x2 + r2 * math.cos(theta - alpha), y2 + r2 * math.sin(theta - alpha))
    p1b = (x1 + r1 * math.cos(theta - alpha), y1 + r1 * math.sin(theta - alpha))
    big1 = 1 if alpha < math.pi / 2 else 0
    big2 = 0 if alpha < math.pi / 2 else 1
    return (
        f"M{_xy(p1a)}L{_xy(p2a)}A{_n(r2)} {_n(r2)} 0 {big2} 0 {_xy(p2b)}"
        f"L{_xy(p1b)}A{_n(r1)} {_n(r1)} 0 {big1} 0 {_xy(p1a)}Z"
    )


def blob_path(blob: Blob) -> str:
    points = blob.points
    if not blob.smooth:
        return "M" + "L".join(_xy(p) for p in points) + "Z"
    mids = [((a[0] + b[0]) / 2, (a[1] + b[1]) / 2) for a, b in zip(points, points[1:] + points[:1])]
    d = f"M{_xy(mids[-1])}"
    for point, mid in zip(points, mids):
        d += f"Q{_xy(point)} {_xy(mid)}"
    return d + "Z"


def line_path(line: Line) -> str:
    first, *rest = line.points
    if line.curve:
        return f"M{_xy(first)}Q" + " ".join(_xy(p) for p in rest)
    return f"M{_xy(first)}" + "".join(f"L{_xy(p)}" for p in rest) + ("Z" if line.closed else "")


def shape_svg(shape: Shape) -> str:
    if isinstance(shape, Label):
        # The letter as strokes, not <text>: it needs no font, and no reader, search index or
        # printout takes it for words of the page.
        d = "".join("M" + "L".join(_xy(p) for p in stroke) for stroke in letter_strokes(shape))
        return f'<path class="label" d="{d}" stroke-width="{_n(LABEL_STROKE)}"/>'
    if isinstance(shape, Ball):
        return f'<circle class="{shape.kind}" cx="{_n(shape.centre[0])}" cy="{_n(shape.centre[1])}" r="{_n(shape.radius)}"/>'
    if isinstance(shape, Rod):
        return f'<path class="{shape.kind}" d="{rod_path(shape)}"/>'
    if isinstance(shape, Blob):
        return f'<path class="{shape.kind}" d="{blob_path(shape)}"/>'
    return f'<path class="{shape.kind}" d="{line_path(shape)}" stroke-width="{_n(shape.width)}"/>'


def bounds(shapes: Iterable[Shape]) -> tuple[float, float, float, float]:
    """The box every shape fits in, with its outline: left, top, right, bottom."""
    xs: list[float] = []
    ys: list[float] = []
    for shape in shapes:
        if isinstance(shape, Ball):
            pts, pad = [shape.centre], shape.radius
        elif isinstance(shape, Label):
            pts, pad = [shape.at], LABEL_SIZE * 0.5
        elif isinstance(shape, Rod):
            pts, pad = [shape.start, shape.end], max(shape.radius)
        elif isinstance(shape, Blob):
            pts, pad = list(shape.points), 0.0
        else:
            pts, pad = list(shape.points), shape.width / 2
        for x, y in pts:
            xs += [x - pad, x + pad]
            ys += [y - pad, y + pad]
    return min(xs), min(ys), max(xs), max(ys)


MARGIN = 4
MIN_ASPECT = 1.25  # a tall drawing is widened so that it uses a phone's width at its height limit


def view_box(shapes: list[Shape], min_aspect: float = MIN_ASPECT) -> tuple[float, float, float, float]:
    """The box the SVG shows: every shape with its outline and a margin, so nothing is cut off."""
    left, top, right, bottom = bounds(shapes)
    left, top, right, bottom = left - MARGIN - OUTLINE, top - MARGIN - OUTLINE, right + MARGIN + OUTLINE, bottom + MARGIN + OUTLINE
    width, height = right - left, bottom - top
    if width < height * min_aspect:
        extra = height * min_aspect - width
        left, width = left - extra / 2, width + extra
    return (math.floor(left), math.floor(top), math.ceil(width + left - math.floor(left)), math.ceil(height + top - math.floor(top)))


def svg(pose: Pose, *, decorative: bool = False, css_class: str = "drawing__art") -> str:
    """The drawing as inline SVG, named by its `<title>` for screen readers (or hidden from them)."""
    shapes = drawing_shapes(pose)
    left, top, width, height = view_box(shapes)
    if decorative:
        label = ' aria-hidden="true" focusable="false"'
        title = ""
    else:
        title_id = f"drawing-{pose.name}"
        label = f' role="img" aria-labelledby="{title_id}"'
        title = f'<title id="{title_id}">{escape(pose.alt, quote=False)}</title>'
    return (
        f'<svg class="{css_class}" viewBox="{left} {top} {width} {height}"{label}'
        f' stroke="currentColor" stroke-width="{_n(OUTLINE)}" fill="none" stroke-linecap="round" stroke-linejoin="round">'
        + title
        + "".join(shape_svg(shape) for shape in shapes)
        + "</svg>"
    )
