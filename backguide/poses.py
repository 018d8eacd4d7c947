"""The pose files, read once into typed data: every drawing's view, body, props and texts.

A page `docs/methods/chair.md` keeps its drawings in `docs/methods/chair.poses.yml`, one
entry per drawing. Everything in the file is checked as it is read: an unknown key (with
"did you mean"), a missing limb, a wrong type or an angle no joint can reach stops the build
with one line that names the file, the line, the drawing, what is wrong and the fix:

    docs/methods/sitting.poses.yml:12: sitting-twist: unknown key 'acent'; did you mean 'accent'?

The file is read with PyYAML's composer rather than its loader, so each key keeps its line.
Angles are joint angles in degrees, as a physiotherapist measures them (a knee bent 90°),
so a mirrored pose is the same numbers on the other side, and the range of each joint is
one table, `RANGES`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping

import yaml

POSES_SUFFIX = ".poses.yml"
SIDES = ("left", "right")


class DrawingError(ValueError):
    """A pose or a marker the build cannot draw; the message is one line: file, drawing, problem, fix."""


def author_error(file: str, line: int | None, name: str | None, problem: str) -> DrawingError:
    """`file[:line]: [name: ]what is wrong; the fix`, the one format every author-facing message uses."""
    where = f"{file}:{line}" if line else file
    return DrawingError(f"{where}: {name}: {problem}" if name else f"{where}: {problem}")


# The model -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class View:
    """Where the reader looks from. `side` is the side of the person the reader sees."""

    side: str  # one of VIEW_SIDES
    raise_: float = 0  # degrees the reader looks down from, 0 level; `above` is straight down
    head: str = ""  # above only: where the head points in the drawing (up, down, left, right)
    turn: float = 0  # degrees the reader moves round from `side`, toward the person's left (+) or right (-)


# The reader's position around the person (degrees from the person's front toward their left).
VIEW_SIDES = {
    "front": 0, "front left": 45, "left side": 90, "back left": 135,
    "behind": 180, "back right": 225, "right side": 270, "front right": 315, "above": 0,
}
HEAD_DIRECTIONS = ("up", "down", "left", "right")


@dataclass(frozen=True)
class Back:
    bend: float = 0  # forward (+, rounded) or back (-, arched)
    twist: float = 0  # turned to the left (+) or the right (-)
    side: float = 0  # bent sideways to the left (+) or the right (-)


@dataclass(frozen=True)
class Neck:
    bend: float = 0  # chin down (+) or head back (-)
    turn: float = 0  # face turned to the left (+) or the right (-)


@dataclass(frozen=True)
class Leg:
    hip: float = 0  # thigh forward (+) or back (-)
    out: float = 0  # thigh out to its side (+) or across the body (-)
    turn: float = 0  # knee and toes turned out (+) or in (-)
    knee: float = 0  # bent: 0 straight
    ankle: float = 0  # toes pointed (+) or pulled up (-)


@dataclass(frozen=True)
class Arm:
    shoulder: float = 0  # arm forward (+, 180 overhead) or back (-)
    out: float = 0  # arm out to its side (+) or across the body (-)
    turn: float = 0  # forearm turned out (+) or in (-)
    elbow: float = 0  # bent: 0 straight
    hand: str = "open"  # open or fist


@dataclass(frozen=True)
class Body:
    lean: float  # the pelvis tipped back from upright: 0 standing or sitting, 90 lying on the back
    roll: float  # rolled onto the right side (+) or the left (-), 90 lying on that side
    lower_back: Back
    upper_back: Back
    neck: Neck
    left_leg: Leg
    right_leg: Leg
    left_arm: Arm
    right_arm: Arm

    def limb(self, side: str, kind: str) -> Leg | Arm:
        return getattr(self, f"{side}_{kind}")

    def mirrored(self) -> Body:
        """The same pose done on the other side: left and right swapped, turns reversed."""
        return replace(
            self,
            roll=-self.roll,
            lower_back=replace(self.lower_back, twist=-self.lower_back.twist, side=-self.lower_back.side),
            upper_back=replace(self.upper_back, twist=-self.upper_back.twist, side=-self.upper_back.side),
            neck=replace(self.neck, turn=-self.neck.turn),
            left_leg=self.right_leg, right_leg=self.left_leg,
            left_arm=self.right_arm, right_arm=self.left_arm,
        )


@dataclass(frozen=True)
class Prop:
    kind: str  # floor, chair, roller, wall, arrow
    back: float = 50  # chair: the top edge of its back, above the seat
    gap: float = 0  # chair: how far the hips sit forward of its back
    under: str = "upper_back"  # roller: the part of the back it lies under
    radius: float = 9  # roller
    angle: float = 0  # roller, seen from above: turned from straight across the back
    dashed: bool = False  # roller: an outline, where it goes next
    at: str = ""  # arrow: the joint its path starts from
    path: tuple[tuple[float, float], ...] = ()  # arrow: points from `at`, x to the right, y up
    both: bool = False  # arrow: a head at both ends


@dataclass(frozen=True)
class Pose:
    name: str
    file: str  # as the author types it: docs/methods/chair.poses.yml
    line: int
    alt: str
    view: View
    body: Body
    caption: str = ""
    main: bool = False  # the method's picture on cards and link previews
    accent: tuple[str, ...] = ()
    props: tuple[Prop, ...] = ()
    rests: tuple[str, ...] = ()  # parts that lie on the floor, the chair or the roller
    labels: tuple[str, ...] = ()  # joints marked L or R, where the text names a side
    also: View | None = None  # a second, smaller view beside the first, where one view cannot show the move
    lines: Mapping[str, int] = field(default_factory=dict, compare=False)  # key path -> line, for messages

    def error(self, problem: str, key: str = "") -> DrawingError:
        return author_error(self.file, self.lines.get(key, self.line), self.name, problem)

    def mirrored(self) -> Pose:
        return replace(self, body=self.body.mirrored())


# The parts a drawing names: in `accent` and `rests`, and the joints an arrow starts from.
SEGMENTS = (
    "hips", "lower_back", "upper_back", "neck", "head",
    *(f"{side}_{part}" for side in SIDES for part in ("thigh", "shin", "foot", "upper_arm", "forearm", "hand")),
)
GROUPS = {
    "back": ("hips", "lower_back", "upper_back"),
    **{f"{side}_leg": (f"{side}_thigh", f"{side}_shin", f"{side}_foot") for side in SIDES},
    **{f"{side}_arm": (f"{side}_upper_arm", f"{side}_forearm", f"{side}_hand") for side in SIDES},
}
JOINTS = (
    "hips", "waist", "chest", "neck", "head",
    *(f"{side}_{joint}" for side in SIDES for joint in ("shoulder", "elbow", "hand", "hip", "knee", "ankle", "toe")),
)

# Each angle's range in degrees: what a flexible adult's joint can do, and no more.
RANGES: dict[str, dict[str, tuple[float, float, str]]] = {
    "body": {"lean": (-30, 120, "0 upright, 90 lying on the back"), "roll": (-90, 90, "90 lying on the right side, -90 on the left")},
    "back": {"bend": (-35, 60, "forward +, arched back -"), "twist": (-45, 45, "to the left +, to the right -"),
             "side": (-30, 30, "to the left +, to the right -")},
    "neck": {"bend": (-45, 60, "chin down +, head back -"), "turn": (-80, 80, "to the left +, to the right -")},
    "leg": {"hip": (-30, 140, "thigh forward +, back -"), "out": (-45, 70, "out +, across the body -"),
            "turn": (-50, 60, "out +, in -"), "knee": (0, 155, "0 straight; a knee bends one way only"),
            "ankle": (-30, 60, "toes pointed +, pulled up -")},
    "arm": {"shoulder": (-70, 185, "forward +, 180 overhead, back -"), "out": (-45, 185, "out +, across the body -"),
            "turn": (-90, 100, "out +, in -"), "elbow": (0, 150, "0 straight; an elbow bends one way only")},
}
ROLLER_PARTS = ("upper_back",)  # never the lower back: includes/foam-roller-lower-back.md


# Reading the file ------------------------------------------------------------------------------


def shown_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def load_file(path: Path, shown_as: str) -> dict[str, Pose]:
    """Every pose of one file, by name, in the file's order; the first problem raises DrawingError."""
    text = path.read_text(encoding="utf-8")
    try:
        document = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        problem = error.problem or error.context or "not valid YAML"
        fix = (
            "replace the tab with spaces (two a level): YAML refuses tabs" if "'\\t'" in problem
            else "check that line: indent with spaces (two a level, no tabs), close every { and [, and quote text that contains ': '"
        )
        raise author_error(shown_as, line, None, f"YAML error at line {line}, column {column}: {problem}; {fix}") from None
    if document is None:
        return {}
    reader = _Reader(shown_as)
    entries = reader.mapping(document, None, "the file", "one entry per drawing, its name then its keys:  chair-sit: {alt: ..., view: ..., body: ...}")
    poses = {}
    for key_node, value_node in entries:
        name = reader.scalar(key_node, None, "a drawing's name", str)
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", name):
            raise author_error(shown_as, _line(key_node), name, "a drawing's name is lower-case words joined by hyphens; rename it, e.g. chair-sit")
        if name in poses:
            raise author_error(shown_as, _line(key_node), name, "this name is used twice in the file; rename one of them")
        poses[name] = reader.pose(name, value_node, _line(key_node))
    mains = [pose for pose in poses.values() if pose.main]
    if len(mains) > 1:
        second = mains[1]
        raise second.error(f"only one drawing of a page is its main one, and {mains[0].name} already is; remove  main: true  here", "main")
    return poses


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


