"""The site model: where each page comes from, where it is published, and what it says about itself.

Every other module asks here for a page's address, built file, project path, title and
front matter, so each of these is worked out in one place.
"""

from __future__ import annotations

import difflib
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping

from mkdocs.utils.meta import get_data

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File

# The project root: the folder with mkdocs.yml, docs/ and this package.
ROOT = Path(__file__).resolve().parent.parent
METHODS_DIR = "methods/"


@dataclass(frozen=True)
class SourcePage:
    src_uri: str  # the page's path below docs/, e.g. methods/chair.md
    meta: Mapping[str, Any] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return page_url(self.src_uri)

    @property
    def is_method(self) -> bool:
        return is_method_page(self.src_uri, self.meta)

    @property
    def title(self) -> str:
        return str(self.meta.get("title") or self.src_uri)


def is_method_page(src_uri: str, meta: Mapping[str, Any]) -> bool:
    """Every page under methods/ but its index, and any page whose front matter says `method:`."""
    in_methods_dir = src_uri.startswith(METHODS_DIR) and src_uri != METHODS_DIR + "index.md"
    return in_methods_dir or meta.get("method") is not None


# Addresses ----------------------------------------------------------------------------------


def page_url(src_uri: str) -> str:
    """methods/chair.md -> /methods/chair/, methods/index.md -> /methods/, index.md -> /."""
    stem = src_uri.removesuffix(".md")
    stem = "" if stem == "index" else stem.removesuffix("/index")
    return f"/{stem}/" if stem else "/"


def built_file(site_dir: Path, url: str) -> Path:
    """The file a static host serves for an address below the site root.

    /methods/chair/ -> SITE/methods/chair/index.html; /404.html and /assets/x.css are files
    as they are named; a folder named without its last slash (/methods/chair) is served as
    its index.html too, as static hosts redirect it.
    """
    relative = url.split("#", 1)[0].split("?", 1)[0].lstrip("/")
    candidate = site_dir / relative
    if not relative or relative.endswith("/") or candidate.is_dir():
        return candidate / "index.html"
    return candidate


def built_page(site_dir: Path, src_uri: str) -> Path:
    """methods/chair.md -> SITE/methods/chair/index.html."""
    return built_file(site_dir, page_url(src_uri))


def source_of(url: str) -> str:
    """The Markdown file MkDocs turns into an address: /methods/chair/ comes from methods/chair.md."""
    stem = url.split("#", 1)[0].strip("/").removesuffix(".html").removesuffix("/index")
    return f"{stem or 'index'}.md"


def url_of_file(relative_file: str) -> str:
    """The address a static host serves a built file at: a folder's index.html is the folder."""
    if relative_file == "index.html":
        return "/"
    if relative_file.endswith("/index.html"):
        return "/" + relative_file.removesuffix("index.html")
    return "/" + relative_file


def short_links(config: MkDocsConfig) -> dict[str, str]:
    """The short links of the build, as mkdocs-redirects has them: chair.md -> methods/chair.md."""
    redirects = config.plugins.get("redirects") if config.plugins else None
    return dict(redirects.config.get("redirect_maps") or {}) if redirects is not None else {}


def link(src_uri: str, from_uri: str) -> str:
    """A Markdown link from one page to another, so MkDocs checks and rewrites it."""
    return posixpath.relpath(src_uri, posixpath.dirname(from_uri) or ".")


# Paths in the project -------------------------------------------------------------------------


def project_path(config: MkDocsConfig, file: File) -> str:
    """A page's source path as an author would type it, e.g. docs/methods/chair.md."""
    project = os.path.dirname(config.config_file_path or ".")
    return os.path.relpath(file.abs_src_path or file.src_uri, project).replace(os.sep, "/")


def relative_to_project(config: MkDocsConfig, path: str | Path) -> str:
    project = os.path.dirname(config.config_file_path or ".")
    return os.path.relpath(path, project).replace(os.sep, "/")


# Pages and front matter -----------------------------------------------------------------------


def front_matter(markdown: str) -> dict[str, Any]:
    """The page's YAML front matter, read as MkDocs reads it: broken YAML reads as none."""
    _, meta = get_data(markdown)
    return meta if isinstance(meta, dict) else {}


