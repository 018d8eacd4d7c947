"""Site search: Pagefind indexes the built pages, and its own UI searches them in the reader's browser.

Only the pages written in docs/ are indexed, and only their article: redirect pages and
the 404 page are not answers to anything, and the header, navigation and footer are the
same on every page. Pagefind ranks and stores; nothing here scores a page by hand.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Iterable

from backguide import html
from backguide.site import SourcePage, built_page

# Where the index and Pagefind's UI files go, inside the site. docs/javascripts/search.js
# loads them from here.
OUTPUT_FOLDER = "pagefind"
LANGUAGE = "en"  # one index, whatever the page's lang says
# Pagefind's command-line options (https://pagefind.app/docs/config-options/).
OPTIONS = (
    "--root-selector", "article",  # Material's content area: the page without header, nav and footer
    # Not words a reader searches for: the "¶" heading links. The share buttons and the
    # drawings carry data-pagefind-ignore themselves.
    "--exclude-selectors", ".headerlink",
    "--force-language", LANGUAGE,
    "--silent",  # errors only; they come back in the exception
)


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


def run_pagefind(pages_dir: Path, output: Path) -> None:
    """Index every HTML file under pages_dir into output, with the `pagefind` executable of the pagefind[bin] wheel.

    The command exits only once every file is written, so nothing here waits on Pagefind's
    process by other means.
    """
    command = [sys.executable, "-m", "pagefind", "--site", str(pages_dir), "--output-path", str(output), *OPTIONS]
    try:
        subprocess.run(command, check=True, capture_output=True, text=True)
    except subprocess.CalledProcessError as failed:
        raise RuntimeError(f"Pagefind failed ({failed.returncode}): {(failed.stderr or failed.stdout).strip()}") from None


def page_count(site_dir: Path) -> int:
    """How many pages the index in SITE/pagefind/ holds, from Pagefind's entry file."""
    entry = json.loads((site_dir / OUTPUT_FOLDER / "pagefind-entry.json").read_text(encoding="utf-8"))
    return entry["languages"][LANGUAGE]["page_count"]


def index_folder(site_dir: Path) -> int:
    """Index every HTML file under site_dir into SITE/pagefind/, as `pagefind --site` does; returns the page count.

    For many pages on disk (bench/search_scale.py). The site's build uses index_site,
    which leaves out the redirect pages and the 404 page.
    """
    run_pagefind(site_dir, site_dir / OUTPUT_FOLDER)
    return page_count(site_dir)


def searchable(pages: Iterable[SourcePage]) -> list[SourcePage]:
    """The pages search answers with: all but those whose front matter says `search: {exclude: true}`
    (Material's key), such as the offline page, which answers no question a reader types."""
    return [page for page in pages if not (isinstance(page.meta.get("search"), dict) and page.meta["search"].get("exclude"))]


def index_site(site_dir: Path, pages: Iterable[SourcePage]) -> int:
    """Index the built pages of these source pages into SITE/pagefind/; returns the page count.

    Pagefind reads copies of them prepared by for_index, in a folder of their own laid out
    as the site is (so each keeps its address), and never the site's own pages, which stay
    as readers get them.
    """
    with tempfile.TemporaryDirectory(prefix="pagefind-pages-") as prepared:
        for page in searchable(pages):
            built = built_page(site_dir, page.src_uri)
            copy = built_page(Path(prepared), page.src_uri)
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(for_index(built.read_text(encoding="utf-8")), encoding="utf-8")
        run_pagefind(Path(prepared), site_dir / OUTPUT_FOLDER)
    return page_count(site_dir)


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
