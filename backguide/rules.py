"""The safety rules for method pages: the rules as data, and pure functions over HTML.

Nothing here knows about MkDocs events. The gate hook, the `check-site` command and the
tests all call these functions (through `backguide.gate.check_page`), so the guarantee holds
whichever engine renders the pages.

What a reader must meet before the first step is judged by allow-lists, not by spotting
tricks one at a time: before the warnings only the "Before you start" heading; in the safety
panel only the safety includes; each required warning exactly as its include writes it, in
plain markup, with nothing that hides or rewrites it.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from backguide import html
from backguide.allowlist import where_it_belongs
from backguide.blocks import (
    HEADINGS,
    NUMBERED,
    STEP_HEADING,
    TITLE_CLASS,
    body_text,
    clip,
    describe,
    describe_tag,
    is_admonition,
    same_title,
    title_of,
    words,
)
from backguide.content import normalize
from backguide.facts import FACTS, FREE_TEXT_LIMIT, OPTION_FACTS, Fact

# Re-exported: the gate decides which pages it judges with the site model's own test.
from backguide.site import is_method_page  # noqa: F401

__all__ = ["normalize", "is_method_page"]


@dataclass(frozen=True)
class RequiredWarning:
    kind: str  # the admonition type, e.g. "danger"
    title: str
    # The box's whole text, written here as well as in the include on purpose: the include
    # is what the page shows, this is what the page must still say, word for word, if
    # someone edits the include. A box that says more or less is refused.
    sentences: tuple[str, ...]
    include: str  # the snippet in includes/ that carries the warning
    equipment: str | None = None  # only for methods that use this equipment
    # A list under the sentences, one item each, which the last sentence leads into
    # ("Ask first if you:"): the include writes them as a Markdown list ("- item").
    items: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return " ".join((*self.sentences, *self.items))

    @property
    def markdown(self) -> str:
        """The box's body as its include writes it (a list's items as "- item" lines)."""
        return " ".join((*self.sentences, *(f"- {item}" for item in self.items)))

    @property
    def fix(self) -> str:
        return f'--8<-- "{self.include}"'


STOP_IF_IT_HURTS = RequiredWarning(
    "danger",
    "Stop if it hurts",
    ("Exercises should bring relief.", "If they bring you pain, you need to stop doing them immediately."),
    "stop-if-painful.md",
)
CHECK_FIRST = RequiredWarning(
    "warning",
    "Check with a GP or physiotherapist first",
    ("Ask first if you:",),
    "check-first.md",
    items=(
        "have osteoporosis or take steroids long-term",
        "are pregnant",
        "have had a hip replacement",
        "had back surgery, a fall or an injury in recent months",
        "have inflammatory arthritis, such as ankylosing spondylitis",
        "have had cancer",
    ),
)

# In the order the safety panel shows them (CONTENT.md, "Method pages").
REQUIRED_WARNINGS: tuple[RequiredWarning, ...] = (
    STOP_IF_IT_HURTS,
    CHECK_FIRST,
    RequiredWarning(
        "warning",
        "Not if you have disc problems",
        ("These exercises are not recommended if you have disc problems.",),
        "disc-problems.md",
    ),
    RequiredWarning(
        "warning",
        "Persistent pain needs a doctor",
        (
            "Popping your back might not solve all of your issues, especially if you have persistent back,"
            " neck, or shoulder pain.",
            "If this is you, seek medical attention to treat your pain.",
        ),
        "get-help.md",
    ),
    RequiredWarning(
        "warning",
        "Not on your lower back",
        (
            "The National Academy of Sports Medicine does not recommend foam rolling on the lower back"
            " as that can hyperextend the back.",
        ),
        "foam-roller-lower-back.md",
        equipment="foam roller",
    ),
)

# Pages that are not method pages but must still carry some warnings, whole and in view.
PAGE_WARNINGS: dict[str, tuple[RequiredWarning, ...]] = {
    "rules.md": (STOP_IF_IT_HURTS, CHECK_FIRST),
}

# The one-line pointer to the urgent help that closes the safety panel (includes/red-flags.md).
RED_FLAGS_CLASS = "red-flags"
RED_FLAGS_INCLUDE = "red-flags.md"
PANEL_CLASS = "safety-panel"

# Elements no page may carry (backguide.markup reports them wherever they are).
FORBIDDEN_ELEMENTS = frozenset(
    {"style", "link", "script", "template", "slot", "iframe", "frame", "frameset", "object", "embed", "portal", "base", "meta"}
)

# Inside these, an admonition's markup is shown or kept as text, never as a warning.
TEXT_ONLY_TAGS = {"pre", "code", "template", "script", "noscript", "textarea"}

# What a required warning may be made of: the plain markup its include renders to. Anything
# else on the box, around it or inside it (hidden, aria-hidden, inert, popover, a <dialog>,
# <del>, <bdo>, SVG, a class the theme hides, a style) could hide or rewrite it.
BOX_TAGS = {
    "div": {"class"},
    "details": {"class", "open"},
    "summary": set(),
    "p": {"class"},
    "strong": set(),
    "em": set(),
    "a": {"href"},
    "br": set(),
    "ul": set(),
    "li": set(),
}
# Characters that reorder or hide the text around them (Unicode bidirectional controls).
DIRECTION_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@dataclass(frozen=True)
class Problem:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def check_method_page(path: str, content_html: str, meta: Mapping[str, Any], broken_includes: Iterable[str] = ()) -> list[Problem]:
    """Every problem of one method page, given its rendered content and its front matter.

    `broken_includes` are includes already reported as broken themselves; the pages that
    pull them in are not blamed again for the same fault.
    """
    root = html.content(content_html)
    messages = check_front_matter(meta) + check_description(meta, root) + check_warnings(root, meta, broken_includes)
    return [Problem(path, message) for message in messages]


def error_message(problems: list[Problem]) -> str:
    """The gate's message: how many pages, then one line per problem with the file, the rule and the fix."""
    pages = len({problem.path for problem in problems})
    lines = "\n".join(f"  {problem}" for problem in problems)
    noun = "page" if pages == 1 else "pages"
    return f"Safety gate: {pages} {noun} cannot be published yet:\n{lines}"


