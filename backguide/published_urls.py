"""Keep every published address working: a page or section readers may have shared must still open.

The addresses are listed in `docs/published_urls.txt` (kept out of the built site by
`exclude_docs`), where authors add a page's addresses as they publish it. The check reads only the
built site folder, after mkdocs-redirects has written its pages, so it follows redirects the
way a browser does.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from backguide import html
from backguide.site import built_file, markdown_headings, page_url, source_of

URL_LIST_NAME = "published_urls.txt"  # in docs/
# Relative redirects are resolved against this stand-in host; any other host is off the site.
HOST = "http://published.invalid"


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
            pages[path] = read_built_page(site_dir, path)
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
    source = source_of(chain[-1])
    fix = (
        f"restore the page {source}, or send it to a page that exists"
        f" under redirect_maps in mkdocs.yml:  {source}: <page>.md"
    )
    if len(chain) == 1:
        return f"{url}: no page at this address; {fix}"
    return f"{url}: redirects to {chain[-1]}, where there is no page; {fix}"


def read_built_page(site_dir: Path, path: str) -> BuiltPage | None:
    file = built_file(site_dir, path)
    if not file.is_file():
        return None
    root = html.parse(file.read_text(encoding="utf-8"))
    return BuiltPage(html.refresh_target(root), html.ids(root))


# Addresses a build publishes -----------------------------------------------------------------------


def current_urls(pages: list[tuple[str, str]], short_links: list[str]) -> list[str]:
    """Every address the site publishes: each page, each heading id it gives, and each short link.

    `pages` are (src_uri, Markdown); `short_links` are the src_uris under redirect_maps.
    """
    urls: dict[str, None] = {}
    for src_uri, markdown in pages:
        url = page_url(src_uri)
        urls[url] = None
        for heading in markdown_headings(markdown):
            if heading.level > 1 and heading.id:
                urls[f"{url}#{heading.id}"] = None
    for source in short_links:
        urls[page_url(source)] = None
    return list(urls)


def unlisted_urls(current: list[str], listed: list[str], list_name: str) -> list[str]:
    """An address the site publishes that the list lacks: from now on it must keep working, so it is listed."""
    known = set(listed)
    return [
        f"{url} is an address readers may now share, but {list_name} does not list it; add the line  {url}"
        "  (and never remove a line)"
        for url in current
        if url not in known
    ]


def short_link_problems(short_links: dict[str, str], pages: list[str]) -> list[str]:
    """Each short link under redirect_maps sends readers to a page of docs/."""
    problems = []
    for source, target in short_links.items():
        if target not in pages:
            close = difflib.get_close_matches(target, pages, n=1)
            fix = f"did you mean {close[0]}?" if close else "write the page's path below docs/"
            problems.append(
                f"the short link '{source}' under redirect_maps sends readers to '{target}', which is no page of docs/; {fix}"
            )
    return problems
