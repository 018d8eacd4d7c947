"""The safety rules for method pages: the rules as data, and pure functions over HTML.

Nothing here knows about MkDocs events. The gate hook, the `check-site` command and the
tests all call `check_method_page`, so the guarantee holds whichever engine renders the pages.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any, Mapping

from backguide import html
from backguide.facts import FACTS, FREE_TEXT_LIMIT, OPTION_FACTS, Fact

# Re-exported: the gate decides which pages it judges with the site model's own test.
from backguide.site import is_method_page  # noqa: F401


@dataclass(frozen=True)
class RequiredWarning:
    kind: str  # the admonition type, e.g. "danger"
    title: str
    # The sentences are written here as well as in the include on purpose: the
    # include is what the page shows, this is what the page must still say if
    # someone edits the include.
    sentences: tuple[str, ...]
    include: str  # the snippet in includes/ that carries the warning
    equipment: str | None = None  # only for methods that use this equipment


REQUIRED_WARNINGS: tuple[RequiredWarning, ...] = (
    RequiredWarning(
        "danger",
        "Stop if it hurts",
        ("Exercises should bring relief.", "If they bring you pain, you need to stop doing them immediately."),
        "stop-if-painful.md",
    ),
    RequiredWarning(
        "warning",
        "Not if you have disc problems",
        ("These exercises are not recommended if you have disc problems.",),
        "disc-problems.md",
    ),
    RequiredWarning(
        "warning",
        "Persistent pain needs a doctor",
        ("If this is you, seek medical attention to treat your pain.",),
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

# A heading that starts a step section, for pages whose steps are sections rather than a list.
STEP_HEADING = re.compile(r"^(step|option)\b", re.IGNORECASE)

# Inside these, an admonition's markup is shown or kept as text, never as a warning.
TEXT_ONLY_TAGS = {"pre", "code", "template", "script", "noscript", "textarea"}


@dataclass(frozen=True)
class Problem:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def check_method_page(path: str, content_html: str, meta: Mapping[str, Any]) -> list[Problem]:
    """Every problem of one method page, given its rendered content and its front matter."""
    messages = check_front_matter(meta) + check_warnings(content_html, meta)
    return [Problem(path, message) for message in messages]


def error_message(problems: list[Problem]) -> str:
    """The gate's message: how many pages, then one line per problem with the file, the rule and the fix."""
    pages = len({problem.path for problem in problems})
    lines = "\n".join(f"  {problem}" for problem in problems)
    noun = "page" if pages == 1 else "pages"
    return f"Safety gate: {pages} method {noun} cannot be published yet:\n{lines}"


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


# Warnings -----------------------------------------------------------------------------------


def normalize(text: str) -> str:
    """Text as compared by the rules: straight quotes, single spaces, any case."""
    text = text.translate(str.maketrans("‘’“”", "''\"\"")).replace("\u00a0", " ")
    return " ".join(text.split()).casefold()


def required_warnings(meta: Mapping[str, Any]) -> list[RequiredWarning]:
    equipment = meta.get("equipment") if isinstance(meta.get("equipment"), list) else []
    return [rule for rule in REQUIRED_WARNINGS if rule.equipment is None or rule.equipment in equipment]


def check_warnings(content_html: str, meta: Mapping[str, Any]) -> list[str]:
    root = html.body(html.parse(content_html))
    nodes = list(html.elements(root))
    order = {node.mem_id: index for index, node in enumerate(nodes)}
    first_step = _first_step(nodes)
    problems = []
    if first_step is None:
        problems.append("has no numbered steps; write the steps as a numbered list (1. 2. 3.) below the warnings")
    step_position = order[first_step.mem_id] if first_step is not None else len(order)
    admonitions = [node for node in nodes if _is_admonition(node)]
    for rule in required_warnings(meta):
        problem = _check_warning(rule, admonitions, order, step_position)
        if problem:
            problems.append(problem)
    return problems


def _check_warning(rule: RequiredWarning, admonitions: list[html.Node], order: dict[int, int], first_step: int) -> str | None:
    fix = f'--8<-- "{rule.include}"'
    real = [node for node in admonitions if not any(a.tag in TEXT_ONLY_TAGS for a in html.ancestors(node))]
    titled = [node for node in real if normalize(_title(node)) == normalize(rule.title)]
    of_kind = [node for node in titled if rule.kind in html.classes(node)]
    seen = [node for node in of_kind if _is_seen(node)]
    whole = [node for node in seen if not _missing_sentences(rule, node)]
    if any(order[node.mem_id] < first_step for node in whole):
        return None
    if whole:
        return f"the '{rule.title}' warning comes after the first step; move  {fix}  above the steps"
    if seen:
        lost = _missing_sentences(rule, seen[0])[0]
        return f"the '{rule.title}' warning has lost the sentence \"{lost}\"; use  {fix}  unchanged"
    if of_kind:
        return (
            f"the '{rule.title}' warning is collapsed or hidden, so a reader can miss it;"
            f" use  {fix}  as it is (a '???' block counts only as '???+')"
        )
    if titled:
        kinds = sorted(html.classes(titled[0]) - {"admonition"})
        return (
            f"the '{rule.title}' warning is a {'/'.join(kinds) or 'plain'} admonition, not '{rule.kind}';"
            f" use  {fix}  instead of writing it by hand"
        )
    return f"the '{rule.title}' warning is missing above the first step; add  {fix}  before the steps"


def _title(admonition: html.Node) -> str:
    for child in admonition.iter(include_text=False):
        if child.tag == "summary" or "admonition-title" in html.classes(child):
            return html.text(child)
    return ""


def _is_seen(node: html.Node) -> bool:
    """Whether a reader sees the node without opening anything first (as far as attributes tell)."""
    for element in (node, *html.ancestors(node)):
        attrs = element.attributes
        if element.tag == "details" and "open" not in attrs:
            return False
        if "hidden" in attrs:
            return False
        if "display:none" in (attrs.get("style") or "").replace(" ", ""):
            return False
    return True


def _missing_sentences(rule: RequiredWarning, admonition: html.Node) -> list[str]:
    body = normalize(html.text(admonition, skip=frozenset({"admonition-title"})))
    return [sentence for sentence in rule.sentences if normalize(sentence) not in body]


def _first_step(nodes: list[html.Node]) -> html.Node | None:
    """The first numbered list outside the admonitions, or the first 'Step…'/'Option…' heading."""
    for node in nodes:
        if node.tag == "ol" and not any(_is_admonition(ancestor) for ancestor in html.ancestors(node)):
            return node
        if node.tag in {"h2", "h3", "h4", "h5", "h6"} and STEP_HEADING.match(html.text(node).strip()):
            return node
    return None


def _is_admonition(node: html.Node) -> bool:
    return (node.tag == "div" and "admonition" in html.classes(node)) or node.tag == "details"