# Front matter -------------------------------------------------------------------------------


def _one_of(vocabulary: Mapping[str, str]) -> str:
    return ", ".join(repr(word) for word in vocabulary)


def check_front_matter(meta: Mapping[str, Any]) -> list[str]:
    problems = []
    for key in ("title", "description"):
        value = meta.get(key)
        if not isinstance(value, str) or not value.strip():
            problems.append(f"front matter needs '{key}' as non-empty text; add  {key}: ...  at the top of the page")
    description = meta.get("description")
    if isinstance(description, str) and (len(description) > 160 or "\n" in description.strip()):
        problems.append(
            "front matter 'description' must be one plain sentence of at most 160 characters,"
            f" so search results and link previews show it whole (it has {len(description)})"
        )
    method = meta.get("method")
    if method is not None and (not isinstance(method, int) or isinstance(method, bool) or method < 1):
        problems.append("front matter 'method' must be the method's number, e.g.  method: 6")
    for fact in FACTS:
        if fact.required or meta.get(fact.key) is not None:
            problems += _check_fact(fact, meta.get(fact.key), "front matter")
    problems += _check_options(meta.get("options"))
    problems += check_review_dates(meta)
    return problems


# The site's titles are in Title Case, as the owner's are ("Method 1: Cracking Your Back Using a
# Chair", "When to Get Help"): every word capitalised but these, unless one starts the title
# or follows its colon.
TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of", "off", "on", "per", "to", "up", "via", "with"}
)


