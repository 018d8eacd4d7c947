"""The safety gate: every rule a page must meet, in one call, and what happens to a refused page.

`check_page` is what the gate hook runs on each page MkDocs renders and what `check-site`
runs on each page of a built site, so both judge by the same rules:

- every page: no styles, scripts or frames written in it, no words telling readers to go on
  when it hurts (backguide.markup);
- method pages: the warnings, whole, plain and before the first step, nothing step-like above
  them, the front matter (backguide.rules); the follow-along view's template exactly as the
  build makes it, with "Stop if it hurts" and the urgent-help link on every screen
  (backguide.follow_along); the red-flag line naming the common NHS 999 signs and linking to
  all of them, and a sign's own line where the method works (backguide.red_flags); the source's cautions before the steps and a source sentence behind
  every glance value (backguide.fidelity, from CONTENT.md);
- other pages: no steps (only method pages are checked for them); the help page gives every
  NHS urgent sign; the rules page shows the warnings it must.

`mkdocs build` must never write a page that fails, so it stops. A preview that stopped would
leave `mkdocs serve` hanging on every request until the page is fixed, so there the refused
page is replaced by an error page that says what to fix, the other pages keep serving, and
the message is printed again on every rebuild (MkDocs' log drops a message it has already
shown once).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from backguide import html, red_flags
from backguide.content import Caution, GlanceSource, cautions, glance_sources, listed, normalize, table_column
from backguide.fidelity import check_cautions, check_description_listed, check_glance, check_register, check_sentences
from backguide.follow_along import take_view
from backguide.allowlist import reading_order
from backguide.facts import options
from backguide.instructions import source_text
from backguide.markup import check_markup, check_no_steps, check_pain_phrases, check_softening
from backguide.printed_text import front_matter_problems, option_heading_problem
from backguide.rules import (
    DIRECTION_CONTROLS,
    PAGE_WARNINGS,
    RED_FLAGS_INCLUDE,
    REQUIRED_WARNINGS,
    Problem,
    RequiredWarning,
    check_description,
    check_front_matter,
    check_title,
    check_page_warnings,
    check_warnings,
)
from backguide.site import SourcePage

SERVE_NOTE = "(mkdocs serve keeps serving, and shows this on the page; mkdocs build and make build stop here.)"
CONTENT_MD = "CONTENT.md"
SOURCE_TEXT = "source/how-to-crack-your-own-back.txt"


@dataclass(frozen=True)
class Checks:
    """What judging a page needs besides the page itself, read once per build."""

    reference: red_flags.Reference = field(default_factory=red_flags.reference)
    # CONTENT.md's tables; None where the project has no CONTENT.md (a test's small site).
    cautions: list[Caution] | None = None
    glance: list[GlanceSource] | None = None
    # Includes found broken themselves (check_includes): their pages are not blamed again.
    broken_includes: frozenset[str] = frozenset()
    # The owner's text, and what CONTENT.md lists: every sentence a page shows is one or the other.
    source_text: str | None = None
    listed: list[str] | None = None
    descriptions: dict[str, str] | None = None  # "Page descriptions", by file


def check_page(page: SourcePage, path: str, content_html: str, checks: Checks) -> list[Problem]:
    """Every problem of one page, given its rendered content (without the template around it)."""
    view_messages: list[str] = []
    if page.is_method:
        content_html, view_messages = take_view(content_html, page.meta, page.url)
    root = html.content(content_html)
    pain = check_pain_phrases(root)
    messages = check_markup(root) + pain + view_messages + reading_order(root)
    # One title, one message: a title that may not be printed (a sentence, markup, a step) is told
    # what to name instead, in the site's style; only a title that may be printed is held to Title Case.
    printed = front_matter_problems(page.meta, is_method=page.is_method)
    if not any(message.startswith("front matter 'title'") for message in printed):
        messages += check_title(page.meta, page.is_method)
    if checks.source_text is not None and checks.listed is not None:
        messages += check_sentences(root, path, checks.source_text, checks.listed)
    if checks.descriptions is not None:
        messages += check_description_listed(path, page.meta, checks.descriptions)
    if page.is_method:
        described = check_description(page.meta, root)
        if described:  # one message for one description
            printed = [message for message in printed if "'description'" not in message]
        messages += check_front_matter(page.meta) + described + printed + _option_headings(root, page.meta)
        warned = check_warnings(root, page.meta, checks.broken_includes)
        messages += warned
        if not warned and not pain:  # words that talk the warnings down, once the warnings are there (and said once)
            messages += check_softening(root, source_text())
        messages += red_flags.pointer_problems(root, checks.reference, RED_FLAGS_INCLUDE in checks.broken_includes)
        messages += red_flags.panel_line_problems(root, page.meta, checks.reference, checks.broken_includes)
        if checks.cautions is not None:
            # The required warnings' own sentences are held to their place by the warning rules.
            warned = " ".join(normalize(rule.text) for rule in REQUIRED_WARNINGS)
            messages += check_cautions(root, path, [c for c in checks.cautions if normalize(c.sentence) not in warned])
        if checks.glance is not None:
            messages += check_glance(root, path, page.meta, checks.glance)
    else:
        messages += printed
        # Words that say to go on through pain are one mistake, reported once, even if they also instruct.
        messages += check_no_steps(root, page.src_uri, source_text(), by_words=not pain)
        if page.src_uri == checks.reference.help_page:
            messages += red_flags.check_help_page(root, checks.reference)
        if page.src_uri in PAGE_WARNINGS:
            messages += check_page_warnings(root, PAGE_WARNINGS[page.src_uri], checks.broken_includes)
    return [Problem(path, message) for message in dict.fromkeys(messages)]


def _option_headings(root: html.Node, meta) -> list[str]:
    """Each option's heading: the option map shows it above the warnings (backguide.printed_text)."""
    ids = {str(option.get("id")) for option in options(meta)}
    found = [element for element in html.elements(root) if element.tag in {"h2", "h3", "h4"} and element.attributes.get("id") in ids]
    messages = [option_heading_problem(html.text(element, frozenset({"headerlink"}))) for element in found]
    return [message for message in messages if message]


