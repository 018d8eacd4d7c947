"""Follow along: a method's steps one screen at a time, with a hold timer and sides where the source gives them.

The view is built in the reader's browser (docs/javascripts/follow-along.js adds the buttons,
follow-along-view.js runs the view) from two things on the page:

- the page's own steps, read from its DOM: the numbered list under `## Steps {#steps}`, or
  under each `## Option #N … {#id}`, with the drawings inside its items. Nothing of the
  steps is written twice, so search, llms.txt and Reader View see them once.
- a `<template class="follow-along">` that this module appends to every method page's
  content: the view's screen, with every word it shows (listed in CONTENT.md) and the
  safety line that every screen carries, and one `.follow-along__run` per set of steps,
  with the hold, the number of holds and the sides as numbers read from the front matter.

The numbers are read here, at build time, never guessed by the script: `hold: 15 seconds`
becomes `data-hold-seconds="15"`. A value the view cannot count is a problem the safety gate
reports with the file and the fix, and `check_follow_along` also refuses a template whose
screen has lost "Stop if it hurts" or its link to the urgent help.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html import escape
from typing import Any, Iterable, Mapping
from urllib.parse import urljoin, urlsplit

from backguide import html
from backguide.facts import FACTS_BY_KEY, options
from backguide.figure import LABEL_SIZE, Label, letter_strokes
from backguide.rules import REQUIRED_WARNINGS, STEP_HEADING, Problem, normalize
from backguide.site import page_url

TEMPLATE_CLASS = "follow-along"
SCREEN_CLASS = "follow-along__view"
SAFETY_CLASS = "follow-along__safety"
RUN_CLASS = "follow-along__run"
MIRRORED_CLASS = "follow-along__other"
# Every screen says this, in these words: the title of the first required warning.
STOP_TEXT = next(rule.title for rule in REQUIRED_WARNINGS if rule.include == "stop-if-painful.md")
# ...and links here: the help page's urgent lists (call 999, call 111).
URGENT_HELP = ("help.md", "urgent")
# The sections whose numbered lists are never steps: the safety panel.
NOT_STEPS = frozenset({"before-you-start"})

_HOLD = re.compile(r"(\d+) (second|seconds|minute|minutes)")
# The pause between two holds, when the timer runs them all after one tap on Start: the reader
# lets go ("Release", shown and spoken), then holds again without touching the phone.
RELEASE_SECONDS = 5
# A step that repeats the move on the other side: the hand-over between sides, not a step of its own.
_OTHER_SIDE = re.compile(r"^\s*repeat\b.*\bother\b", re.IGNORECASE)
# A step that repeats the hold ("Release and repeat three more times"): on the hold's screen.
_SAYS_REPEAT = re.compile(r"\brepeat\b", re.IGNORECASE)
# A section that varies the steps before it ("Variation: angle the roller"): a run of its own.
_VARIATION = re.compile(r"^Variation\b", re.IGNORECASE)
# "left" and "right" as sides of the body ("your left knee", "to the left"), never "right away".
_SIDE_WORD = re.compile(
    r"(?:(?<=\bthe )|(?<=\bThe )|(?<=\byour )|(?<=\bYour )|(?<=\bher )|(?<=\bhis )|(?<=\btheir )|(?<=\bone ))(left|right|Left|Right|LEFT|RIGHT)\b"
    r"|\b(left|right|Left|Right|LEFT|RIGHT)\b(?=[ -](?:leg|knee|foot|feet|hand|arm|elbow|side|shoulder|hip|ankle|wrist)s?\b)"
)
_SWAP = {"left": "right", "right": "left", "Left": "Right", "Right": "Left", "LEFT": "RIGHT", "RIGHT": "LEFT"}
_REPEAT = re.compile(r"(\d+) times? in all")
_SAYS_HOLD = re.compile(r"\bhold", re.IGNORECASE)


class FactError(ValueError):
    """A front matter value the view cannot count; the message says how to write it."""


# Reading the numbers --------------------------------------------------------------------------


def hold_seconds(value: object) -> int:
    """'15 seconds' -> 15, '1 minute' -> 60: how long the timer counts down."""
    match = _HOLD.fullmatch(str(value).strip())
    if not match or int(match.group(1)) < 1:
        raise FactError(
            f"'hold: {value}' gives no time the follow-along timer can count; write it as  hold: 15 seconds"
            "  (a number, then seconds or minutes)"
        )
    return int(match.group(1)) * (60 if match.group(2).startswith("minute") else 1)


def repeat_times(value: object) -> int:
    """'4 times in all' -> 4: how many holds in all, the first one included."""
    match = _REPEAT.fullmatch(str(value).strip())
    if not match or int(match.group(1)) < 1:
        raise FactError(
            f"'repeat: {value}' gives no count the follow-along view can follow; write it as  repeat: 4 times in all"
            "  (a number: how many times in all, the first one included)"
        )
    return int(match.group(1))


def side_order(value: object) -> tuple[str, ...]:
    """'right then left' -> ('right', 'left'); a word outside the facts table gives () (the rules name it)."""
    return tuple(str(value).split(" then ")) if value in (FACTS_BY_KEY["sides"].vocabulary or {}) else ()


# The page's sets of steps ---------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    steps: list[html.Node]  # the <li> of its numbered list; none for a variation

    @property
    def is_option(self) -> bool:
        return bool(STEP_HEADING.match(self.title))

    @property
    def is_variation(self) -> bool:
        return not self.steps and bool(_VARIATION.match(self.title))


@dataclass(frozen=True)
class Run:
    """One set of steps the view follows: a page's steps, or one option with the steps every option starts with."""

    steps: str  # the id of the heading whose numbered list holds the steps
    setup: tuple[str, ...] = ()  # ids of sections shown first (the floor's "Find a space")
    place: str = "glance"  # where its button goes: "glance" (the page's box) or "section" (beside the option's Share)
    hold_seconds: int | None = None
    holds: int | None = None  # how many holds, where the source gives a count
    hold_step: int | None = None  # the step (from 1, in `steps`) that carries the timer
    sides: tuple[str, ...] = ()  # ('left', 'right'): the steps once for each side, in this order
    intro: str = ""  # a variation's section, shown before the steps it varies (its own button)
    repeat_step: int | None = None  # the step that repeats the hold, shown on the hold's screen
    handover_step: int | None = None  # the step that says to repeat on the other side: the hand-over between sides
    mirrored: tuple[tuple[int, str], ...] = ()  # (step from 1, its words and drawing for the other side)

    def attributes(self) -> str:
        values = {
            "data-steps": self.steps,
            "data-setup": " ".join(self.setup),
            "data-intro": self.intro,
            "data-place": self.place,
            "data-hold-seconds": self.hold_seconds,
            "data-holds": self.holds,
            "data-hold-step": self.hold_step,
            "data-repeat-step": self.repeat_step,
            "data-release-seconds": RELEASE_SECONDS if self.holds and self.holds > 1 else None,
            "data-sides": " ".join(self.sides),
            "data-handover-step": self.handover_step,
        }
        return "".join(f' {name}="{escape(str(value))}"' for name, value in values.items() if value)

    def html(self) -> str:
        """The run's element: its numbers, and each sided step's other-side words and drawing."""
        mirrored = "".join(
            f'<ol class="{MIRRORED_CLASS}" data-step="{number}"><li>{words}</li></ol>' for number, words in self.mirrored
        )
        return f'<div class="{RUN_CLASS}"{self.attributes()}>{mirrored}</div>'


