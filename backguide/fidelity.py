"""The site against the owner's text, beyond word for word (CONTENT.md's tables).

- A sentence of the source that warns, or says who can do a move, comes before the steps on
  its page, where a reader meets it before acting: "Cautions and prerequisites".
- Every value "At a glance" shows names the source sentence it sums up: "Glance facts".
- Every row of text that is not the owner's carries its clinician's review status.
"""

from __future__ import annotations

from typing import Any, Mapping

from backguide import html
from backguide.content import (
    EVERY_METHOD_PAGE,
    Caution,
    GlanceSource,
    bad_review_statuses,
    cautions,
    glance_sources,
    listed,
    normalize,
    page_sentences,
    source_units,
    table_column,
    unreviewed,
)
from backguide.glance import glance_values
from backguide.rules import find_first_step


def check_cautions(root: html.Node, path: str, marked: list[Caution]) -> list[str]:
    """Each caution CONTENT.md marks for this page is on it, above its first step."""
    nodes = list(html.elements(root))
    first_step = find_first_step(nodes)
    before = normalize(_text_until(root, first_step))
    everything = normalize(html.text(root))
    problems = []
    for caution in marked:
        if not caution.applies_to(path):
            continue
        sentence = normalize(caution.sentence)
        if sentence in before:
            continue
        where = "comes after the first step" if sentence in everything else "is not on the page"
        problems.append(
            f"the source's {caution.kind} \"{_clip(caution.sentence)}\" {where}; readers must meet it before"
            " they act, so put it above step 1 (in the safety panel's includes, or right under the steps heading)"
        )
    return problems


def _text_until(root: html.Node, stop: html.Node | None) -> str:
    parts = []
    for node in root.traverse(include_text=True):
        if stop is not None and node.mem_id == stop.mem_id:
            break
        if node.is_text_node:
            parts.append(node.text_content or "")
    return "".join(parts)


def check_glance(root: html.Node, path: str, meta: Mapping[str, Any], backing: list[GlanceSource]) -> list[str]:
    """Every glance value has a "Glance facts" row, whose sentence this page shows."""
    shown = normalize(html.text(root))
    problems = []
    for where, label, value in glance_values(path, meta):
        rows = [
            row
            for row in backing
            if (row.page == where or (row.page == EVERY_METHOD_PAGE and "#" not in where))
            and normalize(row.fact) == normalize(label)
            and normalize(row.value) == normalize(value)
        ]
        if not rows:
            problems.append(
                f"\"At a glance\" shows {label}: {value}, but CONTENT.md's \"Glance facts\" names no source sentence"
                f" for it; add the row  | `{where}` | {label} | {value} | <the sentence it sums up> | needs review |"
                "  or change the front matter"
            )
        elif not any(normalize(row.sentence) in shown for row in rows):
            problems.append(
                f"CONTENT.md's \"Glance facts\" backs {label}: {value} with \"{_clip(rows[0].sentence)}\", which this page"
                " does not say; name a sentence the page shows"
            )
    return problems


def check_register(content_md: str, source_text: str) -> list[str]:
    """CONTENT.md's own rows: cautions are the source's sentences, glance rows cite real ones, statuses are set."""
    _, source_sentences = source_units(source_text)
    source = {normalize(sentence) for sentence in source_sentences}
    shortened = {normalize(text) for text in table_column(content_md, "Source sentences shortened")}
    added = {normalize(text) for text in listed(content_md).sentences}
    problems = [
        f"CONTENT.md, \"Cautions and prerequisites\": \"{_clip(caution.sentence)}\" is not a sentence of the source;"
        " copy it from source/ word for word"
        for caution in cautions(content_md)
        if normalize(caution.sentence) not in source | shortened
    ]
    problems += [
        f"CONTENT.md, \"Glance facts\": the row for {row.fact}: {row.value} cites \"{_clip(row.sentence)}\","
        " which is neither a source sentence nor a listed one; cite the sentence word for word"
        for row in glance_sources(content_md)
        if normalize(row.sentence) not in source | shortened | added
    ]
    return problems + bad_review_statuses(content_md)


def _clip(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def check_sentences(root: html.Node, path: str, source_text: str, allowed: list[str]) -> list[str]:
    """Each sentence the page's body shows is a whole sentence of the source, or listed in CONTENT.md."""
    found = dict.fromkeys(unreviewed(page_sentences(root.html or ""), source_text, allowed))
    return [
        f"says \"{_clip(sentence, 80)}\", which is not a sentence of the source; a clinician reviews every"
        f" added sentence, so add the row  | {sentence} | `{path}` | <why it was added> | needs review |"
        "  to CONTENT.md's \"Sentences not from the source\" (or use the source's words)"
        for sentence in found
    ]


def check_description_listed(path: str, meta: Mapping[str, Any], descriptions: dict[str, str]) -> list[str]:
    """A page's description shows in search results and link previews: CONTENT.md lists it as written."""
    description = meta.get("description")
    if not isinstance(description, str) or not description.strip():
        return []
    if descriptions.get(path) == description:
        return []
    row = f"| `{path}` | {description} | needs review |"
    if path in descriptions:
        return [f"front matter 'description' differs from its row in CONTENT.md's \"Page descriptions\"; make the row  {row}"]
    return [f"front matter 'description' is not in CONTENT.md's \"Page descriptions\" for review; add the row  {row}"]
