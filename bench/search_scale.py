"""What search costs at scale. Prints figures; asserts nothing.

    python -m bench.search_scale [--sizes 100,1000,10000] [--query "seated twist"]

For generated sites of N method-like pages: Pagefind's indexing time, with the same
settings as the build (backguide/search.py), of pages written to disk and indexed by the
`pagefind` command over their folder; the bytes a reader downloads for one query, counted by
the test server for every file it sends while Chromium, with its cache off, loads
Pagefind, runs the query and loads the data of the first results; and beside them, the size
Material's lunr search_index.json would have for the same pages, which every page
downloaded before this site moved to Pagefind.

The pages are plain HTML written directly, not built by MkDocs: a 10,000-page MkDocs
build takes far too long for a bench. Material's index is computed with Material's own
search plugin code (SearchIndex) over the same text.
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace

from material.plugins.search.plugin import SearchIndex
from mkdocs.structure.toc import AnchorLink

from backguide.chromium import CHROMIUM_ARGS, find_chromium
from backguide.search import index_folder
from backguide.site import ROOT, built_file

WORDS = ("twist knee chair floor roller shoulder spine stretch gentle breathe slowly lean "
         "arch hold release upper middle lower back side seated standing lying pose").split()
# What the site's dialog loads on top of Pagefind's search (docs/javascripts/search.js).
UI_FILES = ("pagefind-component-ui.js", "pagefind-component-ui.css")


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


class CountingHandler(SimpleHTTPRequestHandler):
    """Serves the generated site and counts the bytes of every file it sends."""

    sent: list[tuple[str, int]]

    def log_message(self, *args) -> None:
        pass

    def copyfile(self, source, outputfile) -> None:
        size = os.fstat(source.fileno()).st_size
        type(self).sent.append((self.path, size))
        super().copyfile(source, outputfile)


def query_bytes(site: Path, query: str) -> tuple[int, int]:
    """Bytes the server sends for one query (Pagefind's files only, and all files), cache off."""
    from playwright.sync_api import sync_playwright

    shutil.copy(ROOT / "bench" / "search_page.html", site / "index.html")
    handler = type("Handler", (CountingHandler,), {"sent": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.route("**/*", lambda route: route.continue_())  # routing turns the HTTP cache off
            page.goto(f"http://127.0.0.1:{server.server_port}/")
            page.wait_for_load_state("networkidle")
            before = len(handler.sent)  # the bench's own page
            found = page.evaluate("query => window.searchFor(query)", query)
            page.wait_for_load_state("networkidle")
            browser.close()
    finally:
        server.shutdown()
    if not found:
        raise SystemExit(f"the query {query!r} found nothing; pick one the generated pages contain")
    sent = handler.sent[before:]
    return sum(size for path, size in sent if path.startswith("/pagefind/")), sum(size for _, size in sent)


def write_site(pages, site: Path) -> None:
    for url, title, sections in pages:
        file = built_file(site, url)
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(page_html(title, sections), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--query", default="seated twist")
    args = parser.parse_args()
    print("Search at scale. Generated pages: plain HTML written directly, not built by MkDocs")
    print("(a 10,000-page MkDocs build is too slow for a bench); Material's search_index.json is")
    print("computed by Material's own SearchIndex over the same text, and every page downloaded it.")
    print(f"One query: {args.query!r}, run with Pagefind's JS API in Chromium, HTTP cache off, until the")
    print("first five results' data has loaded. Bytes as the test server sends them (Pagefind's index")
    print("files are gzipped already; its scripts are not, and a host's gzip would shrink them).")
    print(f"{'pages':>7} {'index time':>11} {'one query downloads':>20} {'Material search_index.json':>27}")
    for size in (int(part) for part in args.sizes.split(",")):
        pages = generate(size)
        with tempfile.TemporaryDirectory() as tmp:
            site = Path(tmp)
            write_site(pages, site)
            start = time.perf_counter()
            indexed = index_folder(site)
            seconds = time.perf_counter() - start
            assert indexed == size, f"Pagefind indexed {indexed} of {size} pages"
            pagefind_bytes, _ = query_bytes(site, args.query)
            ui_bytes = sum((site / "pagefind" / name).stat().st_size for name in UI_FILES)
        print(f"{size:>7} {seconds:>9.2f} s {pagefind_bytes / 1024:>17.0f} KB {material_index_bytes(pages) / 1024:>24.0f} KB")
    print(f"The site's header search also loads Pagefind's Component UI, once: {ui_bytes / 1024:.0f} KB ({', '.join(UI_FILES)}).")


if __name__ == "__main__":
    main()
