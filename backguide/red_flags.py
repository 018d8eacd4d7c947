"""The NHS's urgent signs of back pain, as reference data, and the checks that the site gives each one.

The signs live in backguide/data/nhs-back-pain-urgent-advice.yml with the NHS page they come
from and the date it was checked. The help page must give every sign in its right list; the
red-flag line on every method page must name the most common 999 signs (those the data gives
`pointer_says`) and link to the help page's lists, where all of them are; and a sign with a
`panel_line` has its own line in the safety panel of every method that works on that part of
the back. The list is not ours to shorten: a sign dropped from the help page, the line or a
panel stops the build.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from backguide import html
from backguide.content import normalize

REFERENCE = Path(__file__).with_name("data") / "nhs-back-pain-urgent-advice.yml"
REFERENCE_NAME = "backguide/data/nhs-back-pain-urgent-advice.yml"

# An entry of `says`: one word (part), or a list of ways to say it.
Term = tuple[str, ...]


# The class of a sign's own line in the safety panel (includes/<panel_line.include>).
PANEL_LINE_CLASS = "urgent-line"


@dataclass(frozen=True)
class PanelLine:
    include: str  # the include in includes/ that writes the line, e.g. upper-back-pain.md
    back_region: str  # required on every method page whose back_region has this word
    says: tuple[Term, ...]  # what the line must say


@dataclass(frozen=True)
class Sign:
    sign: str  # in our words, as the NHS means it
    says: tuple[Term, ...]  # what the help page's item must say
    pointer_says: tuple[Term, ...]  # what the method pages' red-flag line must say (the common 999 signs)
    panel_line: PanelLine | None = None


@dataclass(frozen=True)
class UrgentList:
    id: str  # the help page's heading id for this list: call-999, call-111
    nhs: str  # the NHS's own heading
    signs: tuple[Sign, ...]


@dataclass(frozen=True)
class Reference:
    page: str
    checked: datetime.date
    help_page: str  # the src_uri of the help page, e.g. help.md
    outside_uk_says: tuple[Term, ...]
    lists: tuple[UrgentList, ...]

    @property
    def source(self) -> str:
        return f"{REFERENCE_NAME}, the NHS's list as checked on {self.checked.isoformat()}"


def _terms(value: Any, where: str) -> tuple[Term, ...]:
    if not isinstance(value, list) or not value:
        raise ValueError(f"{REFERENCE_NAME}: {where} must be a list of words, e.g. [chest pain]")
    terms = []
    for term in value:
        ways = term if isinstance(term, list) else [term]
        if not ways or not all(isinstance(way, str) and way.strip() for way in ways):
            raise ValueError(f"{REFERENCE_NAME}: {where} has {term!r}; write a word, or a list of ways to say it")
        terms.append(tuple(normalize(way) for way in ways))
    return tuple(terms)


def _panel_line(value: Any, sign: str) -> PanelLine | None:
    if value is None:
        return None
    where = f"the sign '{sign}' 'panel_line'"
    if not isinstance(value, dict) or not {"include", "back_region", "says"} <= set(value):
        raise ValueError(f"{REFERENCE_NAME}: {where} needs include, back_region and says")
    return PanelLine(str(value["include"]), str(value["back_region"]), _terms(value["says"], f"{where} 'says'"))


def parse_reference(data: Any) -> Reference:
    """The reference file as typed data; anything missing or malformed is refused, naming the key."""
    if not isinstance(data, dict):
        raise ValueError(f"{REFERENCE_NAME}: expected keys page, checked, help_page, outside_uk_says and lists")
    missing = [key for key in ("page", "checked", "help_page", "outside_uk_says", "lists") if key not in data]
    if missing:
        raise ValueError(f"{REFERENCE_NAME}: needs '{missing[0]}'")
    if not isinstance(data["checked"], datetime.date):
        raise ValueError(f"{REFERENCE_NAME}: 'checked' must be the date the NHS page was read, e.g. checked: 2026-12-01")
    lists = []
    for number, entry in enumerate(data["lists"], start=1):
        if not isinstance(entry, dict) or not {"id", "nhs", "signs"} <= set(entry):
            raise ValueError(f"{REFERENCE_NAME}: list {number} needs id, nhs and signs")
        signs = tuple(
            Sign(
                str(sign["sign"]),
                _terms(sign.get("says"), f"the sign '{sign['sign']}' 'says'"),
                _terms(sign["pointer_says"], f"the sign '{sign['sign']}' 'pointer_says'") if "pointer_says" in sign else (),
                _panel_line(sign.get("panel_line"), str(sign["sign"])),
            )
            for sign in entry["signs"]
        )
        lists.append(UrgentList(str(entry["id"]), str(entry["nhs"]), signs))
    return Reference(
        page=str(data["page"]),
        checked=data["checked"],
        help_page=str(data["help_page"]),
        outside_uk_says=_terms(data["outside_uk_says"], "'outside_uk_says'"),
        lists=tuple(lists),
    )


@cache
def reference() -> Reference:
    return parse_reference(yaml.safe_load(REFERENCE.read_text(encoding="utf-8")))


def says(text: str, terms: tuple[Term, ...]) -> bool:
    """Whether the text says every term, each in one of its ways."""
    said = normalize(text)
    return all(any(way in said for way in term) for term in terms)


def pointer_signs(ref: Reference) -> list[Sign]:
    """The signs every method page's red-flag line must name: those with `pointer_says`."""
    return [sign for urgent in ref.lists for sign in urgent.signs if sign.pointer_says]