def step_sections(content_html: str) -> list[Section]:
    """Each `##` section of the page with a numbered list, or a variation of the steps before it, in order."""
    sections: list[Section] = []
    heading: html.Node | None = None
    for node in html.body(html.parse(content_html)).iter(include_text=False):
        if node.tag == "h2":
            heading = node
            title = " ".join(html.text(heading, frozenset({"headerlink"})).split())
            if _VARIATION.match(title) and heading.attributes.get("id") and sections:
                sections.append(Section(str(heading.attributes["id"]), title, []))
        elif node.tag == "ol" and heading is not None and heading.attributes.get("id") not in (None, *NOT_STEPS):
            title = " ".join(html.text(heading, frozenset({"headerlink"})).split())
            items = [item for item in node.iter(include_text=False) if item.tag == "li"]
            if sections and sections[-1].id == heading.attributes["id"]:
                continue  # a variation heading with a list of its own is not a variation: keep it as it was
            sections.append(Section(str(heading.attributes["id"]), title, items))
            heading = None  # one list per section: a second one is not a new set of steps
    return sections


def runs(content_html: str, meta: Mapping[str, Any]) -> tuple[list[Run], list[str]]:
    """The page's runs, and the problems that keep the view from following them.

    On a page of options (headings "Option #N …"), each option is a run, and the numbered
    sections before the first option (the floor's "Find a space") open every option's run.
    Otherwise each numbered section is a run, with the page's own hold, repeat and sides.
    A "Variation" section without steps of its own is a run of the steps before it, opened
    by the variation's words (the foam roller's angled roller).
    """
    sections = step_sections(content_html)
    first_option = next((index for index, section in enumerate(sections) if section.is_option), None)
    by_option = {str(option.get("id")): option for option in options(meta)}
    found, problems = [], []
    candidates = []
    last: Section | None = None
    for index, section in enumerate(sections):
        if section.is_variation:
            if last is not None:
                candidates.append((last, (), "section", candidates[-1][3], candidates[-1][4], section.id))
            continue
        if first_option is None:
            candidates.append((section, (), "glance", meta, "front matter", ""))
        elif index >= first_option:
            setup = tuple(other.id for other in sections[:first_option] if not other.is_variation)
            candidates.append((section, setup, "section", by_option.get(section.id, {}), f"front matter option '{section.id}'", ""))
        else:
            continue
        last = section
    for section, setup, place, facts, where, intro in candidates:
        try:
            run = _run(section, setup, place, facts, intro)
        except FactError as error:
            if not intro:
                problems.append(f"{where} {error}")
            continue
        found.append(run)
    return found, problems


