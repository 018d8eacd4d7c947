"""The links an author writes, checked when the build has rendered every page: each one opens.

- A link to another page opens a page of the site, and its #section is an id on that page.
- A link to another host is https and is in the list of links the guide means to send readers
  to (audit/external_links.txt), where each has a reason.
- No id is used twice on a page: a shared #section would open the first of them.

MkDocs checks links too, but names the page and the link only; these checks say the fix, run
the same under `mkdocs serve`, where a refused page shows them, and judge the HTML, as every
rule of the guide does. mkdocs.yml leaves MkDocs' own link checks at "info" so that one
mistake gets one message.
"""

from __future__ import annotations

import difflib
import posixpath
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from backguide import html

# Where an author lists the other hosts' pages the guide links to, each with why.
EXTERNAL_LIST = "audit/external_links.txt"
# Addresses a page may hold that lead nowhere to check: a mail link, a drawing's data: image.
QUIET_SCHEMES = {"data", "javascript"}


@dataclass(frozen=True)
class SitePage:
    """What the link check needs of a page: where it comes from, where it is, and its ids."""

    path: str  # the file an author edits, e.g. docs/methods/chair.md
    url: str  # its address from the site root, e.g. /methods/chair/
    ids: frozenset[str]
    # The sections a link from another page may open: a method page opens at its top, at its
    # warnings, or at an option (whose section starts with the pointer back to them); never
    # past them, at its steps. None: any section.
    entry_ids: frozenset[str] | None = None


def allowed_external(text: str) -> set[str]:
    """The allow-list: one address per line; '#' starts a comment that says why."""
    return {line.split("#", 1)[0].strip() for line in text.splitlines()} - {""}


def read_allowed_external(project: Path) -> set[str]:
    listed = project / EXTERNAL_LIST
    return allowed_external(listed.read_text(encoding="utf-8")) if listed.is_file() else set()


def link_problems(page: SitePage, content: html.Node, pages: dict[str, SitePage], redirects: dict[str, str], allowed: set[str]) -> list[str]:
    """What is wrong with each link of a page's content, one message a link.

    `pages` are the site's pages by address; `redirects` maps a short link's address to the
    address it opens (mkdocs-redirects), so a link to /chair/ is as good as one to the page.
    """
    problems = []
    for anchor in content.css("a[href]"):
        href = (anchor.attributes.get("href") or "").strip()
        if "headerlink" in html.classes(anchor):
            continue
        problem = _problem(href, page, pages, redirects, allowed)
        if problem:
            problems.append(problem)
    return list(dict.fromkeys(problems))


def _problem(href: str, page: SitePage, pages: dict[str, SitePage], redirects: dict[str, str], allowed: set[str]) -> str | None:
    if not href:
        return "has a link with no address; write the page or #section it should open"
    parts = urlsplit(href)
    if parts.scheme == "http":
        return (
            f"links to {href} with plain http, which readers' browsers may refuse or warn about;"
            " write https:// if that site has it, or remove the link"
        )
    if parts.scheme in {"https", "mailto"}:
        if href in allowed:
            return None
        return (
            f"links to {href}, another site, which is not in {EXTERNAL_LIST}; check it is the page you mean,"
            " then add it there with a # comment saying why readers go there"
        )
    if parts.scheme in QUIET_SCHEMES:
        return None
    if parts.scheme or parts.netloc:
        return f"links to {href}, an address readers cannot open; link to a page of the guide or an https:// page"
    if parts.path.startswith("/"):
        return (
            f"links to {href} from the site root, which breaks when the guide is published in a folder;"
            " link to the page's Markdown file instead, e.g. ../help.md#urgent"
        )
    # A page's address is a folder (/methods/chair/), so its links are relative to that folder.
    target = posixpath.normpath(posixpath.join(page.url, unquote(parts.path))) if parts.path else page.url
    if parts.path.endswith("/") or not parts.path:
        target = target.rstrip("/") + "/"
    if parts.path.endswith(".md"):
        return _missing_page(href, parts.path, page, pages)
    target = redirects.get(target, target)
    found = pages.get(target)
    if found is None:
        return _missing_page(href, parts.path, page, pages)
    fragment = unquote(parts.fragment)
    if fragment and fragment not in found.ids:
        close = difflib.get_close_matches(fragment, sorted(found.ids), n=1)
        hint = f"; did you mean #{close[0]}?" if close else f"; give the heading the id: {{#{fragment}}}"
        where = "this page" if found is page else found.path
        return f"links to the section #{fragment} of {where}, which has no id \"{fragment}\"{hint}"
    if fragment and found is not page and found.entry_ids is not None and fragment not in found.entry_ids:
        return (
            f"links to the section #{fragment} of {found.path}, which opens that method page past its safety warnings;"
            f" link to the page itself, or to #before-you-start"
        )
    return None


def _missing_page(href: str, path: str, page: SitePage, pages: dict[str, SitePage]) -> str:
    sources = sorted(posixpath.relpath(other.path.removeprefix("docs/"), posixpath.dirname(page.path.removeprefix("docs/"))) for other in pages.values())
    close = difflib.get_close_matches(path.split("#")[0], sources, n=1)
    hint = f"; did you mean {close[0]}?" if close else "; link to the page's Markdown file, as it is named in docs/"
    return f"links to {href}, which is no page of the guide{hint}"


def image_problems(page: SitePage, content: html.Node, site_files: set[str]) -> list[str]:
    """Each picture of a page is a file the site publishes: a missing one is a broken picture readers see.

    `site_files` are the addresses of the site's files that are not pages (/images/wall.png).
    MkDocs writes a found image's path relative to the page, and leaves a missing one as the
    author wrote it; either way it is resolved here as the reader's browser would.
    """
    problems = []
    for element in content.css("img, source"):
        sources = [element.attributes.get("src") or ""]
        sources += [part.strip().split(" ")[0] for part in (element.attributes.get("srcset") or "").split(",") if part.strip()]
        for src in (source.strip() for source in sources):
            if not src and element.tag == "img":
                problems.append("has a picture with no file; write  ![what it shows](picture.png)  with the file's path")
                continue
            parts = urlsplit(src)
            if not src or parts.scheme == "data":
                continue
            if parts.scheme or parts.netloc or src.startswith("//"):
                problems.append(
                    f"shows the picture {src} from another site, which the guide never loads (readers may have no signal,"
                    " and the page's policy blocks it); save the file in docs/ and write its path instead"
                )
                continue
            target = posixpath.normpath(posixpath.join(page.url, unquote(parts.path)))
            if target not in site_files:
                close = difflib.get_close_matches(target, sorted(site_files), n=1)
                hint = f"; did you mean {posixpath.relpath(close[0], page.url)}?" if close else ""
                expected = posixpath.normpath(posixpath.join(posixpath.dirname(page.path), unquote(parts.path)))
                problems.append(
                    f"shows the picture {src}, which is no file of the site, so readers would see a broken picture;"
                    f" save the picture as {expected}, or write the path of the file you mean, from the page's folder{hint}"
                )
    return list(dict.fromkeys(problems))


def duplicate_ids(content: html.Node) -> list[str]:
    """Ids a page uses more than once: a shared #section would open only the first."""
    counts = Counter(element.attributes.get("id") for element in html.elements(content) if element.attributes.get("id"))
    return [
        f"has the id \"{name}\" {count} times, so a link to #{name} opens only the first; give each heading"
        " or drawing an id of its own, e.g. {#" + name + "-2}"
        for name, count in counts.items()
        if count > 1
    ]


def page_ids(content: html.Node) -> frozenset[str]:
    return html.ids(content)