def title_case(title: str) -> str:
    """The title as the site writes titles: Title Case, small words lower-case inside it."""
    words = title.split(" ")
    out = []
    starts = True
    for word in words:
        if not word:
            out.append(word)
            continue
        bare = word.strip("\"'“”‘’()")
        if not starts and bare.lower() in TITLE_SMALL_WORDS:
            out.append(word.replace(bare, bare.lower(), 1))
        elif bare[:1].isalpha() and bare[:1].islower():
            out.append(word.replace(bare, bare[:1].upper() + bare[1:], 1))
        else:
            out.append(word)
        starts = word.endswith(":")
    return " ".join(out)


def check_title(meta: Mapping[str, Any], is_method: bool) -> list[str]:
    """The title in the site's style: Title Case, and a method page's "Method N: " with its number."""
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        return []  # check_front_matter says it is missing
    title = " ".join(title.split())
    method = meta.get("method")
    wanted = title_case(title)
    prefix = re.match(r"method\s*(\d+)\s*[:.\-–]?\s*", title, re.IGNORECASE)
    if is_method and isinstance(method, int) and not isinstance(method, bool):
        rest = title[prefix.end():] if prefix else title
        wanted = f"Method {method}: " + title_case(rest[:1].upper() + rest[1:])
    if wanted == title:
        return []
    why = "a method page's title starts  Method N:  with its number, then" if is_method and isinstance(method, int) else "titles are"
    fix = f"write  title: \"{wanted}\""
    if prefix and isinstance(method, int) and prefix.group(1) != str(method):
        fix += f"  (or change  method: {method}  if that number is the wrong one)"
    return [
        f"front matter 'title' \"{title}\" breaks the site's title style ({why} in Title Case: each word capitalised"
        f" except a, an, the, and, or, of, on, to and the like inside the title); {fix}"
    ]


def _check_fact(fact: Fact, value: Any, where: str) -> list[str]:
    """One fact's value against the facts table; `where` names it in the message."""
    if fact.vocabulary is None:
        if not isinstance(value, str) or not value.strip() or len(value) > FREE_TEXT_LIMIT or value.rstrip().endswith("."):
            return [
                f"{where} '{fact.key}' must be a few words as the source gives them, at most {FREE_TEXT_LIMIT}"
                f" characters and no full stop, e.g.  {fact.key}: {fact.example}  (got {value!r});"
                " leave it out where the source gives none"
            ]
        return []
    if fact.many:
        if not isinstance(value, list) or not value:
            return [f"{where} needs '{fact.key}' as a list of one or more of {_one_of(fact.vocabulary)}"]
        if unknown := [word for word in value if word not in fact.vocabulary]:
            return [f"{where} '{fact.key}' has unknown {unknown}; use one or more of {_one_of(fact.vocabulary)}"]
        return []
    if not isinstance(value, str) or value not in fact.vocabulary:
        return [f"{where} needs '{fact.key}' as one of {_one_of(fact.vocabulary)} (got {value!r})"]
    return []


def _check_options(value: Any) -> list[str]:
    """`options:` lists a page's moves (the floor page's), each an `id:` of its heading and its own facts."""
    if value is None:
        return []
    example = "options: [{id: knees-to-chest, hold: 15 seconds}]"
    if not isinstance(value, list) or not value:
        return [f"front matter 'options' must be a list of the page's options, e.g.  {example}"]
    problems = []
    allowed = {"id"} | {fact.key for fact in OPTION_FACTS}
    for number, option in enumerate(value, start=1):
        where = f"front matter option {number}"
        if not isinstance(option, Mapping) or not isinstance(option.get("id"), str) or not option["id"].strip():
            problems.append(f"{where} needs an 'id:', the {{#id}} of its heading, e.g.  {example}")
            continue
        where = f"front matter option '{option['id']}'"
        if unknown := sorted(set(option) - allowed):
            problems.append(f"{where} has unknown {unknown}; an option takes only {sorted(allowed)}")
        for fact in OPTION_FACTS:
            if option.get(fact.key) is not None:
                problems += _check_fact(fact, option[fact.key], where)
    return problems


