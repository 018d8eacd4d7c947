"""Steps found by their words, not by their markup.

A step can be written as a list, a paragraph, a heading, a question, a banner or a page
title; what makes it a step is what it says. A sentence is an instruction here when:

- one of its clauses opens with a move (MOVE_VERBS), after any words that only frame it
  ("Now", "Gently", "Why not", "Try to", "You should", "Remember to"): "Lie on your back",
  "Why not lean back over a chair?", "First, gently push down";
- it tells the reader, in the second person, what their body does: "You lean back…",
  "you'll push down", "your knees go to your chest" is a description, "you bend" is a move;
- it shares SHARED_WORDS words in a row with a step of the owner's text (source/), however
  it is dressed.

The rule is the same wherever text reaches a reader outside a method page's steps: other
pages, the 404 page, the short links' pages, the theme's chrome, and every value of
mkdocs.yml or front matter that the theme prints.
"""

from __future__ import annotations

import functools
import re
from typing import Iterable

from backguide.content import SOURCE, normalize, source_units, split_sentences

# Verbs that move the body or set up a move: the source's steps open with these. Verbs that
# only point a reader somewhere ("find a method", "call 111", "stop", "try it later") are not
# moves, so pages that give rules and help can still say them.
MOVE_VERBS = frozenset(
    """
    arch bend bring clasp cup curl draw drop extend flatten fold grab grip hold hug inhale exhale
    kneel lean lie lift lower move place plant point press pull push put raise reach relax release
    repeat rest roll rotate sit slide squeeze stand straighten stretch swing tilt turn twist walk
    tuck tighten breathe shift rock round hang bounce jerk wiggle sway cross drape
    """.split()
)
# Words that frame a move without being one: "Now lean back", "Why not lean back?", "Try to lie down".
FRAMES = (
    "now", "then", "next", "first", "second", "third", "finally", "after that", "again", "and", "so",
    "please", "just", "simply", "gently", "slowly", "carefully", "firmly", "softly", "quickly", "also",
    "why not", "how about", "what about", "could you", "can you", "would you", "will you",
    "try to", "try and", "remember to", "make sure to", "make sure you", "be sure to", "don't forget to",
    "do not forget to", "go ahead and", "you should", "you can", "you could", "you must", "you need to",
    "you have to", "you want to", "you'll", "you will", "you'd", "you", "we", "let's", "let us",
    "is it time to", "it is time to", "start to", "begin to", "start by", "begin by", "time to", "it's time to", "ready to", "then you",
)
_FRAMES = sorted(FRAMES, key=len, reverse=True)
# Words after a move verb that make it a name, not a move: "Lower back", "the rest of".
NOT_MOVES = frozenset({"lower back", "lower body", "lower spine", "lower leg", "lower legs", "rest of", "point of", "step by"})
# The reader's body told where to go: "Your knees go to your chest", "your head should rest on the floor".
BODY_MOVES = re.compile(
    r"\byour (?:knees?|legs?|arms?|hands?|feet|foot|head|shoulders?|elbows?|hips?|spine|fist|chin|body|palms?|toes?|heels?)"
    r" (?:go|goes|should|must|needs? to|comes?|rests?|moves?|press(?:es)?|points?|stays?|drops?|sinks?|lifts?|twists?|turns?)\b"
)
# The reader told what to do in the middle of a sentence: "The chair one, where you lean back hard".
YOU_MOVE = re.compile(
    r"(?:^|[,;:(—–] )(?:where |in which |so |and )?you(?:'ll|'d| will| should| can| could| must| need to| have to| then| now| just| gently| slowly| simply)? (?P<verb>"
    + "|".join(sorted(MOVE_VERBS))
    + r")\b"
)
# Clauses: a move can hide after a colon, a dash, a bracket or "then".
CLAUSE = re.compile(r"[,;:()\[\]—–!?]|\s-\s|\.\s|\bthen\b|\band\b|\buntil\b|\bbefore\b|\bwhile\b")
# A list marker or a number that orders a step: "1.", "(2)", "#3", "Step 4:".
MARKER = re.compile(r"^(?:step\s*)?#?\(?\d+[.):]?\s*|^[-*•·]\s*")
# A step of the source and a sentence sharing this many words in a row: the sentence repeats it.
SHARED_WORDS = 6
WORD = re.compile(r"[a-z']+|\d+")


def _opener(clause: str) -> str | None:
    """The move a clause opens with, once framing words are taken off, or None."""
    text = MARKER.sub("", clause.strip().strip("\"'“”‘’*_`"))
    changed = True
    while changed and text:
        changed = False
        for frame in _FRAMES:
            if text == frame or text.startswith(frame + " "):
                text = text[len(frame) :].lstrip(" ,")
                changed = True
                break
    words = [word.strip(".,:;!?\"'") for word in text.split(" ")[:2]] if text else [""]
    if " ".join(words) in NOT_MOVES:
        return None
    return words[0] if words[0] in MOVE_VERBS else None


def move_in(sentence: str) -> str | None:
    """The move a sentence tells a reader to make ("lean"), or None."""
    text = normalize(sentence).replace("’", "'")
    clauses = [text, *CLAUSE.split(text)]
    for clause in clauses:
        if clause and (verb := _opener(clause)):
            return verb
    if found := YOU_MOVE.search(text):
        return found.group("verb")
    if found := BODY_MOVES.search(text):
        return found.group(0)
    return None


# Sentences of the methods' part of the source that are warnings, not steps: other pages repeat them.
NOT_STEPS = re.compile(r"National Academy of Sports Medicine|not recommended|seek medical attention", re.IGNORECASE)


@functools.lru_cache(maxsize=4)
def _source_steps(source_text: str) -> tuple[frozenset[tuple[str, ...]], ...]:
    """Runs of SHARED_WORDS words of each sentence of the owner's methods (after "Method 1"), but its warnings."""
    headings, sentences = source_units(source_text)
    # Runs a heading of the source has too ("Crack Your Upper Back Using a Foam Roller") name a method, not a step.
    named = frozenset(run for heading in headings for run in _runs(heading))
    _, method_sentences = source_units(source_text.split("Method 1:", 1)[-1])
    return tuple(_runs(sentence) - named for sentence in method_sentences if not NOT_STEPS.search(sentence))


def _runs(text: str) -> frozenset[tuple[str, ...]]:
    words = WORD.findall(normalize(text).replace("’", "'"))
    return frozenset(tuple(words[i : i + SHARED_WORDS]) for i in range(len(words) - SHARED_WORDS + 1))


def source_text() -> str:
    """The owner's text (source/), which holds the steps every other text is compared with."""
    return SOURCE.read_text(encoding="utf-8") if SOURCE.is_file() else ""


def repeats_a_step(sentence: str, source: str | None = None) -> bool:
    runs = _runs(sentence)
    return any(runs & step for step in _source_steps(source if source is not None else source_text()))


def instruction(sentence: str, source: str | None = None) -> str | None:
    """Why a sentence is an instruction ('opens with the move "lean"'), or None."""
    if verb := move_in(sentence):
        return f'tells the reader to "{verb}"'
    if repeats_a_step(sentence, source):
        return "repeats a step of the guide"
    return None


def instructions(texts: Iterable[str], source: str | None = None) -> list[tuple[str, str]]:
    """(sentence, why) of every instruction in the texts."""
    found = []
    for text in texts:
        for sentence in split_sentences(" ".join(text.split())):
            if why := instruction(sentence, source):
                found.append((sentence, why))
    return found
