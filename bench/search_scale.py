"""What search costs at scale. Prints figures; asserts nothing.

    python bench/search_scale.py [--sizes 100,1000,10000] [--query "twist"]

For generated sites of N method-like pages: Pagefind's indexing time (backguide/search.py,
as the build runs it); the bytes a reader downloads for one query, measured by running the
query through the header search in Chromium and summing every /pagefind/ response; and
beside them, the size Material's lunr search_index.json would have for the same pages,
which every page downloaded before this site moved to Pagefind.

The pages are minimal HTML written directly, not built by MkDocs: a 10,000-page MkDocs
build takes far too long for a bench. Material's index is computed with Material's own
search plugin code (SearchIndex) over the same pages.
"""

from __future__ import annotations

import argparse
import functools
import json
import shutil
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace

from material.plugins.search.plugin import SearchIndex
from mkdocs.structure.toc import AnchorLink

from backguide.search import Page, index_pages
from backguide.site import ROOT

WORDS = ("twist knee chair floor roller shoulder spine stretch gentle breathe slowly lean "
         "arch hold release upper middle lower back side seated standing lying pose").split()
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def page_text(number: int) -> tuple[str, list[tuple[str, str, str]]]:
    """A title and three sections of varied words, the same for the same number."""
    pick = lambda offset, count: " ".join(WORDS[(number * 7 + offset + i * 3) % len(WORDS)] for i in range(count))
    title = f"Method {number}: {pick(0, 3)}"
    sections = [(f"step-{s}", f"Step {s}: {pick(s, 2)}", f"{pick(s * 5, 40)}.") for s in range(1, 4)]
    return title, sections


def page_html(title: str, sections: list[tuple[str, str, str]]) -> str:
    body = "".join(f'<h2 id="{id_}">{heading}</h2><p>{text}</p>' for id_, heading, text in sections)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>'
            f'<body><article class="md-content__inner md-typeset"><h1>{title}</h1>{body}</article></body></html>')


def generate(count: int) -> list[tuple[str, str, list[tuple[str, str, str]]]]:
    return [(f"/m/{n}/", *page_text(n)) for n in range(count)]


def material_index_bytes(pages) -> int:
    """Material's search_index.json for these pages, written by Material's own SearchIndex."""
    index = SearchIndex(lang=["en"], separator=r"[\s\-]+", pipeline=["stemmer", "stopWordFilter"], fields={})
    for url, title, sections in pages:
        toc = [AnchorLink(title, "", 1)]
        toc[0].children = [AnchorLink(heading, id_, 2) for id_, heading, _ in sections]
        body = "".join(f'<h2 id="{id_}">{heading}</h2><p>{text}</p>' for id_, heading, text in sections)
        page = SimpleNamespace(url=url.lstrip("/"), title=title, meta={}, toc=toc, content=f"<h1>{title}</h1>{body}")
        index.add_entry_from_context(page)
    return len(index.generate_search_index(None).encode())


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def query_bytes(site: Path, query: str) -> int:
    """Bytes of every /pagefind/ response while a reader opens search and runs one query."""
    from playwright.sync_api import sync_playwright

    shutil.copy(ROOT / "bench" / "search_page.html", site / "index.html")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    total = [0]
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
            page = browser.new_page()

            def count(response) -> None:
                if "/pagefind/" in response.url:
                    total[0] += len(response.body())

            page.on("response", count)
            page.goto(f"http://127.0.0.1:{server.server_port}/")
            page.evaluate("query => window.searchFor(query)", query)
            page.wait_for_load_state("networkidle")
            browser.close()
    finally:
        server.shutdown()
    return total[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--query", default="seated twist")
    args = parser.parse_args()
    print("Search at scale: generated pages (minimal HTML written directly, not built by MkDocs)")
    print(f"query: {args.query!r}; bytes as served, uncompressed")
    print(f"{'pages':>7} {'index time':>11} {'one query downloads':>20} {'Material search_index.json':>27}")
    for size in (int(part) for part in args.sizes.split(",")):
        pages = generate(size)
        with tempfile.TemporaryDirectory() as tmp:
            site = Path(tmp)
            start = time.perf_counter()
            index_pages((Page(url, page_html(title, sections)) for url, title, sections in pages), site)
            seconds = time.perf_counter() - start
            downloaded = query_bytes(site, args.query)
        print(f"{size:>7} {seconds:>9.2f} s {downloaded / 1024:>17.0f} KB {material_index_bytes(pages) / 1024:>24.0f} KB")


if __name__ == "__main__":
    main()