def check_review_dates(meta: Mapping[str, Any]) -> list[str]:
    """`reviewed:` and `next_review:`, when given, are ISO dates (2026-11-28), the next one later."""
    problems = []
    dates = {}
    for key in ("reviewed", "next_review"):
        value = meta.get(key)
        if value is None:
            continue
        if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
            problems.append(f"front matter '{key}' must be a date written as  {key}: 2026-11-28  (got {value!r})")
        else:
            dates[key] = value
    if len(dates) == 2 and dates["next_review"] <= dates["reviewed"]:
        problems.append("front matter 'next_review' must come after 'reviewed'")
    return problems


# The one-line summary ---------------------------------------------------------------------------

# Verbs that open an instruction. The template shows the description above the safety
# warnings, so it may say what a method is ("How to …", "Four ways to …"), never what to do.
INSTRUCTION_VERBS = frozenset(
    """
    arch bend bring clasp cup curl do draw drop extend find flatten fold grab hold hug inhale
    exhale kneel lean lie lift lower make move place plant press pull push put raise reach relax
    release repeat rest return roll rotate select sit slide squeeze stand start step straighten
    stretch swing take tilt turn twist try use walk
    """.split()
)
# Words that open some steps but give no instruction themselves ("To get a crack further up …").
NOT_VERBS = frozenset("a an again arms as at however if next now standing that the then this to".split())
# A description sharing this many words in a row with a step repeats the step.
SHARED_WORDS = 6


def check_description(meta: Mapping[str, Any], root: html.Node) -> list[str]:
    """The description shows above the warnings: it must not instruct or repeat a step."""
    description = meta.get("description")
    if not isinstance(description, str) or not description.strip():
        return []  # check_front_matter says it is missing
    words = re.findall(r"[a-z’']+|\d+", normalize(description))
    steps = [normalize(html.text(item)) for item in root.css("ol > li")]
    first_words = {re.sub(r"[^a-z]", "", step.split()[0]) for step in steps if step.split()}
    fix = "say what the method is instead, e.g.  description: How to crack your upper back using a chair."
    if NUMBERED.match(description) or re.search(r"\bstep\s*\d", description, re.IGNORECASE):
        return [f"front matter 'description' numbers a step, and it shows above the safety warnings; {fix}"]
    # The first word of each clause: "No chair needed: push your fist …" instructs after its colon.
    openers = [clause.split()[0] for clause in re.split(r"[:;,.(—–]", normalize(description)) if clause.split()]
    verbs = INSTRUCTION_VERBS | (first_words - NOT_VERBS)
    opener = next((word for word in openers if word in verbs), None)
    if opener:
        return [f"front matter 'description' gives an instruction (\"{opener} …\"), and it shows above the safety warnings; {fix}"]
    for step in steps:
        step_words = re.findall(r"[a-z’']+|\d+", step)
        runs = {tuple(step_words[i : i + SHARED_WORDS]) for i in range(len(step_words) - SHARED_WORDS + 1)}
        if any(tuple(words[i : i + SHARED_WORDS]) in runs for i in range(len(words) - SHARED_WORDS + 1)):
            return [f"front matter 'description' repeats a step, and it shows above the safety warnings; {fix}"]
    return []


# Warnings -----------------------------------------------------------------------------------


def required_warnings(meta: Mapping[str, Any]) -> list[RequiredWarning]:
    equipment = meta.get("equipment") if isinstance(meta.get("equipment"), list) else []
    return [rule for rule in REQUIRED_WARNINGS if rule.equipment is None or rule.equipment in equipment]


