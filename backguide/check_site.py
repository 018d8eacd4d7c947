"""`check-site`: run the safety gate's rules over a built site, with no MkDocs in the loop.

    check-site [SITE_DIR] [--project DIR]

The gate hook stops MkDocs from writing a bad site; this command holds the same guarantee
for a site built any other way, for example by an engine that ignores `hooks:`. It reads
each page's front matter from docs/, the includes and CONTENT.md from the project, and each
page's content from the built HTML, and runs `backguide.gate.check_page` on it. A built
page that no Markdown page of docs/ explains (a raw HTML file copied from docs/) is refused
too: nothing judged it. It exits 1 with every problem it finds.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from backguide import html
from backguide.built_page import check_built_page
from backguide.gate import check_page, read_checks
from backguide.printed_text import config_problems
from backguide.rules import Problem
from backguide.site import ROOT, built_page, read_config, short_links, source_pages, url_of_file

# Files a build writes that are not pages from docs/: the theme's 404 page, and the short-link
# redirect pages of mkdocs-redirects. No Markdown explains them, so they are judged as written
# (backguide.built_page): their words, their markup, their chrome.
THEME_PAGES = {"404.html": "overrides/404.html"}


def page_content(page_html: str) -> str:
    """The article of a built page without the template's method header: what the gate judged when MkDocs rendered it."""
    article = html.article(html.parse(page_html))
    header = article.css_first("header.method-header")
    if header is not None and _is_first(article, header):
        header.decompose()
    return html.inner_html(article)


def _is_first(parent: html.Node, node: html.Node) -> bool:
    first = next((child for child in parent.iter(include_text=False) if child.is_element_node), None)
    return first is not None and first.mem_id == node.mem_id


def check_site(site_dir: Path, project: Path = ROOT) -> tuple[int, list[Problem]]:
    """How many pages were checked, and every problem found in them, their includes and CONTENT.md."""
    docs_dir = project / "docs"
    checks, problems = read_checks(project, [project / "includes"])
    pages = source_pages(docs_dir)
    built = {built_page(site_dir, page.src_uri).resolve() for page in pages}
    for page in pages:
        path = f"docs/{page.src_uri}"
        html_file = built_page(site_dir, page.src_uri)
        if not html_file.is_file():
            problems.append(Problem(path, f"is a page of docs/, but {html_file} is missing; build the site first"))
            continue
        written = html_file.read_text(encoding="utf-8")
        found = check_page(page, path, page_content(written), checks)
        problems += found
        whole = check_built_page(written, page.meta, is_method=page.is_method, has_source=True)
        problems += [Problem(path, message) for message in whole if not _said(message, found)]
    config = read_config(project)
    if config is not None:
        overrides = project / "overrides"
        problems += [Problem(where, message) for where, message in config_problems(config, overrides, short_links=short_links(config))]
    for html_file in sorted(site_dir.rglob("*.html")):
        relative = html_file.relative_to(site_dir).as_posix()
        if html_file.resolve() in built:
            continue
        if relative in THEME_PAGES or _is_redirect(html_file):
            where = THEME_PAGES.get(relative, f"{site_dir.name}/{relative}")
            messages = check_built_page(html_file.read_text(encoding="utf-8"), None, is_method=False, has_source=False)
            problems += [Problem(where, message) for message in messages]
            continue
        problems.append(
            Problem(
                f"{site_dir.name}/{relative}",
                f"is published at {url_of_file(relative)} but comes from no Markdown page of docs/, so no safety"
                " rule judged it; write it as a Markdown page in docs/ and delete the HTML file",
            )
        )
    return len(pages), problems


def _said(message: str, found: list[Problem]) -> bool:
    """A block the content check reported already (the built page shows it again under the header)."""
    if any(problem.message == message for problem in found):
        return True
    block = message.split(" comes before the safety warnings", 1)[0]
    return block != message and any(problem.message.startswith(block + " comes before") for problem in found)


def _is_redirect(page: Path) -> bool:
    """A short link's page: it forwards at once and shows next to nothing (no steps, a line of text)."""
    root = html.parse(page.read_text(encoding="utf-8"))
    return html.refresh_target(root) is not None and not root.css("ol") and len(html.text(html.body(root)).split()) < 40


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check every page of a built site against the safety rules.")
    parser.add_argument("site_dir", nargs="?", default="site", type=Path)
    parser.add_argument("--project", default=Path("."), type=Path, help="the folder with docs/, includes/ and CONTENT.md")
    args = parser.parse_args(argv)
    checked, problems = check_site(args.site_dir, args.project)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"check-site: {len(problems)} problem(s) in {args.site_dir}", file=sys.stderr)
        return 1
    if checked == 0:
        print(f"check-site: no pages found in {args.project / 'docs'}", file=sys.stderr)
        return 1
    print(f"check-site: {checked} pages of {args.site_dir} pass the safety rules")
    return 0


if __name__ == "__main__":
    sys.exit(main())