def _run(section: Section, setup: tuple[str, ...], place: str, facts: Mapping[str, Any], intro: str = "") -> Run:
    seconds = hold_seconds(facts["hold"]) if facts.get("hold") is not None else None
    holds = repeat_times(facts["repeat"]) if facts.get("repeat") is not None and seconds else None
    hold_step = repeat_step = handover_step = None
    texts = [_own_text(step) for step in section.steps]
    sides = side_order(facts.get("sides"))
    if sides:
        handover_step = next(
            (number for number, text in reversed(list(enumerate(texts, start=1))) if _OTHER_SIDE.match(text)), None
        )
    if seconds:
        hold_step = next((number for number, text in enumerate(texts, start=1) if _SAYS_HOLD.search(text)), None)
        if hold_step is None:
            raise FactError(
                f"gives 'hold: {facts['hold']}', but none of the steps under '{section.title}' says to hold;"
                " the follow-along timer goes on the step that says how long to hold, so say it there, as the source does"
            )
        if holds and holds > 1 and hold_step + 1 not in (len(texts) + 1, handover_step) and _SAYS_REPEAT.search(texts[hold_step]):
            repeat_step = hold_step + 1
    mirrored: tuple[tuple[int, str], ...] = ()
    if sides:
        first = next(((number, match) for number, text in enumerate(texts, start=1) if number != handover_step
                      for match in [_SIDE_WORD.search(text)] if match), None)
        if first and (first[1].group(1) or first[1].group(2)).lower() != sides[0]:
            number, match = first
            named = (match.group(1) or match.group(2)).lower()
            raise FactError(
                f"gives 'sides: {facts['sides']}', but step {number} under '{section.title}' starts on the {named}"
                f" (\"…{texts[number - 1][max(0, match.start() - 20) : match.end() + 10].strip()}…\"); the view shows the"
                f" steps' own words for the first side, so write  sides: {named} then {_SWAP[named]}"
            )
        mirrored = tuple(
            (number, mirror_html(html.inner_html(step)))
            for number, (step, text) in enumerate(zip(section.steps, texts), start=1)
            if number != handover_step and _SIDE_WORD.search(text)
        )
    return Run(
        section.id, setup, place, seconds, holds or (1 if seconds else None), hold_step, sides,
        intro, repeat_step, handover_step, mirrored,
    )


# The other side ---------------------------------------------------------------------------------