def check_warnings(root: html.Node | str, meta: Mapping[str, Any], broken_includes: Iterable[str] = ()) -> list[str]:
    """The method page's warnings: each whole, open, plain and alone above the first step."""
    if isinstance(root, str):
        root = html.content(root)
    broken = set(broken_includes)
    nodes = list(html.elements(root))
    order = {node.mem_id: index for index, node in enumerate(nodes)}
    first_step = find_first_step(nodes)
    problems = []
    if first_step is None:
        problems.append("has no numbered steps; write the steps as a numbered list (1. 2. 3.) below the warnings")
    step_position = order[first_step.mem_id] if first_step is not None else len(order)
    boxes = _boxes(nodes)
    rules = [rule for rule in required_warnings(meta) if rule.include not in broken]
    late, whole = [], []
    for rule in rules:
        problem = _check_warning(rule, boxes, order, step_position, root, on_method_page=True)
        if problem is _AFTER_THE_FIRST_STEP:
            late.append(rule)
        elif problem:
            problems.append(problem)
        if problem is None or problem is _AFTER_THE_FIRST_STEP:
            whole.append(rule)
    if late:
        # One line, naming what stands above the warnings: moving the includes out of the
        # panel instead would leave the warnings outside it and the step above the heading.
        heading = first_step.tag in HEADINGS
        what = f"the heading '{clip(words(first_step))}'" if heading else describe(first_step)
        problems.append(
            f"{what} comes before the safety warnings ({', '.join(repr(rule.title) for rule in late)}), so a reader"
            " meets a step first; move it, and everything after it that is a step, below the safety panel:"
            " a method page starts with  ## Before you start {#before-you-start}  and the panel"
        )
    if outside := [rule for rule in whole if (box := _box_of(rule, boxes)) is not None and not _in_panel(box)]:
        problems.append(
            f"the {', '.join(repr(rule.title) for rule in outside)} warning{'s are' if len(outside) > 1 else ' is'}"
            f" outside the safety panel; put {'their includes' if len(outside) > 1 else 'its include'} inside"
            f"  <div class=\"{PANEL_CLASS}\" markdown>  under  ## Before you start {{#before-you-start}},"
            " as README's \"Adding a method page\" shows"
        )
    # Content above the warnings is judged once they are above the steps: until then the steps
    # themselves stand above them, and that is reported already. With a warning missing, what
    # stands above the safety panel is reported too, so that adding the warning is the last fix.
    if not late and all(" is missing " in problem for problem in problems):
        problems += _before_the_warnings(root, boxes, required_warnings(meta), meta)
    if not problems:
        problems += _between_the_panel_and_the_steps(root, first_step, meta)
    problems += _panel_problems(root)
    return problems


def check_page_warnings(root: html.Node | str, rules: Iterable[RequiredWarning], broken_includes: Iterable[str] = ()) -> list[str]:
    """Warnings a page other than a method page must show (the rules page): each whole and open."""
    if isinstance(root, str):
        root = html.content(root)
    nodes = list(html.elements(root))
    order = {node.mem_id: index for index, node in enumerate(nodes)}
    boxes = _boxes(nodes)
    broken = set(broken_includes)
    problems = [_check_warning(rule, boxes, order, len(order), root, on_method_page=False) for rule in rules if rule.include not in broken]
    return [problem for problem in problems if problem]


def _boxes(nodes: list[html.Node]) -> list[html.Node]:
    """Every admonition a browser renders as one: not inside a code block, a template or a comment."""
    return [
        node
        for node in nodes
        if is_admonition(node) and not any(a.tag in TEXT_ONLY_TAGS for a in html.ancestors(node))
    ]


