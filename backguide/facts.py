"""The front matter facts of a method page, in one table.

Each fact is a key authors write, its vocabulary (the words they may use, and the label
readers see for each), and where the site shows it: the "At a glance" box and the home
page overview use `glance_label`, the finder (`/methods/`) groups by it under
`finder_heading`. The rules check the front matter against this table, and CONTENT.md
documents it; a test keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Fact:
    key: str
    vocabulary: dict[str, str]  # word an author writes -> label a reader sees
    many: bool  # a list of words, or exactly one
    glance_label: str
    finder_heading: str
    finder_id: str


FACTS: tuple[Fact, ...] = (
    Fact(
        key="equipment",
        vocabulary={
            "nothing": "Nothing",
            "chair": "A chair with a solid back",
            "floor or mat": "A carpet, rug or yoga mat",
            "foam roller": "A foam roller",
        },
        many=True,
        glance_label="You need",
        finder_heading="By what you need",
        finder_id="by-what-you-need",
    ),
    Fact(
        key="position",
        vocabulary={
            "sitting": "Sitting",
            "lying": "Lying down",
            "standing": "Standing",
            "kneeling": "Kneeling or on hands and knees",
        },
        many=False,
        glance_label="Position",
        finder_heading="By position",
        finder_id="by-position",
    ),
    Fact(
        key="back_region",
        vocabulary={
            "upper back": "Upper back",
            "middle back": "Middle back",
            "lower back": "Lower back",
        },
        many=True,
        glance_label="Works on",
        finder_heading="By part of the back",
        finder_id="by-part-of-the-back",
    ),
)

FACTS_BY_KEY = {fact.key: fact for fact in FACTS}


def words(value: object) -> list[str]:
    """A front matter value as a list of words, whether the fact takes one word or many."""
    values = value if isinstance(value, list) else [value] if value else []
    return [str(word) for word in values]


def labels(fact: Fact, value: object) -> list[str]:
    """Reader-facing labels for front matter words; an unknown word is shown as written."""
    return [fact.vocabulary.get(word, word) for word in words(value)]


def fact_rows(meta: dict) -> list[tuple[str, list[str]]]:
    """(label, values) of a method's facts, as the glance box and the overview show them."""
    return [(fact.glance_label, labels(fact, meta.get(fact.key))) for fact in FACTS]


def group_id(word: str) -> str:
    """The finder's anchor for a word: 'lower back' -> 'lower-back'. Published: never rename a word."""
    return "-".join(word.split())