def pointer_anchors(ref: Reference) -> tuple[str, ...]:
    """Where the red-flag line may link: the help page's urgent section, or its 999 list."""
    return ("urgent", ref.lists[0].id)


def panel_lines(ref: Reference) -> list[tuple[UrgentList, Sign, PanelLine]]:
    """The signs with a line of their own in the safety panel, with their list."""
    return [(urgent, sign, sign.panel_line) for urgent in ref.lists for sign in urgent.signs if sign.panel_line]


# The help page --------------------------------------------------------------------------------


def _list_items(root: html.Node, heading_id: str) -> list[str] | None:
    """The items of the first list after the heading with this id, before the next heading."""
    after = False
    for element in html.elements(root):
        if element.attributes.get("id") == heading_id:
            after = True
        elif after and element.tag in {"h1", "h2", "h3", "h4"}:
            return []
        elif after and element.tag in {"ul", "ol"}:
            return [html.text(item) for item in element.css("li")]
    return None if not after else []


def check_help_page(root: html.Node, ref: Reference) -> list[str]:
    """Every NHS sign in its list of the help page, and 'Outside the UK' once before the lists."""
    problems = []
    for urgent in ref.lists:
        items = _list_items(root, urgent.id)
        if items is None:
            problems.append(
                f"has no list with the id '{urgent.id}' (\"{urgent.nhs}:\"); keep that heading's {{#{urgent.id}}},"
                f" with the NHS's signs under it ({ref.source})"
            )
            continue
        for sign in urgent.signs:
            if not any(says(item, sign.says) for item in items):
                problems.append(
                    f"the list '{urgent.id}' lacks the NHS sign \"{sign.sign}\" ({ref.source});"
                    f" add it as an item, in the site's own words"
                )
    first_list = next((element for element in html.elements(root) if element.attributes.get("id") == ref.lists[0].id), None)
    before = normalize(_text_before(root, first_list)) if first_list is not None else ""
    sentence = before[before.find("outside the uk") :].split(".")[0] if "outside the uk" in before else ""
    if normalize(html.text(root)).count("outside the uk") != 1 or not says(sentence, ref.outside_uk_says):
        problems.append(
            "must say once, in one sentence above the first urgent list, what readers outside the UK do instead"
            f" of 999, 111 and a GP ({ref.source}); write it under the 'Get help urgently' heading"
        )
    return problems


def _text_before(root: html.Node, stop: html.Node) -> str:
    parts = []
    for node in root.traverse(include_text=True):
        if node.mem_id == stop.mem_id:
            break
        if node.is_text_node:
            parts.append(node.text_content or "")
    return "".join(parts)


# The red-flag line on method pages ----------------------------------------------------------------


def check_pointer(text: str, ref: Reference) -> list[str]:
    """What the red-flag line lacks of the 999 signs, one message each."""
    return [sign.sign for sign in pointer_signs(ref) if not says(text, sign.pointer_says)]


def _links_to(hrefs: list[str], help_page: str, anchors: tuple[str, ...]) -> bool:
    """Whether one of the links opens the help page at one of the anchors, as built or as Markdown.

    Built: '../../help/#urgent'; Markdown: '../help.md#urgent'.
    """
    page = help_page.removesuffix(".md")
    for href in hrefs:
        path, _, anchor = href.partition("#")
        if anchor in anchors and (path.endswith(f"{page}/") or path.endswith(f"{page}.md") or path.endswith(f"{page}/index.html")):
            return True
    return False