def _check_warning(
    rule: RequiredWarning, boxes: list[html.Node], order: dict[int, int], first_step: int, root: html.Node, *, on_method_page: bool
) -> str | None:
    fix = rule.fix
    titled = [node for node in boxes if same_title(title_of(node), rule.title)]
    if not titled:
        if on_method_page:
            return f"the '{rule.title}' warning is missing above the first step; add  {fix}  inside the safety panel, before the steps"
        return f"the '{rule.title}' warning is missing; add  {fix}  to the page"
    if len(titled) > 1:
        return (
            f"has {len(titled)} boxes titled '{rule.title}'; keep only the one  {fix}  writes"
            " and remove the other, which a reader could take for the warning"
        )
    box = titled[0]
    if rule.kind not in html.classes(box):
        kinds = sorted(html.classes(box) - {"admonition"})
        return (
            f"the '{rule.title}' warning is a {'/'.join(kinds) or 'plain'} admonition, not '{rule.kind}';"
            f" use  {fix}  instead of writing it by hand"
        )
    if wrapper := _wrapper_problem(box, root):
        return wrapper
    if not _is_seen(box):
        return (
            f"the '{rule.title}' warning is collapsed or hidden, so a reader can miss it;"
            f" use  {fix}  as it is (a '???' block counts only as '???+')"
        )
    if markup := _markup_problem(box, rule.kind):
        return f"the '{rule.title}' warning is hidden or changed by {markup}; use  {fix}  unchanged, with nothing added in or around it"
    body = normalize(body_text(box))
    if lost := [sentence for sentence in (*rule.sentences, *rule.items) if normalize(sentence) not in body]:
        return f"the '{rule.title}' warning has lost the sentence \"{lost[0]}\"; use  {fix}  unchanged"
    if extra := " ".join(body.replace(normalize(rule.text), " ").split()):
        return (
            f"the '{rule.title}' warning says more than its include (\"{clip(extra)}\");"
            f" use  {fix}  unchanged, and write anything else outside the box"
        )
    if order[box.mem_id] > first_step:
        return _AFTER_THE_FIRST_STEP
    return None


# A warning that is whole but stands after the first step: reported once for all (check_warnings).
_AFTER_THE_FIRST_STEP = "after the first step"


def _box_of(rule: RequiredWarning, boxes: list[html.Node]) -> html.Node | None:
    titled = [node for node in boxes if same_title(title_of(node), rule.title)]
    return titled[0] if len(titled) == 1 else None


def _in_panel(box: html.Node) -> bool:
    return any(is_panel(ancestor) for ancestor in html.ancestors(box))


def _is_seen(node: html.Node) -> bool:
    """Whether a reader sees the node without opening anything first (as far as attributes tell).

    The safety panel's own attributes are judged once, by _panel_problems, not once per box.
    """
    for element in (node, *html.ancestors(node)):
        if is_panel(element):
            continue
        attrs = element.attributes
        if element.tag == "details" and "open" not in attrs:
            return False
        if "hidden" in attrs:
            return False
        if "display:none" in (attrs.get("style") or "").replace(" ", ""):
            return False
    return True


def _markup_problem(box: html.Node, kind: str) -> str | None:
    """What on the box or inside it is not the plain markup of an include."""
    allowed_classes = {"admonition", kind, TITLE_CLASS}
    for element in html.elements(box):
        attributes = BOX_TAGS.get(element.tag)
        if attributes is None:
            return f"a <{element.tag}> element in it"
        if unknown := sorted(set(element.attributes) - attributes):
            return f"the attribute '{unknown[0]}' on its <{element.tag}>"
        if unknown_classes := sorted(html.classes(element) - allowed_classes):
            return f"the class '{unknown_classes[0]}' on its <{element.tag}>"
    if controls := sorted(DIRECTION_CONTROLS & set(html.text(box))):
        return f"a text-direction control character (U+{ord(controls[0]):04X}) that reorders its words"
    return None