def source_pages(docs_dir: Path) -> list[SourcePage]:
    """Every Markdown page under docs/, by path, with its front matter."""
    return [
        SourcePage(path.relative_to(docs_dir).as_posix(), front_matter(path.read_text(encoding="utf-8")))
        for path in sorted(docs_dir.rglob("*.md"))
    ]


def method_pages(pages: list[SourcePage]) -> list[SourcePage]:
    """The method pages, in method order: by `method:` number, pages without one last, by path."""

    def order(page: SourcePage) -> tuple[int, str]:
        number = page.meta.get("method")
        return (number if isinstance(number, int) and not isinstance(number, bool) else 999, page.src_uri)

    return sorted((page for page in pages if page.is_method), key=order)


def pages_of(files) -> list[SourcePage]:
    """The documentation pages of a build, with their front matter, before any is rendered."""
    return [SourcePage(file.src_uri, front_matter(file.content_string)) for file in files.documentation_pages()]


def read_config(project: Path) -> Mapping[str, Any] | None:
    """The project's mkdocs.yml as MkDocs reads it (its !ENV and !relative tags), or None without one."""
    from mkdocs.config import load_config

    config_file = project / "mkdocs.yml"
    if not config_file.is_file():
        return None
    return load_config(str(config_file))


# Headings and their ids, in the Markdown ---------------------------------------------------------

# An ATX heading of Markdown (not HTML): its #s, its text and its attribute list ({#id .class}).
_MARKDOWN_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)(?:[ \t]+\{([^}\n]*)\})?[ \t]*$", re.MULTILINE)
_ATTRIBUTE_ID = re.compile(r"(?:^|\s)#([\w-]+)")


@dataclass(frozen=True)
class MarkdownHeading:
    level: int  # 1 for "# ", 2 for "## " ...
    text: str  # as written, without its attribute list
    id: str | None  # its explicit {#id}, the anchor readers share


def _heading(match: re.Match[str]) -> MarkdownHeading:
    hashes, text, attributes = match.groups()
    anchor = _ATTRIBUTE_ID.search(attributes or "")
    return MarkdownHeading(len(hashes), text, anchor.group(1) if anchor else None)


def markdown_headings(markdown: str) -> Iterator[MarkdownHeading]:
    """Every heading of a page's Markdown, in order."""
    return (_heading(match) for match in _MARKDOWN_HEADING.finditer(markdown))


def below_headings(markdown: str, block: Callable[[MarkdownHeading], str]) -> str:
    """The Markdown with `block(heading)` written as a block of its own right below each heading ('' for none)."""

    def after(match: re.Match[str]) -> str:
        added = block(_heading(match))
        return f"{match.group(0)}\n\n{added}\n" if added else match.group(0)

    return _MARKDOWN_HEADING.sub(after, markdown)


# The nav ------------------------------------------------------------------------------------------


def nav_problems(items: list[Any], pages: list[str]) -> list[str]:
    """What the nav of mkdocs.yml lacks or names wrongly: every page is in it, and it names only pages.

    `items` are the Navigation's items (Sections, Pages, Links); `pages` the src_uris of docs/.
    """
    listed: set[str] = set()
    problems = []

    def walk(entries: list[Any]) -> None:
        for entry in entries:
            if getattr(entry, "children", None):
                walk(entry.children)
            elif getattr(entry, "file", None) is not None:
                listed.add(entry.file.src_uri)
            elif str(getattr(entry, "url", "")).endswith(".md"):
                close = difflib.get_close_matches(entry.url, pages, n=1)
                fix = f"did you mean {close[0]}?" if close else "write the page's path below docs/"
                problems.append(f"the nav lists '{entry.url}' ({entry.title}), which is no page of docs/; {fix}")

    walk(items)
    for src_uri in pages:
        if src_uri not in listed:
            problems.append(
                f"docs/{src_uri} is not in the nav, so readers cannot reach it from the menu; add it under nav:"
                f" in mkdocs.yml, e.g.  - {_nav_title(src_uri)}: {src_uri}"
            )
    return problems


def _nav_title(src_uri: str) -> str:
    return src_uri.removesuffix(".md").rsplit("/", 1)[-1].replace("-", " ").capitalize()
