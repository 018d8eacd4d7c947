"""Run the safety rules over a built site, with no MkDocs in the loop.

    python hooks/check_site.py [SITE_DIR] [--docs DOCS_DIR]

The build hook (safety.py) stops MkDocs from writing a bad site; this check holds
the same guarantee for a site built any other way, for example by an engine that
ignores `hooks:`. It reads each method page's front matter from the Markdown and its
content from the built HTML, and exits 1 with every problem it finds.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

import yaml
from rules import Problem, check_method_page, is_method_page
from site_paths import built_page

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.DOTALL)
# Material's content area; anything else on the page (header, nav, footer) is theme.
ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*?)</article>', re.DOTALL)


def front_matter(markdown: str) -> dict[str, Any]:
    """The page's YAML front matter; broken YAML reads as none, as MkDocs reads it."""
    match = FRONT_MATTER.match(markdown)
    try:
        meta = yaml.safe_load(match.group(1)) if match else {}
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


def page_content(page_html: str) -> str:
    match = ARTICLE.search(page_html)
    return match.group(1) if match else page_html


def check_site(site_dir: Path, docs_dir: Path) -> tuple[int, list[Problem]]:
    """How many method pages were checked, and every problem found on them."""
    checked, problems = 0, []
    for markdown in sorted(docs_dir.rglob("*.md")):
        src_uri = markdown.relative_to(docs_dir).as_posix()
        meta = front_matter(markdown.read_text(encoding="utf-8"))
        if not is_method_page(src_uri, meta):
            continue
        checked += 1
        path = f"{docs_dir.name}/{src_uri}"
        html_file = built_page(site_dir, src_uri)
        if not html_file.is_file():
            problems.append(Problem(path, f"is a method page, but {html_file} is missing; build the site first"))
            continue
        problems.extend(check_method_page(path, page_content(html_file.read_text(encoding="utf-8")), meta))
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
        print(f"check_site: {len(problems)} problem(s) on the method pages of {args.site_dir}", file=sys.stderr)
        return 1
    if checked == 0:
        print(f"check_site: no method pages found in {args.docs_dir}", file=sys.stderr)
        return 1
    print(f"check_site: {checked} method pages of {args.site_dir} have their safety warnings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
