"""Site search: Pagefind indexes the built pages, and its own UI searches them in the reader's browser.

Only the pages written in docs/ are indexed, and only their article: redirect pages and
the 404 page are not answers to anything, and the header, navigation and footer are the
same on every page. Pagefind ranks and stores; nothing here scores a page by hand.
"""

from __future__ import annotations

import asyncio
import gzip
import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Awaitable, Callable, Iterable

from pagefind.index import IndexConfig, PagefindIndex
from pagefind.service import PagefindService

from backguide import html
from backguide.site import SourcePage, built_page

# Where the index and Pagefind's UI files go, inside the site. docs/javascripts/search.js
# loads them from here.
OUTPUT_FOLDER = "pagefind"
CONFIG: IndexConfig = {
    "root_selector": "article",  # Material's content area: the page without header, nav and footer
    # Not words a reader searches for: the "¶" heading links. The share buttons and the
    # drawings carry data-pagefind-ignore themselves.
    "exclude_selectors": [".headerlink"],
    "force_language": "en",  # one index, whatever the page's lang says
}


# The sections that pull the same texts from includes/ into every method page (CONTENT.md's
# "Method pages"): the safety warnings and the tips. Repeated on six pages, they tell one
# page from another by nothing, and the rules and help pages, where they are the subject,
# should answer a question about them. So their words count for less, not for nothing.
SHARED_SECTIONS = frozenset({"before-you-start", "good-to-know"})
SHARED_SECTION_WEIGHT = "0.5"  # Pagefind's body text weighs 1, an h2 heading 6


def for_index(page_html: str) -> str:
    """The page as Pagefind should see it; the built page itself is not changed.

    - Its title (h1) loses its id: Pagefind would list "#the-title" as a section under the
      page's own result, a second link to the same place.
    - The blocks of SHARED_SECTIONS weigh SHARED_SECTION_WEIGHT (data-pagefind-weight).
    """
    root = html.parse(page_html)
    content = html.article(root)
    title = content.css_first("h1")
    if title is not None and "id" in title.attrs:
        del title.attrs["id"]
    section = None
    for block in content.iter(include_text=False):
        if block.tag == "h2":
            section = block.attributes.get("id")
        elif section in SHARED_SECTIONS:
            block.attrs["data-pagefind-weight"] = SHARED_SECTION_WEIGHT
    return root.html or ""


@dataclass(frozen=True)
class Page:
    url: str  # the address a result links to, e.g. /methods/chair/
    html: str


async def _index(add: Callable[[PagefindIndex], Awaitable[int]], output: Path) -> int:
    """Launch Pagefind, let `add` put pages into a new index, and write it to `output`."""
    service = await PagefindService().launch()
    try:
        index = await service.create_index(CONFIG)
        count = await add(index)
        await index.write_files(str(output))
    finally:
        await _let_writes_finish(service)
    return count


def _adding_pages(pages: Iterable[Page]) -> Callable[[PagefindIndex], Awaitable[int]]:
    async def add(index: PagefindIndex) -> int:
        # All at once: the wrapper answers each request on a 0.1 s poll, so one at a time
        # would take 0.1 s a page. Pagefind orders its output by content, not arrival.
        listed = list(pages)
        await asyncio.gather(*(index.add_html_file(content=page.html, url=page.url) for page in listed))
        return len(listed)

    return add


def _adding_folder(folder: Path) -> Callable[[PagefindIndex], Awaitable[int]]:
    async def add(index: PagefindIndex) -> int:
        return (await index.add_directory(str(folder)))["page_count"]

    return add


async def _let_writes_finish(service: PagefindService) -> None:
    """Stop Pagefind's process the way that lets it finish writing.

    Pagefind 1.5.2 answers "files written" while its last writes are still under way, and
    its Python wrapper then kills the process, which on a busy machine cut
    pagefind-component-ui.js short. Closing its input instead lets it end by itself,
    once every file is whole. The wrapper has no public call for this, hence its private
    `_backend` and `_poll_task`.
    """
    backend = service._backend
    if backend is not None and backend.stdin is not None:
        backend.stdin.close()
        await backend.wait()
    if service._poll_task is not None:
        service._poll_task.cancel()


def _run(add: Callable[[PagefindIndex], Awaitable[int]], site_dir: Path) -> int:
    # In a thread of its own: the caller may already run an event loop (Playwright's, in the
    # browser tests that build the site), and asyncio.run refuses to nest in one.
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, _index(add, site_dir / OUTPUT_FOLDER)).result()


def index_pages(pages: Iterable[Page], site_dir: Path) -> int:
    """Write the search index and Pagefind's UI into SITE/pagefind/; returns how many pages it holds."""
    return _run(_adding_pages(pages), site_dir)


def index_folder(site_dir: Path) -> int:
    """Index every HTML file under site_dir in one request, as `pagefind --site` does.

    For many pages on disk (bench/search_scale.py): one request instead of one a page. The
    site's build uses index_pages, which leaves out the redirect pages and the 404 page.
    """
    return _run(_adding_folder(site_dir), site_dir)


def index_site(site_dir: Path, pages: Iterable[SourcePage]) -> int:
    """Index the built pages of these source pages, in address order, so two builds write the same files."""
    ordered = sorted(pages, key=lambda page: page.url)
    return index_pages((Page(page.url, for_index(built_page(site_dir, page.src_uri).read_text(encoding="utf-8"))) for page in ordered), site_dir)


# Pagefind writes each page's record (its address, text, title and headings) as a
# "fragment": gzip of this signature followed by JSON. Read back only to check the index;
# Pagefind has no Python call that lists what it indexed.
FRAGMENT_SIGNATURE = b"pagefind_dcd"


def indexed_pages(site_dir: Path) -> list[dict]:
    """The record of every page in SITE/pagefind/, in address order."""
    records = []
    for fragment in (site_dir / OUTPUT_FOLDER / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        if not data.startswith(FRAGMENT_SIGNATURE):
            raise ValueError(f"{fragment}: not a Pagefind fragment")
        records.append(json.loads(data[len(FRAGMENT_SIGNATURE):]))
    return sorted(records, key=lambda record: record["url"])
