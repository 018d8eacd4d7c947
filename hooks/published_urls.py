"""Keep every published address working: the build fails if a page or section readers may have shared is gone.

The addresses are listed in published_urls.txt beside this file. The check reads only
the built site folder, after mkdocs-redirects has written its pages, so it follows
redirects the way a browser does; the tests run the same function over a real build.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from html_tree import Node, parse
from mkdocs.exceptions import PluginError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

URL_LIST = Path(__file__).with_name("published_urls.txt")
# Relative redirects are resolved against this stand-in host; any other host is off the site.
HOST = "http://published.invalid"
REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\"]+)", re.IGNORECASE)


# Hooks


def on_post_build(*, config: MkDocsConfig) -> None:
    # Runs after the redirects plugin's on_post_build: plugins come before hooks.
    problems = broken_urls(Path(config.site_dir), read_url_list(URL_LIST.read_text()))
    if problems:
        project = os.path.dirname(config.config_file_path or ".")
        raise PluginError(error_message(problems, os.path.relpath(URL_LIST, project).replace(os.sep, "/")))


# Helpers


def read_url_list(text: str) -> list[str]:
    """The addresses in the list: one a line; blank lines and # comments are skipped."""
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def error_message(problems: list[str], list_name: str) -> str:
    lines = "\n".join(f"  {problem}" for problem in problems)
    count = "1 address" if len(problems) == 1 else f"{len(problems)} addresses"
    works = "works" if len(problems) == 1 else "work"
    return f"Published URLs: {count} in {list_name} no longer {works}, and readers may have shared them:\n{lines}"


@dataclass(frozen=True)
class BuiltPage:
    redirect: str | None  # where a redirect page sends the reader
    ids: frozenset[str]  # the fragments a browser can scroll to


def broken_urls(site_dir: Path, urls: list[str]) -> list[str]:
    """One problem, with its fix, for each address that no longer opens its page and section."""
    pages: dict[str, BuiltPage | None] = {}
    return [problem for url in urls if (problem := url_problem(site_dir, url, pages))]


def url_problem(site_dir: Path, url: str, pages: dict[str, BuiltPage | None]) -> str | None:
    """What is wrong with one address, if anything; `pages` keeps each page read, by path."""
    if not url.startswith("/"):
        return f"{url}: write it from the site root, starting with /"
    path, _, anchor = url.partition("#")
    chain = [path]
    while True:
        if path not in pages:
            pages[path] = _read_page(site_dir, path)
        page = pages[path]
        if page is None:
            return _missing_page(url, chain)
        target = page.redirect
        if target is None:
            break
        parts = urlsplit(urljoin(HOST + path, target))
        if f"{parts.scheme}://{parts.netloc}" != HOST:
            return f"{url}: redirects to {target}, off the guide; point the redirect at a page of the guide"
        path, anchor = parts.path, anchor or parts.fragment
        if path in chain:  # a site has finitely many pages, so a chain either ends or loops
            return f"{url}: redirects in a loop ({' -> '.join([*chain, path])}); point the redirect at a page"
        chain.append(path)
    if anchor and anchor not in page.ids:
        where = path if len(chain) == 1 else f"it redirects to {path}, which"
        return (
            f"{url}: {where} has no id \"{anchor}\"; put  {{#{anchor}}}  back on the heading"
            " that had it (reword the heading freely, keep the id)"
        )
    return None


def _missing_page(url: str, chain: list[str]) -> str:
    source = markdown_source(chain[-1])
    fix = (
        f"restore the page {source}, or send it to a page that exists"
        f" under redirect_maps in mkdocs.yml:  {source}: <page>.md"
    )
    if len(chain) == 1:
        return f"{url}: no page at this address; {fix}"
    return f"{url}: redirects to {chain[-1]}, where there is no page; {fix}"


def markdown_source(path: str) -> str:
    """The Markdown file MkDocs turns into this address: /methods/chair/ comes from methods/chair.md."""
    stem = path.strip("/").removesuffix(".html").removesuffix("/index")
    return f"{stem or 'index'}.md"


def _read_page(site_dir: Path, path: str) -> BuiltPage | None:
    relative = path.lstrip("/")
    file = site_dir / relative if relative.endswith(".html") else site_dir / relative / "index.html"
    if not file.is_file():
        return None
    root = parse(file.read_text(encoding="utf-8"))
    return BuiltPage(redirect_target(root), element_ids(root))


def redirect_target(page: Node) -> str | None:
    """Where a `<meta http-equiv="refresh" content="0; url=...">` page sends the reader, if it is one."""
    for node in page.iter():
        if node.tag == "meta" and (node.attrs.get("http-equiv") or "").lower() == "refresh":
            target = REFRESH_URL.search(node.attrs.get("content") or "")
            return target.group(1).strip() if target else None
    return None


def element_ids(page: Node) -> frozenset[str]:
    """Every fragment a browser can scroll to: element ids, and the names of <a name> anchors."""
    ids = {node.attrs.get("id") for node in page.iter()}
    names = {node.attrs.get("name") for node in page.iter() if node.tag == "a"}
    return frozenset(value for value in ids | names if value)