_TEXT = re.compile(r"(>|^)([^<]*)(?=<|$)")
_SVG = re.compile(r"(<svg\b[^>]*>)(.*?)</svg>", re.DOTALL)
_VIEW_BOX = re.compile(r'viewBox="([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)"')
_TITLE_END = "</title>"


def swap_sides(text: str) -> str:
    """'Bend your left knee' -> 'Bend your right knee': the same move done on the other side."""
    return _SIDE_WORD.sub(lambda match: _SWAP[match.group(match.lastindex or 1)], text)


def mirror_html(step_html: str) -> str:
    """A step's HTML for the other side: left and right swapped in its words, its drawing reflected.

    A mirror image of a person doing a move on the left is that person doing it on the right,
    so each drawing is its own shapes reflected left to right (`scale(-1 1)`, the view box moved
    to match), with its text alternative's sides swapped and its ids made its own. Only text
    between tags changes, never an attribute. The words are derived text, listed in CONTENT.md.
    """
    mirrored = _TEXT.sub(lambda match: match.group(1) + swap_sides(match.group(2)), step_html)
    mirrored = re.sub(r'(id|aria-labelledby)="(drawing-[^"]+)"', r'\1="\2-other-side"', mirrored)
    mirrored = mirrored.replace('<figure class="drawing"', '<figure class="drawing drawing--other-side"')
    return _SVG.sub(_reflect, mirrored)


def _reflect(match: re.Match[str]) -> str:
    """One drawing reflected: the shapes after its <title> in `scale(-1 1)`, the view box moved to match."""
    opening, inside = match.group(1), match.group(2)
    box = _VIEW_BOX.search(opening)
    if box:
        left, top, width, height = (float(value) for value in box.groups())
        opening = opening.replace(box.group(0), f'viewBox="{_number(-left - width)} {_number(top)} {_number(width)} {_number(height)}"')
    title, shapes = inside.split(_TITLE_END, 1) if _TITLE_END in inside else ("", inside)
    title = title + _TITLE_END if title else ""
    # The L and R beside the joints: the reflected body's left is the original's right, so each
    # letter is drawn again, the other letter, unreflected, where the reflection puts it.
    letters = [_other_letter(match) for match in _LABEL.finditer(shapes)]
    shapes = _LABEL.sub("", shapes)
    return f'{opening}{title}<g transform="scale(-1 1)">{shapes}</g>{"".join(letters)}</svg>'


_LABEL = re.compile(r'<path class="label" d="([^"]*)"([^>]*?)\s*/?>(?:</path>)?')


def _other_letter(match: re.Match[str]) -> str:
    """A side's letter, read from its strokes (L is one stroke, R two), as the other letter at the reflected place."""
    points = [tuple(float(v) for v in pair.split()) for pair in re.split(r"[ML]", match.group(1)) if pair.strip()]
    letter = "L" if match.group(1).count("M") == 1 else "R"
    # Every letter's strokes start at 0 in a box LABEL_SIZE tall and 0.6 of it wide, centred on its point.
    at = (min(x for x, _ in points) + 0.3 * LABEL_SIZE, min(y for _, y in points) + 0.5 * LABEL_SIZE)
    other = Label((-at[0], at[1]), "R" if letter == "L" else "L")
    d = "".join("M" + "L".join(f"{_number(x)} {_number(y)}" for x, y in stroke) for stroke in letter_strokes(other))
    return f'<path class="label" d="{d}"{match.group(2)}/>'


def _number(value: float) -> str:
    return f"{round(value, 2):g}"


def _own_text(step: html.Node) -> str:
    """A step's words, without the drawing's text alternative."""
    return html.text(step, frozenset({"drawing"}))


# The template -----------------------------------------------------------------------------------

# Material Design Icons (Apache 2.0), as Material for MkDocs ships them: play, close, chevrons.
# The class keeps their styles off the drawings, which are SVG too.
_ICON = '<svg class="follow-along__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="{}"/></svg>'
PLAY = _ICON.format("M8 5.14v14l11-7z")
CLOSE = _ICON.format("M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z")
BACK = _ICON.format("M15.41 16.58 10.83 12l4.58-4.59L14 6l-6 6 6 6z")
NEXT = _ICON.format("M8.59 16.58 13.17 12 8.59 7.41 10 6l6 6-6 6z")
DOWN = _ICON.format("M7.41 8.58 12 13.17l4.59-4.59L18 10l-6 6-6-6z")