class _Reader:
    """Turns YAML nodes into typed values, raising DrawingError at the node's line."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.lines: dict[str, int] = {}

    def fail(self, node: yaml.Node, name: str | None, problem: str) -> DrawingError:
        return author_error(self.file, _line(node), name, problem)

    def mapping(self, node: yaml.Node, name: str | None, what: str, shape: str) -> list[tuple[yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, name, f"{what} must be a mapping of keys; write it as  {shape}")
        return node.value

    def keys(
        self, node: yaml.Node, name: str, what: str, allowed: Mapping[str, Any], shape: str, path: str
    ) -> dict[str, yaml.Node]:
        """The keys of a mapping, each known and given once; unknown ones get a "did you mean"."""
        found: dict[str, yaml.Node] = {}
        for key_node, value_node in self.mapping(node, name, what, shape):
            key = self.scalar(key_node, name, f"a key of {what}", str)
            if key not in allowed:
                close = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.6)
                hint = f"did you mean '{close[0]}'?" if close else f"use one of: {', '.join(allowed)}"
                if all(f"{side}_{key}" in allowed for side in SIDES):
                    hint = f"every limb is the person's own left or right: write  left_{key}  or  right_{key}"
                raise self.fail(key_node, name, f"unknown key '{key}' in {what}; {hint}")
            if key in found:
                raise self.fail(key_node, name, f"'{key}' is given twice in {what}; keep one")
            found[key] = value_node
            self.lines[f"{path}.{key}".lstrip(".")] = _line(key_node)
        return found

    def scalar(self, node: yaml.Node, name: str | None, what: str, kind: type) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            shape = "list" if isinstance(node, yaml.SequenceNode) else "mapping"
            raise self.fail(node, name, f"{what} must be {_KIND_WORDS[kind]}, not a {shape}; remove the brackets")
        value = _construct(node)
        if kind is float:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise self.fail(node, name, f"{what} must be a number, not {node.value!r}; write a plain number, such as 90")
            return float(value)
        if kind is bool:
            if not isinstance(value, bool):
                raise self.fail(node, name, f"{what} must be true or false, not {node.value!r}; write  true  or leave the key out")
            return value
        if not isinstance(value, str) or not value.strip():
            raise self.fail(node, name, f"{what} must be text, not {node.value!r}; write the words, in quotes if they start with a digit or a sign")
        return value.strip()

    def number(self, node: yaml.Node, name: str, what: str, low: float, high: float, meaning: str) -> float:
        value = self.scalar(node, name, what, float)
        if not low <= value <= high:
            raise self.fail(node, name, f"{what} is {_n(value)}, outside {_n(low)} to {_n(high)} ({meaning}); use a number in that range")
        return value

    def choice(self, node: yaml.Node, name: str, what: str, options: tuple[str, ...] | Mapping[str, Any]) -> str:
        value = self.scalar(node, name, what, str)
        if value not in options:
            close = difflib.get_close_matches(value, list(options), n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else f"use one of: {', '.join(options)}"
            raise self.fail(node, name, f"{what} is '{value}', which is not known; {hint}")
        return value

    def names(self, node: yaml.Node, name: str, what: str, options: tuple[str, ...]) -> tuple[str, ...]:
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, name, f"{what} must be a list, e.g.  [{options[0]}]")
        return tuple(self.choice(item, name, f"a name in {what}", options) for item in node.value)

    # One drawing ------------------------------------------------------------------------------

    def at(self, path: str, node: yaml.Node) -> int:
        """The line of the key that holds `node`, where an author looks for what it lacks."""
        return self.lines.get(path, _line(node))

    def pose(self, name: str, node: yaml.Node, line: int) -> Pose:
        """One drawing, its keys read in the file's order, so the first mistake in the file is the one reported."""
        self.lines = {"": line}
        keys = self.keys(node, name, "the drawing", POSE_KEYS, "name: {alt: ..., view: ..., body: ...}", "")
        readers = {
            "alt": lambda value: self.scalar(value, name, "alt", str),
            "caption": lambda value: self.scalar(value, name, "caption", str),
            "view": lambda value: self.view(value, name),
            "also": lambda value: self.view(value, name),
            "body": lambda value: self.body(value, name),
            "main": lambda value: self.scalar(value, name, "main", bool),
            "accent": lambda value: self.names(value, name, "accent", (*GROUPS, *SEGMENTS)),
            "props": lambda value: tuple(self.prop(item, name) for item in self.sequence(value, name, "props")),
            "rests": lambda value: self.names(value, name, "rests", (*GROUPS, *SEGMENTS)),
            "labels": lambda value: self.names(value, name, "labels", tuple(j for j in JOINTS if j.startswith(SIDES))),
        }
        values = {key: readers[key](value) for key, value in keys.items()}
        if "view" in values and values["view"].side == "above" and not values.get("caption", "").startswith("Seen from above."):
            raise self.fail(keys.get("caption", keys["view"]), name, "a drawing seen from above says so under it; start its caption with  Seen from above.")
        for required in ("alt", "view", "body"):
            if required not in values:
                raise author_error(self.file, line, name, f"'{required}' is missing; add  {POSE_KEYS[required]}")
        return Pose(name=name, file=self.file, line=line, **values, lines=dict(self.lines))

    def sequence(self, node: yaml.Node | None, name: str, what: str) -> list[yaml.Node]:
        if node is None:
            return []
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, name, f"{what} must be a list, one  - {{prop: ...}}  a line")
        return node.value

    def view(self, node: yaml.Node, name: str) -> View:
        keys = self.keys(node, name, "view", {"from": 0, "raise": 0, "turn": 0, "head": 0}, "{from: left side}", "view")
        if "from" not in keys:
            raise author_error(self.file, self.at("view", node), name, f"view needs 'from', the side of the person the reader sees; add  from: left side  (or: {', '.join(VIEW_SIDES)})")
        side = self.choice(keys["from"], name, "view from", VIEW_SIDES)
        raise_ = self.number(keys["raise"], name, "view raise", 0, 80, "degrees the reader looks down from") if "raise" in keys else 0
        turn = self.number(keys["turn"], name, "view turn", -40, 40, "degrees round toward the person's left +, right -") if "turn" in keys else 0
        if side == "above":
            if "head" not in keys:
                raise author_error(self.file, self.at("view", node), name, "a view from above says where the head points; add  head: left  (or up, down, right)")
            for key in ("raise", "turn"):
                if key in keys:
                    raise self.fail(keys[key], name, f"a view from above looks straight down; remove '{key}'")
            return View(side, 90, self.choice(keys["head"], name, "view head", HEAD_DIRECTIONS))
        if "head" in keys:
            raise self.fail(keys["head"], name, "'head' is for views from above only; remove it")
        return View(side, raise_, turn=turn)

    def body(self, node: yaml.Node, name: str) -> Body:
        keys = self.keys(node, name, "body", BODY_KEYS, "{lean: 0, left_leg: {...}, ...}", "body")
        kinds = {"lower_back": (Back, "back"), "upper_back": (Back, "back"), "neck": (Neck, "neck"),
                 "left_leg": (Leg, "leg"), "right_leg": (Leg, "leg"), "left_arm": (Arm, "arm"), "right_arm": (Arm, "arm")}
        values: dict[str, Any] = {}
        for key, value in keys.items():
            if key in kinds:
                values[key] = self.joint(value, name, key, *kinds[key])
            else:
                values[key] = self.number(value, name, f"body {key}", *RANGES["body"][key])
        for limb in ("left_leg", "right_leg", "left_arm", "right_arm"):
            if limb not in values:
                kind = limb.split("_")[1]
                raise author_error(self.file, self.at("body", node), name, f"body has no {limb}; add  {limb}: {{}}  (straight), or give its angles: {', '.join(RANGES[kind])}")
        return Body(
            lean=values.get("lean", 0), roll=values.get("roll", 0),
            lower_back=values.get("lower_back", Back()), upper_back=values.get("upper_back", Back()), neck=values.get("neck", Neck()),
            left_leg=values["left_leg"], right_leg=values["right_leg"], left_arm=values["left_arm"], right_arm=values["right_arm"],
        )

    def joint(self, node: yaml.Node, name: str, part: str, kind: type, table: str) -> Any:
        allowed = {**RANGES[table], **({"hand": 0} if kind is Arm else {})}
        keys = self.keys(node, name, part, allowed, "{" + ", ".join(f"{key}: 0" for key in RANGES[table]) + "}", f"body.{part}")
        values: dict[str, Any] = {}
        for key, value_node in keys.items():
            if key == "hand":
                values[key] = self.choice(value_node, name, f"{part} hand", ("open", "fist"))
            else:
                low, high, meaning = RANGES[table][key]
                values[key] = self.number(value_node, name, f"{part} {key}", low, high, meaning)
        return kind(**values)

    def prop(self, node: yaml.Node, name: str) -> Prop:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, name, "each prop is a mapping; write it as  - {prop: floor}")
        kind_node = next((value for key, value in node.value if isinstance(key, yaml.ScalarNode) and key.value == "prop"), None)
        if kind_node is None:
            raise self.fail(node, name, f"a prop needs 'prop', what it is; add  prop: floor  (or: {', '.join(PROP_KEYS)})")
        kind = self.choice(kind_node, name, "prop", PROP_KEYS)
        keys = self.keys(node, name, f"the {kind}", {"prop": 0, **PROP_KEYS[kind]}, "{prop: " + kind + "}", f"props.{kind}")
        values: dict[str, Any] = {"kind": kind}
        for key, value_node in keys.items():
            what = f"{kind} {key}"
            if key == "prop":
                continue
            if key in ("dashed", "both"):
                values[key] = self.scalar(value_node, name, what, bool)
            elif key == "under":
                values[key] = self.choice(value_node, name, what, ROLLER_PARTS + ("lower_back",))
                if values[key] not in ROLLER_PARTS:
                    raise self.fail(value_node, name, "a foam roller never goes under the lower back (includes/foam-roller-lower-back.md); use  under: upper_back")
            elif key == "at":
                values[key] = self.choice(value_node, name, what, JOINTS)
            elif key == "path":
                values[key] = self.path(value_node, name)
            else:
                values[key] = self.number(value_node, name, what, *PROP_KEYS[kind][key])
        if kind == "arrow" and ("at" not in values or "path" not in values):
            raise self.fail(node, name, "an arrow needs 'at' (the joint it starts from) and 'path' (2 or 3 points from there); add  at: left_knee, path: [[0, 0], [0, 20]]")
        return Prop(**values)

    def path(self, node: yaml.Node, name: str) -> tuple[tuple[float, float], ...]:
        shape = "arrow path must be 2 or 3 points, each [x, y] from the joint (x to the right, y up), e.g.  [[0, 0], [0, 20]]"
        if not isinstance(node, yaml.SequenceNode) or len(node.value) not in (2, 3):
            raise self.fail(node, name, shape)
        points = []
        for item in node.value:
            if not isinstance(item, yaml.SequenceNode) or len(item.value) != 2:
                raise self.fail(item, name, shape)
            points.append(tuple(self.number(value, name, "arrow path", -150, 150, "drawing units from the joint") for value in item.value))
        return tuple(points)  # type: ignore[return-value]


