"""What a text says about sides, and whether a pose does it: "Bend your left knee" needs a bent left knee.

The texts are the guide's own (a step and a drawing's alt text), so a few patterns cover
them: a knee or leg bent or straight, a hand, foot or elbow on the outside of a knee, the
upper body turned to a side, a knee pushed toward the floor on a side, lying on a side,
and the relative sides of the floor twist ("the opposite hand", "the hand on the same side
... that you have the bent leg"). Each claim is checked on the pose's skeleton.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from backguide.figure import column, dot, length, skeleton, sub
from backguide.poses import Pose

OTHER = {"left": "right", "right": "left"}
TOUCH = 15  # a hand, foot or elbow this close to a knee is on it (both have thickness)


@dataclass(frozen=True)
class Claim:
    text: str  # the words that make it
    kind: str  # bent, straight, outside, turn, toward, lying, opposite-hand, same-side-arm
    side: str = ""  # left or right: the side named first
    part: str = ""  # foot, hand, elbow
    knee: str = ""  # the knee it touches: left or right


SENTENCES = re.compile(r"(?<=[.!?])\s+")
SIDE = r"(left|right)"


def claims(text: str) -> list[Claim]:
    """Every claim about sides the text makes, in order."""
    found: list[Claim] = []
    last_knee = ""
    for sentence in SENTENCES.split(text.replace("’", "'")):
        s = sentence.lower()
        for match in re.finditer(rf"\b(?:bend|bent|bending|raise|raised)\b(?:\s+\w+){{0,3}}?\s+(?:your|the)\s+{SIDE}\s+(knee|leg)", s):
            found.append(Claim(match.group(0), "bent", match.group(1)))
        for match in re.finditer(rf"\b{SIDE}\s+(?:knee|leg)\s+(?:is\s+)?bent", s):
            found.append(Claim(match.group(0), "bent", match.group(1)))
        for match in re.finditer(rf"\b{SIDE}\s+leg\s+(?:is\s+)?straight", s):
            found.append(Claim(match.group(0), "straight", match.group(1)))
        for match in re.finditer(rf"\b{SIDE}\s+(knee)\b", s):
            last_knee = match.group(1)
        for match in re.finditer(rf"\b{SIDE}\s+(foot|hand|elbow)\b[^.]*?\boutside\s+(?:of\s+)?(?:the\s+|your\s+)?(?:{SIDE}\s+knee|that\s+knee)", s):
            knee = match.group(3) or _last_knee_before(s, match.end()) or last_knee
            found.append(Claim(match.group(0), "outside", match.group(1), match.group(2), knee))
        for match in re.finditer(rf"\bturns?\s+(?:your\s+|the\s+)?upper\s+body\s+to\s+the\s+{SIDE}", s):
            found.append(Claim(match.group(0), "turn", match.group(1)))
        for match in re.finditer(rf"\btowards?\s+the\s+floor\s+on\s+(?:your|the)\s+{SIDE}\s+side", s):
            found.append(Claim(match.group(0), "toward", match.group(1), knee=_last_knee_before(s, match.start()) or last_knee))
        for match in re.finditer(rf"\blies\s+on\s+the\s+{SIDE}\s+side", s):
            found.append(Claim(match.group(0), "lying", match.group(1)))
        for match in re.finditer(r"\bopposite\s+hand\b[^.]*?\b(?:bent\s+)?knee", s):
            found.append(Claim(match.group(0), "opposite-hand"))
        for match in re.finditer(r"\bsame\s+side\b[^.]*?\bbent\s+leg\b[^.]*?\bstretch", s):
            found.append(Claim(match.group(0), "same-side-arm"))
    return found


def _last_knee_before(text: str, end: int) -> str:
    named = re.findall(rf"\b{SIDE}\s+knee\b", text[:end])
    return named[-1] if named else ""


def broken(pose: Pose, found: list[Claim]) -> list[str]:
    """The claims the pose does not do, each with what the pose does instead."""
    body = pose.body
    bones = skeleton(body)
    joints = bones.joints
    pelvis_left = column(bones.pelvis_frame, 0)
    knee_bend = {side: body.limb(side, "leg").knee for side in OTHER}  # type: ignore[union-attr]
    bent_leg = max(OTHER, key=lambda side: knee_bend[side])
    problems = []

    def fail(claim: Claim, what: str) -> None:
        problems.append(f'"{claim.text}", but {what}')

    for claim in found:
        side = claim.side
        if claim.kind == "bent" and not (knee_bend[side] >= 45 and knee_bend[side] > knee_bend[OTHER[side]] + 20):
            fail(claim, f"the {side} knee is bent {knee_bend[side]:g}° and the {OTHER[side]} {knee_bend[OTHER[side]]:g}°")
        elif claim.kind == "straight" and knee_bend[side] > 20:
            fail(claim, f"the {side} knee is bent {knee_bend[side]:g}°")
        elif claim.kind == "outside":
            part = joints[f"{side}_{'hand' if claim.part == 'hand' else 'elbow' if claim.part == 'elbow' else 'ankle'}"]
            knee = joints[f"{claim.knee}_knee"]
            outward = pelvis_left if claim.knee == "left" else tuple(-v for v in pelvis_left)
            gap = length(sub(part, knee))
            if gap > TOUCH + (8 if claim.part == "foot" else 0):
                fail(claim, f"the {side} {claim.part} is {gap:.0f} units from the {claim.knee} knee")
            elif dot(sub(part, knee), outward) <= 0:  # type: ignore[arg-type]
                fail(claim, f"the {side} {claim.part} is on the inside of the {claim.knee} knee")
        elif claim.kind == "turn":
            twist = body.lower_back.twist + body.upper_back.twist
            if (twist if side == "left" else -twist) < 15:
                fail(claim, f"the upper body is turned {abs(twist):g}° to the {'left' if twist > 0 else 'right'}")
        elif claim.kind == "toward":
            knee = sub(joints[f"{claim.knee}_knee"], joints["hips"])
            across = dot(knee, pelvis_left)
            if (across if side == "left" else -across) <= 0:
                fail(claim, f"the {claim.knee} knee is on the {'left' if across > 0 else 'right'} side of the body")
        elif claim.kind == "lying":
            if (body.roll if side == "right" else -body.roll) < 45:
                fail(claim, f"the body is rolled {abs(body.roll):g}° onto its {'right' if body.roll > 0 else 'left'} side")
        elif claim.kind == "opposite-hand":
            hand = joints[f"{OTHER[bent_leg]}_hand"]
            gap = length(sub(hand, joints[f"{bent_leg}_knee"]))
            if gap > TOUCH:
                fail(claim, f"the {OTHER[bent_leg]} hand is {gap:.0f} units from the bent {bent_leg} knee")
        elif claim.kind == "same-side-arm":
            arm = body.limb(bent_leg, "arm")
            if arm.elbow > 25 or arm.out < 60:  # type: ignore[union-attr]
                fail(claim, f"the {bent_leg} arm (the bent leg's side) is not stretched out")
    return problems