def urgent_link(url: str) -> str:
    """The help page's urgent section, relative to a page: '../../help/#urgent' from /methods/floor/."""
    page, anchor = URGENT_HELP
    return posixpath.relpath(page_url(page), _folder(url)) + "/#" + anchor


def template_html(page_runs: Iterable[Run], url: str) -> str:
    """The view's screen, its words and the page's runs, for the script to clone; no step text.

    Labels sit in spans and buttons; the sentences (in <p>) are listed in CONTENT.md, which
    the content tests check, template included. `data-pagefind-ignore`: not words to search.
    """
    runs_html = "".join(run.html() for run in page_runs)
    return f"""
<template class="{TEMPLATE_CLASS}" data-pagefind-ignore>
<button type="button" class="follow-along__open">{PLAY}<span>Follow along</span></button>
<dialog class="{SCREEN_CLASS}" aria-labelledby="follow-along-where">
<div class="follow-along__top">
<div class="follow-along__where" id="follow-along-where"><span class="follow-along__name" data-slot="name"></span>
<span class="follow-along__title" data-slot="title" hidden></span>
<span class="follow-along__count" data-slot="count">Step <span data-slot="number"></span> of <span data-slot="total"></span></span>
<span class="follow-along__side" data-slot="side"></span></div>
<button type="button" class="follow-along__speak" data-action="speak" aria-pressed="false" hidden>Read aloud</button>
<button type="button" class="follow-along__close" data-action="close" aria-label="Close">{CLOSE}</button>
</div>
<div class="follow-along__body md-typeset">
<p class="follow-along__other-side" hidden>Now the other side</p>
<div class="follow-along__step" data-slot="step"></div>
<div class="follow-along__timer" hidden>
<span class="follow-along__hold">Hold <span data-slot="hold"></span> of <span data-slot="holds"></span></span>
<span class="follow-along__clock" data-slot="clock"></span>
<p class="follow-along__release" hidden>Release</p>
<div class="follow-along__controls">
<button type="button" data-action="start">Start <span data-slot="seconds"></span> s</button>
<button type="button" data-action="pause" hidden>Pause</button>
<button type="button" data-action="resume" hidden>Resume</button>
<button type="button" data-action="reset">Reset</button>
</div>
</div>
<span class="follow-along__more" aria-hidden="true" hidden>{DOWN}</span>
</div>
<p class="{SAFETY_CLASS}"><strong>{escape(STOP_TEXT)}.</strong> <a href="{escape(urgent_link(url))}">Get help at once.</a></p>
<div class="follow-along__nav">
<button type="button" data-action="back">{BACK}<span>Back</span></button>
<button type="button" data-action="next" autofocus><span>Next</span>{NEXT}</button>
<button type="button" data-action="done" hidden><span>Done</span></button>
</div>
<p class="follow-along__status" role="status"></p>
<div class="follow-along__words" hidden>
<p data-word="halfway">Halfway</p>
<span data-word="seconds">seconds</span>
<span data-word="left">Left side</span>
<span data-word="right">Right side</span>
<span data-word="before">Before you start</span>
</div>
</dialog>
{runs_html}
</template>
"""


def with_follow_along(content_html: str, meta: Mapping[str, Any], url: str) -> str:
    """A method page's content with the follow-along template at its end.

    Left as it is when the page has no steps to follow, or a fact the view cannot count:
    the gate names that problem (check_follow_along), and no view can open meanwhile.
    """
    page_runs, problems = runs(content_html, meta)
    if problems or not page_runs:
        return content_html
    return content_html + template_html(page_runs, url)


# The check ------------------------------------------------------------------------------------


def check_follow_along(path: str, content_html: str, meta: Mapping[str, Any], url: str) -> list[Problem]:
    """What keeps a method page's follow-along view from being published, one Problem each.

    - a hold, repeat or side the view cannot read as a number or an order;
    - a screen (the template the script clones for every step) without "Stop if it hurts"
      or without its link to the help page's urgent section, or with either hidden.
    `url` is the page's address (methods/floor/), against which the link is resolved.
    """
    _, messages = runs(content_html, meta)
    messages += _view_problems(html.parse(content_html), url)
    return [Problem(path, message) for message in messages]