def pointer_problems(root: html.Node, ref: Reference, include_is_broken: bool = False) -> list[str]:
    """A method page's red-flag line is there, names the common 999 signs and links to all of them."""
    lines = root.css("p.red-flags")
    fix = '--8<-- "red-flags.md"'
    if not lines:
        return [f"the red-flag line that sends readers to urgent help is missing; add  {fix}  as the last line of the safety panel"]
    if include_is_broken:
        return []
    missing = check_pointer(html.text(lines[0]), ref)
    if missing:
        return [
            f"the red-flag line does not name the NHS 999 sign \"{missing[0]}\" ({ref.source});"
            f" use  {fix}  unchanged"
        ]
    hrefs = [link.attributes.get("href") or "" for link in lines[0].css("a")]
    if not _links_to(hrefs, ref.help_page, pointer_anchors(ref)):
        return [f"the red-flag line does not link to the help page's list of every 999 sign; use  {fix}  unchanged"]
    return []


_MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+)\)")


def include_problems(include_text: str, ref: Reference) -> list[str]:
    """The red-flag include itself, checked once, so every method page is not blamed for it."""
    problems = [
        f"does not name the NHS 999 sign \"{sign}\" ({ref.source}); add it to the line, in the site's own words"
        for sign in check_pointer(include_text, ref)
    ]
    anchors = pointer_anchors(ref)
    if not _links_to(_MARKDOWN_LINK.findall(include_text), ref.help_page, anchors):
        problems.append(
            f"does not link to the help page's list of every 999 sign; end the line with a link such as"
            f"  [all the signs](../{ref.help_page}#{anchors[0]})  ({ref.source})"
        )
    return problems


# A sign's own line in the safety panel (the 111 sign of pain between the shoulders) -----------------


def works_on(meta: Any, region: str) -> bool:
    value = meta.get("back_region") if hasattr(meta, "get") else None
    return isinstance(value, list) and region in value


def panel_line_problems(root: html.Node, meta: Any, ref: Reference, broken_includes: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """A method page that works where a sign hurts carries that sign's line in its safety panel."""
    problems = []
    lines = root.css(f"p.{PANEL_LINE_CLASS}")
    for urgent, sign, line in panel_lines(ref):
        if not works_on(meta, line.back_region) or line.include in broken_includes:
            continue
        fix = f'--8<-- "{line.include}"'
        said = [found for found in lines if says(html.text(found), line.says)]
        if not said:
            problems.append(
                f"works on the {line.back_region} but its safety panel lacks the line on the NHS sign \"{sign.sign}\""
                f" ({ref.source}); add  {fix}  to the panel, before  --8<-- \"red-flags.md\""
            )
            continue
        hrefs = [link.attributes.get("href") or "" for link in said[0].css("a")]
        if not _links_to(hrefs, ref.help_page, (urgent.id,)):
            problems.append(f"the line on \"{sign.sign}\" does not link to the help page's list '{urgent.id}'; use  {fix}  unchanged")
    return problems


def panel_line_include_problems(include: str, include_text: str, ref: Reference) -> list[str]:
    """A sign's panel include: a paragraph of the panel-line class that says the sign and links to its list."""
    problems = []
    for urgent, sign, line in panel_lines(ref):
        if line.include != include:
            continue
        fix = (
            f'write it as  <p class="{PANEL_LINE_CLASS}" markdown>…</p>  on one line, saying {_said(line.says)}'
            f" and linking to  ../{ref.help_page}#{urgent.id}"
        )
        if not re.fullmatch(rf'<p class="{PANEL_LINE_CLASS}" markdown>[^<\n]*(<strong>[^<\n]*</strong>[^<\n]*)*</p>', include_text.strip()):
            problems.append(f"must be one paragraph of the panel line and nothing else; {fix}")
        elif not says(include_text, line.says):
            problems.append(f"does not say the NHS sign \"{sign.sign}\" ({ref.source}); {fix}")
        elif not _links_to(_MARKDOWN_LINK.findall(include_text), ref.help_page, (urgent.id,)):
            problems.append(f"does not link to the help page's list '{urgent.id}'; {fix}")
    return problems


def _said(terms: tuple[Term, ...]) -> str:
    return ", ".join(" or ".join(f"'{way}'" for way in term) for term in terms)
