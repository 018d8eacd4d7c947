"""Every link of a built site: internal ones reach a file and an anchor, external ones are well-formed and listed.

Read from the built files, not the Markdown, so links the theme and the hooks write are
checked too: navigation, canonical and social tags, stylesheets, scripts, icons.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import SplitResult, unquote, urljoin, urlsplit

from backguide import html
from backguide.site import built_file

# Links that leave the site on purpose, each with a reason. Anything else pointing away is a miss.
ALLOWED_EXTERNAL = Path(__file__).with_name("external_links.txt")

# (tag, attribute) pairs that a browser or a link preview follows.
LINK_ATTRIBUTES = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"),
                   ("iframe", "src"), ("form", "action")}
# <meta property|name=... content=URL> tags whose content is an address (link previews).
URL_META = {"og:url", "og:image", "twitter:image", "twitter:url"}
HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def collect(page_html: str) -> tuple[set[str], list[str]]:
    """The anchor ids of a page and the addresses it links to."""
    root = html.parse(page_html)
    links = []
    for node in html.elements(root):
        attrs = node.attributes
        links += [value or "" for name, value in attrs.items() if (node.tag, name) in LINK_ATTRIBUTES]
        if node.tag == "meta" and (attrs.get("property") or attrs.get("name")) in URL_META:
            links.append(attrs.get("content") or "")
    return set(html.ids(root)), links


def allowed_external(text: str) -> set[str]:
    """The allow-list: one address per line; '#' starts a comment that says why."""
    return {line.split("#", 1)[0].strip() for line in text.splitlines()} - {""}


def external_problem(link: str, allowed: set[str]) -> str | None:
    parts = urlsplit(link)
    if parts.scheme in {"http", "https"}:
        host = parts.hostname or ""
        if not HOST.match(host) or " " in link:
            return f"malformed external link {link!r}"
    elif parts.scheme == "mailto":
        if "@" not in parts.path:
            return f"malformed mail link {link!r}"
    elif parts.scheme == "data" and link.startswith("data:image/"):
        return None  # an image written into the page (the favicon): no request, nothing to break
    else:
        return f"link with scheme '{parts.scheme}:' {link!r}; use a real address"
    if link not in allowed:
        return f"external link not in audit/external_links.txt: {link}"
    return None


def target_file(site: Path, path: str) -> Path | None:
    """The file a static host serves for an address below the site root, if there is one."""
    file = built_file(site, path)
    return file if file.is_file() else None


def check_site_links(site: Path, site_url: str, allowed: set[str]) -> dict[str, list[str]]:
    """Link problems by page (its path below the site root); a page without problems is absent."""
    own = urlsplit(site_url)
    pages = {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8") for path in site.rglob("*.html")}
    parsed = {page: collect(html) for page, html in pages.items()}
    problems: dict[str, list[str]] = {}
    for page, (_, links) in sorted(parsed.items()):
        page_url = urljoin(site_url, page)
        for link in dict.fromkeys(links):
            problem = link_problem(site, page_url, own, link, parsed, allowed)
            if problem:
                problems.setdefault(page, []).append(problem)
    return problems


def link_problem(
    site: Path, page_url: str, own: SplitResult, link: str, parsed: dict[str, tuple[set[str], list[str]]], allowed: set[str]
) -> str | None:
    if not link.strip():
        return "empty link"
    absolute = urlsplit(urljoin(page_url, link))
    if (absolute.scheme, absolute.netloc) != (own.scheme, own.netloc):
        return external_problem(link, allowed)
    if not absolute.path.startswith(own.path):
        return f"link outside the site's folder: {link}"
    path = unquote(absolute.path[len(own.path) :])
    file = target_file(site, path)
    if file is None:
        return f"broken link {link}: nothing at /{path}"
    anchor = unquote(absolute.fragment)
    if anchor and file.suffix == ".html":
        ids, _ = parsed[file.relative_to(site).as_posix()]
        if anchor not in ids:
            return f"broken anchor {link}: /{path} has no id '{anchor}'"
    return None