def _view_problems(root: html.Node, url: str) -> list[str]:
    """The problems of every follow-along template under root: a missing screen, or a screen without its safety line."""
    messages = []
    for fragment in _templates(root):
        screens = fragment.css(f".{SCREEN_CLASS}")
        if not screens:
            messages.append(f"the follow-along template has no screen (.{SCREEN_CLASS}); {_FIX}")
        for screen in screens:
            messages += _screen_problems(screen, url)
    return messages


_FIX = "the view is made by backguide/follow_along.py: restore its template_html"
_NOT_MADE = (
    "has a follow-along template that is not the one backguide/follow_along.py makes for this page"
    " (something changed it after hooks/follow_along.py); the view may show only what that template"
    " holds, so remove the change"
)


def take_view(content_html: str, meta: Mapping[str, Any], url: str) -> tuple[str, list[str]]:
    """The content for the other rules, without the view's template, and the view's problems.

    The gate forbids <template> in a page (what it holds is kept from readers and from the
    checks), but for the one the build itself appends: the last `template.follow-along`, taken
    off here after it is checked, and refused unless it is exactly what `with_follow_along`
    makes for the rest of the content. Any other template stays, for the markup rule to refuse.
    """
    root = html.content(content_html)
    views = [node for node in root.css("template") if TEMPLATE_CLASS in html.classes(node)]
    if not views:
        return content_html, runs(content_html, meta)[1]
    # Parsed once: the screens are judged on this tree, then the view is taken off it. The
    # runs of the rest are the page's runs (a template's content is never read as steps).
    screen_messages = _view_problems(root, url)
    view_html = views[-1].html or ""
    views[-1].decompose()
    rest = html.inner_html(root)
    page_runs, messages = runs(rest, meta)
    messages += screen_messages
    if not messages and _canonical(view_html) != _canonical(template_html(page_runs, url)):
        messages.append(_NOT_MADE)
    return rest, messages


def _canonical(fragment_html: str) -> str:
    """A fragment as the parser reads it, whitespace collapsed: the same view whoever wrote its bytes."""
    parsed = "".join(node.html or "" for node in html.fragment(fragment_html))
    return re.sub(r">\s+<", "><", " ".join(parsed.split()))


def _templates(root: html.Node) -> list[html.Node]:
    return [fragment for fragment in root.template_fragments() if TEMPLATE_CLASS in html.classes(fragment.parent)]


def _screen_problems(screen: html.Node, url: str) -> list[str]:
    lines = [node for node in screen.css(f".{SAFETY_CLASS}") if not _hidden(node, screen)]
    if not any(normalize(STOP_TEXT) in normalize(html.text(line)) for line in lines):
        return [f"the follow-along view can show a step without '{STOP_TEXT}'; {_FIX}"]
    links = [str(link.attributes.get("href")) for line in lines for link in line.css("a[href]")]
    if not any(_is_urgent_help(href, url) for href in links):
        return [f"the follow-along view can show a step without its link to the urgent help ({urgent_link(url)}); {_FIX}"]
    return []


def _hidden(node: html.Node, screen: html.Node) -> bool:
    """Whether the node, or anything around it up to the screen, carries `hidden`."""
    for element in (node, *html.ancestors(node)):
        if "hidden" in element.attributes:
            return True
        if element.mem_id == screen.mem_id:
            break
    return False


def _is_urgent_help(href: str, url: str) -> bool:
    """Whether a link, followed from the page at `url`, lands on the help page's urgent section."""
    page, anchor = URGENT_HELP
    landed = urlsplit(urljoin("http://site" + _folder(url), href))
    return landed.netloc == "site" and landed.path == page_url(page) and landed.fragment == anchor


def _folder(url: str) -> str:
    """'methods/floor/' or '/methods/floor/' -> '/methods/floor/'; '' -> '/'."""
    return "/" + url.strip("/") + "/" if url.strip("/") else "/"