# What the pages are judged with ---------------------------------------------------------------


def read_checks(project: Path, includes: list[Path]) -> tuple[Checks, list[Problem]]:
    """The checks for a build of the project, and the problems found in the includes and CONTENT.md."""
    problems = check_includes(includes, project)
    broken = frozenset(Path(problem.path).name for problem in problems)
    content_md = project / CONTENT_MD
    if not content_md.is_file():
        if (project / SOURCE_TEXT).is_file():  # the real project: its register must be there
            problems.append(Problem(CONTENT_MD, "is missing; restore it: it lists the source's cautions and every added sentence"))
        return Checks(broken_includes=broken), problems
    text = content_md.read_text(encoding="utf-8")
    source = project / SOURCE_TEXT
    source_text = source.read_text(encoding="utf-8") if source.is_file() else None
    try:
        descriptions = dict(zip(table_column(text, "Page descriptions"), table_column(text, "Page descriptions", 1)))
        checks = Checks(
            cautions=cautions(text),
            glance=glance_sources(text),
            broken_includes=broken,
            source_text=source_text,
            listed=listed(text).all() if source_text is not None else None,
            descriptions=descriptions if source_text is not None else None,
        )
    except (ValueError, KeyError) as error:
        return Checks(broken_includes=broken), [*problems, Problem(CONTENT_MD, f"a table cannot be read: {error}")]
    if source_text is not None:
        problems += [Problem(CONTENT_MD, message.removeprefix("CONTENT.md, ")) for message in check_register(text, source_text)]
    return checks, problems


