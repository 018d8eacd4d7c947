"""What each page costs as the site grows: its policy, its CSS, and the bytes a reader downloads. Prints figures; asserts nothing.

    python -m bench.site_scale [--sizes 100,1000]

For each size, a copy of the project gets that many method pages (copies of the chair page,
with its drawings) and is built as it ships (backguide.ship.build_site: MkDocs, the
optimiser, check-site). The copies are left out of the nav (`not_in_nav`): Material writes
every nav link on every page, so with them in it each page would grow with the site whatever
its CSS and policy, and the build would take hours. Per page, over every themed page:

- policy bytes: the Content-Security-Policy a page carries, which governs its tab for as long
  as instant navigation keeps it (it must not grow with the number of pages);
- CSS bytes: the CSS a page needs to paint (inline, and the stylesheets it links);
- first view: gzipped bytes of the page, its stylesheets and the scripts it starts, on a first
  visit with nothing cached;
- repeat view: gzipped bytes of another page later in the same visit, when the files whose
  names have not changed come from the browser's cache;
- precache: what the service worker saves on a first visit so the whole guide works offline
  (backguide/offline/precache.py): every page and short link, the scripts and styles, and
  Pagefind's engine and index; its size on the device, gzipped as a compressing server sends
  it, and the list of files and hashes the worker reads.
"""

from __future__ import annotations

import argparse
import gzip
import logging
import os
import statistics
import tempfile
import time
from pathlib import Path

from backguide import html
from backguide.csp import policy_tags
from backguide.first_paint import ATTRIBUTE
from backguide.optimise import sheet_path, stylesheet_links
from backguide.published_urls import current_urls
from backguide.ship import build_site
from mkdocs.exceptions import Abort
from support.project import copy_project

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def generated_project(dest: Path, method_pages: int) -> Path:
    """A copy of the project with `method_pages` method pages: the five real ones and copies of the chair page."""
    copy_project(dest)
    methods = dest / "docs" / "methods"
    chair, poses = (methods / "chair.md").read_text(), (methods / "chair.poses.yml").read_text()
    names = [f"generated-{number:04d}" for number in range(1, method_pages - 4)]
    for number, name in enumerate(names, start=6):
        (methods / f"{name}.md").write_text(chair.replace("method: 1", f"method: {number}"))
        (methods / f"{name}.poses.yml").write_text(poses)
    config = dest / "mkdocs.yml"
    text = config.read_text()
    if "\nnot_in_nav: |\n" in text:  # the project keeps pages out of the nav already (the offline page)
        config.write_text(text.replace("\nnot_in_nav: |\n", "\nnot_in_nav: |\n  /methods/generated-*.md\n", 1))
    else:
        config.write_text(text + "\nnot_in_nav: |\n  /methods/generated-*.md\n")
    # Published, as an author publishes a page: its addresses listed, so the build keeps them working.
    urls = dest / "docs" / "published_urls.txt"
    generated = current_urls([(f"methods/{name}.md", chair) for name in names], [])
    urls.write_text(urls.read_text() + "\n".join(generated) + "\n")
    return config


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))  # nginx's gzip_comp_level is 1..9; 6 is zlib's default


def page_files(site: Path, name: str, page_html: str) -> list[str]:
    """The files a page needs besides itself: its stylesheets and the scripts its loader starts, below the site root."""
    found = [path for _, href in stylesheet_links(page_html) if (path := sheet_path(site, name, href))]
    for loader in html.parse(page_html).css(f"script[{ATTRIBUTE}]"):
        found += [path for href in loader.attributes[ATTRIBUTE].split() if (path := sheet_path(site, name, href))]
    return found


def measure(site: Path) -> dict[str, float]:
    policies, css, first, repeat = [], [], [], []
    cache: set[str] = set()
    for file in sorted(site.rglob("*.html")):
        text = file.read_text(encoding="utf-8")
        root = html.parse(text)
        if not root.css("header"):
            continue  # a short link's redirect page
        name = file.relative_to(site).as_posix()
        files = page_files(site, name, text)
        policies.append(len(policy_tags(root)[0].attributes["content"].encode()))
        css.append(sum(len((node.text() or "").encode()) for node in root.css("style"))
                   + sum((site / path).stat().st_size for path in files if path.endswith(".css")))
        own = gzipped(text.encode())
        first.append(own + sum(gzipped((site / path).read_bytes()) for path in files))
        repeat.append(own + sum(gzipped((site / path).read_bytes()) for path in files if path not in cache))
        cache.update(files)
    return {
        "pages": len(policies),
        "policy": statistics.mean(policies),
        "policy_max": max(policies),
        "css": statistics.mean(css),
        "first": statistics.mean(first),
        "repeat": statistics.mean(repeat[1:]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5,100,1000")  # 5: today's guide
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    print("Per page, as the site grows (built as it ships; averages over every themed page; gzip level 6)")
    print(f"{'method pages':>12} {'pages':>6} {'policy B/page':>14} {'(largest)':>10} {'CSS KB/page':>12}"
          f" {'first view KB':>14} {'repeat view KB':>15} {'precache KB':>12} {'(gzipped)':>10} {'(list KB)':>10} {'build':>7}")
    for size in (int(part) for part in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            config = generated_project(Path(tmp) / "project", size)
            start = time.monotonic()
            try:
                # The rendered gate's own cost is bench/rendered_cost.py's; here only bytes are measured.
                shipped = build_site(Path(tmp) / "site", config_file=config, rendered=False)
            except Abort as stopped:  # say why, rather than end with no figures and no reason
                raise SystemExit(f"site_scale: the {size}-page build stopped: {stopped.__context__ or stopped}") from None
            seconds = time.monotonic() - start
            figures = measure(Path(tmp) / "site")
            offline = shipped.offline
        print(f"{size:>12} {figures['pages']:>6} {figures['policy']:>14.0f} {figures['policy_max']:>10}"
              f" {figures['css'] / 1024:>12.1f} {figures['first'] / 1024:>14.1f} {figures['repeat'] / 1024:>15.1f}"
              f" {offline.precache_bytes / 1024:>12.0f} {offline.precache_gzipped / 1024:>10.0f} {offline.list_bytes / 1024:>10.0f}"
              f" {seconds:>6.0f}s")
    print("The policy allows styles from the site's own files ('self') and hashes only the page's own")
    print("inline scripts, so it stays the same size; the one stylesheet, named by its content, is")
    print("downloaded once a visit, and a repeat view is the page alone. The precache grows with the")
    print("pages and their search fragments (aim: under 1.5 MB for today's guide); on a second visit")
    print("the worker answers every page from it, with no request.")


if __name__ == "__main__":
    main()
