"""The front matter facts of a method page, in one table.

Each fact is a key authors write, its vocabulary (the words they may use, and the label
readers see for each), and where the site shows it: the "At a glance" box and the home
page overview use `glance_label`, the finder (`/methods/`) groups by it under
`finder_heading`. The rules check the front matter against this table, and CONTENT.md
documents it; a test keeps the two in step.

Three facts are optional, because the source gives them for a few moves only: `hold`,
`repeat` and `sides`. They are never guessed: a page (or a floor option, under `options:`)
has them only where the source says how long, how often or which side first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping


@dataclass(frozen=True)
class Fact:
    key: str
    # word an author writes -> label a reader sees; None: short free text, shown as written
    vocabulary: dict[str, str] | None
    many: bool  # a list of words, or exactly one
    glance_label: str
    required: bool = True  # every method page has it; optional facts only where the source gives them
    per_option: bool = False  # may also be given for one option of a page, under `options:`
    finder_heading: str | None = None  # the finder groups methods by it; None: not in the finder
    finder_id: str | None = None
    example: str = ""  # a value as an author writes it, for the gate's messages


# The most a free-text fact may say: a few words, as "15 seconds" or "4 times in all".
FREE_TEXT_LIMIT = 30

FACTS: tuple[Fact, ...] = (
    Fact(
        key="equipment",
        vocabulary={
            "nothing": "Nothing",
            "chair": "A sturdy chair that cannot roll, swivel or tip, with a solid back",
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
    Fact(key="hold", vocabulary=None, many=False, glance_label="Hold", required=False, per_option=True, example="15 seconds"),
    Fact(
        key="repeat", vocabulary=None, many=False, glance_label="Repeat", required=False, per_option=True,
        example="4 times in all",
    ),
    Fact(
        key="sides",
        vocabulary={"left then right": "Left, then right", "right then left": "Right, then left"},
        many=False,
        glance_label="Sides",
        required=False,
        per_option=True,
    ),
)

# The tip that matters before starting, on every method page: the "At a glance" box says it
# in a few words (listed in CONTENT.md), and "Good to know" gives the source's full tip.
BEST_TIME = ("Best time", "Sometimes best midday or later, or after a warm shower")

FACTS_BY_KEY = {fact.key: fact for fact in FACTS}
FINDER_FACTS = tuple(fact for fact in FACTS if fact.finder_heading)
OPTION_FACTS = tuple(fact for fact in FACTS if fact.per_option)


def words(value: object) -> list[str]:
    """A front matter value as a list of words, whether the fact takes one word or many."""
    values = value if isinstance(value, list) else [value] if value else []
    return [str(word) for word in values]


def labels(fact: Fact, value: object) -> list[str]:
    """Reader-facing labels for front matter words; an unknown word or free text is shown as written."""
    vocabulary = fact.vocabulary or {}
    return [vocabulary.get(word, word) for word in words(value)]


def fact_rows(meta: Mapping[str, Any], facts: tuple[Fact, ...] = FACTS) -> list[tuple[str, list[str]]]:
    """(label, values) of the facts a page or an option gives, as the glance box and the overview show them."""
    rows = [(fact.glance_label, labels(fact, meta.get(fact.key))) for fact in facts]
    return [(label, values) for label, values in rows if values]


def joined(values: list[str]) -> str:
    """Labels as one phrase: 'A foam roller and a carpet, rug or yoga mat', 'Middle back and upper back'.

    Labels may hold commas of their own, so the last two are joined by "and", and every label
    after the first starts in lower case, as in a sentence.
    """
    if not values:
        return ""
    phrase = [values[0], *(value[:1].lower() + value[1:] for value in values[1:])]
    return phrase[0] if len(phrase) == 1 else ", ".join(phrase[:-1]) + " and " + phrase[-1]


def fact_lines(meta: Mapping[str, Any], facts: tuple[Fact, ...] = FACTS) -> list[tuple[str, str]]:
    """(label, text) of the facts a page or an option gives, each as one phrase a reader reads."""
    return [(label, joined(values)) for label, values in fact_rows(meta, facts)]


def options(meta: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The page's `options:` (the floor page's four moves), each with its `id` and its own facts."""
    found = meta.get("options")
    return [option for option in found if isinstance(option, Mapping)] if isinstance(found, list) else []


def group_id(word: str) -> str:
    """The finder's anchor for a word: 'lower back' -> 'lower-back'. Published: never rename a word."""
    return "-".join(word.split())