def check_includes(includes: list[Path], project: Path) -> list[Problem]:
    """Each required warning's include, and the red-flag line, exactly as the rules write them.

    Checked once per build, so a change to an include is reported against the include, not
    against every page that pulls it in.
    """
    problems = []
    for folder in includes:
        for rule in REQUIRED_WARNINGS:
            file = folder / rule.include
            if file.is_file():
                problems += [Problem(_shown(file, project), m) for m in warning_include_problems(file.read_text(encoding="utf-8"), rule)]
        red_flag_line = folder / RED_FLAGS_INCLUDE
        if red_flag_line.is_file():
            messages = red_flags.include_problems(red_flag_line.read_text(encoding="utf-8"), red_flags.reference())
            problems += [Problem(_shown(red_flag_line, project), message) for message in messages]
        for _, _, line in red_flags.panel_lines(red_flags.reference()):
            file = folder / line.include
            if file.is_file():
                messages = red_flags.panel_line_include_problems(line.include, file.read_text(encoding="utf-8"), red_flags.reference())
                problems += [Problem(_shown(file, project), message) for message in messages]
    return problems


_ATTRIBUTE_LIST = re.compile(r"\{\s*[:#.]|\{\s*[\w-]+\s*=|\{\s*(hidden|inert)\b")


def warning_include_problems(text: str, rule: RequiredWarning) -> list[str]:
    """A required warning's include: the admonition line, then its text, and nothing else."""
    lines = text.strip().splitlines()
    header = f'!!! {rule.kind} "{rule.title}"'
    fix = f"write it back as  {header}  and, indented under it, \"{rule.markdown}\""
    if not lines or lines[0].strip() != header:
        return [f"must start with  {header}  (the gate finds the warning by it); {fix}"]
    body = "\n".join(lines[1:])
    if _ATTRIBUTE_LIST.search(body):
        return [f"has an attribute list ({{: … }}) that can hide or restyle the warning; remove it; {fix}"]
    if "<" in body or "&" in body:
        return [f"has HTML in the warning, which can hide or rewrite it; {fix}"]
    if DIRECTION_CONTROLS & set(body):
        return [f"has a text-direction control character that reorders the warning's words; {fix}"]
    if any(line.strip() and not line.startswith(("    ", "\t")) for line in lines[1:]):
        return [f"has text outside the warning box; {fix}"]
    if " ".join(body.split()) != " ".join(rule.markdown.split()):
        return [f"does not say the warning word for word; {fix}"]
    return []


# Files in docs/ a static host would serve as pages. MkDocs copies them as they are, so no
# hook renders them and no rule would judge them.
RAW_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")


def raw_pages(paths: list[str]) -> list[Problem]:
    """A page written as HTML in docs/ is refused: it would reach readers with no rule run on it."""
    return [
        Problem(
            path,
            "is a page written as HTML, which is published as it is, with no safety rule run on it;"
            f" write it as Markdown ({path.rsplit('.', 1)[0]}.md) or delete it",
        )
        for path in paths
        if path.lower().endswith(RAW_PAGE_SUFFIXES)
    ]


def _shown(path: Path, project: Path) -> str:
    return os.path.relpath(path, project).replace(os.sep, "/")


# A refused page under `mkdocs serve` ----------------------------------------------------------------


def refusal_html(problems: list[Problem]) -> str:
    """The content `mkdocs serve` shows instead of a refused page: the file, each rule broken and its fix."""
    files = list(dict.fromkeys(problem.path for problem in problems))
    items = "".join(f"<li><code>{escape(problem.path)}</code>: {escape(problem.message)}</li>" for problem in problems)
    return (
        '<h1 id="refused">This page cannot be published yet</h1>\n'
        '<div class="admonition danger safety-gate-refusal">'
        '<p class="admonition-title">Refused by the safety gate</p>\n'
        f"<p>{', '.join(f'<code>{escape(file)}</code>' for file in files)}:</p>\n<ul>{items}</ul>\n"
        "<p>Fix the page and save it: this preview reloads by itself.</p>\n"
        "</div>\n"
        "<p><code>mkdocs build</code> and <code>make build</code> refuse to publish this page until it is fixed.</p>"
    )