def _construct(node: yaml.ScalarNode) -> Any:
    """A scalar as YAML reads it: a number, true/false, or text."""
    return yaml.SafeLoader("").construct_object(node, deep=True)


def _n(value: float) -> str:
    return f"{value:g}"


_KIND_WORDS = {float: "a number", bool: "true or false", str: "text"}

# Each key of a drawing, with what to add when it is missing.
POSE_KEYS = {
    "alt": "alt: <the position, in words>  and list the sentence in CONTENT.md",
    "caption": "caption: <a sentence under the drawing>",
    "view": "view: {from: left side}",
    "also": "also: {from: right side}",
    "main": "main: true",
    "accent": "accent: [upper_back]",
    "props": "props: [{prop: floor}]",
    "rests": "rests: [hips, left_foot, right_foot]",
    "labels": "labels: [right_knee, left_hand]",
    "body": "body: {lean: 0, left_leg: {}, right_leg: {}, left_arm: {}, right_arm: {}}",
}
BODY_KEYS = {"lean": 0, "roll": 0, "lower_back": 0, "upper_back": 0, "neck": 0, "left_leg": 0, "right_leg": 0, "left_arm": 0, "right_arm": 0}
PROP_KEYS: dict[str, dict[str, tuple[float, float, str]]] = {
    "floor": {},
    "wall": {},
    "chair": {"back": (20, 90, "the top of its back above the seat"), "gap": (0, 30, "how far the hips sit forward of its back")},
    "roller": {"under": (0, 0, ""), "radius": (5, 12, "a 4 to 6 inch roller is 5 to 8"), "angle": (-30, 30, "degrees from straight across the back"), "dashed": (0, 0, "")},
    "arrow": {"at": (0, 0, ""), "path": (0, 0, ""), "both": (0, 0, "")},
}


def load_poses(path: Path, shown_as: str) -> dict[str, Pose]:
    """The poses of a page's file, or none when the page has no poses file."""
    return load_file(path, shown_as) if path.exists() else {}


def poses_file(page_file: Path) -> Path:
    """methods/chair.md -> methods/chair.poses.yml"""
    return page_file.with_name(page_file.stem + POSES_SUFFIX)


def page_of(poses: Path) -> Path:
    """methods/chair.poses.yml -> methods/chair.md"""
    return poses.with_name(poses.name.removesuffix(POSES_SUFFIX) + ".md")