def _wrapper_problem(box: html.Node, root: html.Node) -> str | None:
    """Anything around a box but the safety panel, which stands at the top level of the page.

    The message names the wrapper, not the warning, so that one wrapper around four
    warnings is one message.
    """
    for ancestor in html.ancestors(box):
        if ancestor.mem_id == root.mem_id or ancestor.tag in {"body", "html"}:
            return None
        if is_panel(ancestor) and ancestor.parent is not None and ancestor.parent.mem_id == root.mem_id:
            return None
        if not is_panel(ancestor):
            return (
                f"the safety warnings are inside {describe_tag(ancestor)}, which can hide them or keep them from"
                f" screen readers; write the safety panel ({PANEL_CLASS}) at the top level of the page, in nothing else"
            )
    return None


def is_panel(node: html.Node) -> bool:
    """The safety panel, however it is marked up (_panel_problems judges its markup)."""
    return node.tag == "div" and PANEL_CLASS in html.classes(node)


def find_first_step(nodes: list[html.Node]) -> html.Node | None:
    """The first numbered list outside the admonitions, or the first 'Step…'/'Option…' heading."""
    for node in nodes:
        if node.tag == "ol" and not any(is_admonition(ancestor) for ancestor in html.ancestors(node)):
            return node
        if node.tag in {"h2", "h3", "h4", "h5", "h6"} and STEP_HEADING.match(html.text(node).strip()):
            return node
    return None


# What may come before the warnings, and what the safety panel may hold ------------------------------


def _top_level(root: html.Node) -> list[html.Node]:
    return [child for child in root.iter(include_text=False) if child.is_element_node]


def _holds(node: html.Node, boxes: set[int]) -> bool:
    return any(element.mem_id in boxes for element in html.elements(node))


def _before_the_warnings(root: html.Node, boxes: list[html.Node], rules: list[RequiredWarning], meta: Mapping[str, Any] = {}) -> list[str]:
    """Before the first required warning only what backguide.allowlist.BEFORE_THE_FIRST_WARNING names."""
    from backguide.allowlist import before_the_first_warning

    return before_the_first_warning(root, [rule.title for rule in rules], meta)


# The share button under a page's title (backguide.share_buttons): a button, its icon and a label.
SHARE_BUTTON_TAGS = frozenset({"div", "button", "svg", "path", "span"})


def _between_the_panel_and_the_steps(root: html.Node, first_step: html.Node | None, meta: Mapping[str, Any]) -> list[str]:
    from backguide.allowlist import between_the_panel_and_the_steps
    from backguide.instructions import source_text

    panel = next((node for node in _top_level(root) if is_panel(node)), None)
    return between_the_panel_and_the_steps(root, panel, first_step, meta, source_text())


def _is_share_button(node: html.Node) -> bool:
    return (
        "share" in html.classes(node)
        and all(element.tag in SHARE_BUTTON_TAGS for element in html.elements(node))
        and normalize(html.text(node)) == "share"
    )


def _panel_problems(root: html.Node) -> list[str]:
    """The safety panel is plain, and holds the safety includes and the red-flag line, nothing else."""
    from backguide.allowlist import PANEL_HOLDS

    known = {rule.title for rule in REQUIRED_WARNINGS if rule.include in PANEL_HOLDS["includes"]}
    lines = PANEL_HOLDS["paragraph classes"]
    problems = []
    for panel in (node for node in html.elements(root) if is_panel(node)):
        # A style= is reported with every other style written in a page (backguide.markup).
        extra = sorted(set(panel.attributes) - {"class", "style"}) or sorted(html.classes(panel) - {PANEL_CLASS})
        if extra:
            problems.append(
                f"the safety panel carries '{extra[0]}', which can hide it or keep it from screen readers;"
                f" write it as  <div class=\"{PANEL_CLASS}\" markdown>  with nothing added"
            )
        for child in _top_level(panel):
            if is_admonition(child) and any(same_title(title_of(child), title) for title in known):
                continue
            if child.tag == "p" and len(html.classes(child)) == 1 and html.classes(child) <= lines:
                continue
            problems.append(
                f"the safety panel holds {describe(child)}; it holds only the safety includes,"
                f" so {where_it_belongs(child)}"
            )
    return problems
