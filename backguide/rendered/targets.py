"""What the rendered gate opens: every HTML file the build ships, and what each must show.

Every page from docs/ (a method page must show its required warnings, the rules page the
ones PAGE_WARNINGS names, every other page no steps), the theme's 404 page, and each short
link's page (opened as a reader opens it: it lands on its method page, which must show the
warnings on arrival). A shipped HTML file that none of these explains is check-site's to refuse.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from html import unescape
from urllib.parse import urljoin, urlsplit
from pathlib import Path

from backguide import html
from backguide.follow_along import SAFETY_CLASS, template_html, urgent_link
from backguide.rules import PAGE_WARNINGS, RequiredWarning, required_warnings
from backguide.site import built_page, source_pages, url_of_file


@dataclass(frozen=True)
class Expected:
    """A text a reader must get whole: a warning (its include's title and words) or the view's safety line."""

    title: str
    text: str  # what the rendered box must read, title included, whitespace collapsed
    include: str  # where the words come from, for the fix
    # The units a screen reader must read whole: each paragraph's sentences and each list item
    # (a list's items are read one by one, so a lead-in and its items are never one run of text).
    units: tuple[str, ...] = ()


@dataclass(frozen=True)
class Target:
    path: str  # the file a refusal names: docs/methods/chair.md, or the built file
    url: str  # below the site root: methods/chair/
    src_uri: str | None  # methods/chair.md; None for the 404 page
    method: bool
    warnings: tuple[Expected, ...] = ()
    safety_line: Expected | None = None  # the follow-along view's, on a method page
    safety_href: str | None = None
    opened_as: str = ""  # "from the short link /chair/": how a reader reached it
    visits: tuple[str, ...] | None = None  # names of the visits it needs; None for all
    site: str = ""  # the folder of the served root its site is in ("" for the one site; a golden case's own)
    extra: dict = field(default_factory=dict)


def include_text(project: Path, rule: RequiredWarning) -> Expected:
    """A required warning's words as its include writes them: `!!! kind "Title"`, then the text."""
    file = project / "includes" / rule.include
    if not file.is_file():
        return Expected(rule.title, f"{rule.title} {rule.text}", f"includes/{rule.include}")
    lines = file.read_text(encoding="utf-8").strip().splitlines()
    header = lines[0].strip() if lines else ""
    title = header.split('"')[1] if header.count('"') >= 2 else rule.title
    # A list item ("- have had a hip replacement") renders as its words, without the marker.
    body_lines = [LIST_MARKER.sub("", line) for line in lines[1:]]
    body = " ".join(" ".join(body_lines).split())
    units = tuple(unit for line in body_lines if (unit := " ".join(line.split())))
    return Expected(title, f"{title} {body}", f"includes/{rule.include}", units)


LIST_MARKER = re.compile(r"^\s*[-*+]\s+")


def safety_line(url: str) -> tuple[Expected, str]:
    """The follow-along view's safety line, as backguide/follow_along.py writes it for this page."""
    text = ""
    for fragment in html.parse(template_html([], url)).template_fragments():
        for node in fragment.css(f".{SAFETY_CLASS}"):
            text = " ".join(html.text(node).split())
    return Expected("the follow-along view's safety line", unescape(text), "backguide/follow_along.py"), urgent_link(url)


def targets(site_dir: Path, project: Path) -> list[Target]:
    found: list[Target] = []
    pages = source_pages(project / "docs")
    by_file = {}
    for page in pages:
        built = built_page(site_dir, page.src_uri)
        if not built.is_file():
            continue
        url = url_of_file(built.relative_to(site_dir).as_posix()).lstrip("/")
        by_file[built.resolve()] = page
        if page.is_method:
            rules = required_warnings(page.meta)
            line, href = safety_line(page.url)
            found.append(Target(f"docs/{page.src_uri}", url, page.src_uri, True,
                                tuple(include_text(project, rule) for rule in rules), line, href))
        else:
            rules = PAGE_WARNINGS.get(page.src_uri, ())
            found.append(Target(f"docs/{page.src_uri}", url, page.src_uri, False,
                                tuple(include_text(project, rule) for rule in rules)))
    by_url = {target.url: target for target in found}
    for file in sorted(site_dir.rglob("*.html")):
        relative = file.relative_to(site_dir).as_posix()
        if file.resolve() in by_file:
            continue
        root = html.parse(file.read_text(encoding="utf-8"))
        refresh = html.refresh_target(root)
        if refresh is not None:
            # A short link: a reader lands on its page, which must show the warnings on arrival.
            landed_url = urlsplit(urljoin("http://site/" + relative, refresh)).path.lstrip("/")
            page = by_url.get(landed_url)
            short = url_of_file(relative)
            if page is not None:
                found.append(Target(page.path, url_of_file(relative).lstrip("/"), page.src_uri, page.method, page.warnings,
                                    None, None, opened_as=f"opened from the short link {short}",
                                    visits=("phone, 3× screen, reduced motion", "scripts off"), extra={"lands": landed_url}))
            continue
        if relative == "404.html":
            found.append(Target("404.html (the theme's page for an unknown address)", relative, None, False))
    return found
