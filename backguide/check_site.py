"""`check-site`: run the safety rules over a built site, with no MkDocs in the loop.

    check-site [SITE_DIR] [--docs DOCS_DIR]

The gate hook stops MkDocs from writing a bad site; this command holds the same guarantee
for a site built any other way, for example by an engine that ignores `hooks:`. It reads
each method page's front matter from the Markdown and its content from the built HTML, and
exits 1 with every problem it finds.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from backguide import html
from backguide.follow_along import check_follow_along
from backguide.rules import Problem, check_method_page
from backguide.site import built_page, source_pages


def page_content(page_html: str) -> str:
    """The article of a built page: what the gate judged when MkDocs rendered it."""
    return html.inner_html(html.article(html.parse(page_html)))


def check_site(site_dir: Path, docs_dir: Path) -> tuple[int, list[Problem]]:
    """How many method pages were checked, and every problem found on them."""
    checked, problems = 0, []
    for page in source_pages(docs_dir):
        if not page.is_method:
            continue
        checked += 1
        path = f"{docs_dir.name}/{page.src_uri}"
        html_file = built_page(site_dir, page.src_uri)
        if not html_file.is_file():
            problems.append(Problem(path, f"is a method page, but {html_file} is missing; build the site first"))
            continue
        content = page_content(html_file.read_text(encoding="utf-8"))
        problems.extend(check_method_page(path, content, page.meta) + check_follow_along(path, content, page.meta, page.url))
    return checked, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check every method page of a built site for its safety warnings.")
    parser.add_argument("site_dir", nargs="?", default="site", type=Path)
    parser.add_argument("--docs", default="docs", type=Path, dest="docs_dir")
    args = parser.parse_args(argv)
    checked, problems = check_site(args.site_dir, args.docs_dir)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"check-site: {len(problems)} problem(s) on the method pages of {args.site_dir}", file=sys.stderr)
        return 1
    if checked == 0:
        print(f"check-site: no method pages found in {args.docs_dir}", file=sys.stderr)
        return 1
    print(f"check-site: {checked} method pages of {args.site_dir} have their safety warnings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
