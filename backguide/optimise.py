"""One stylesheet for the whole site, named by its content: what `build-site` runs after MkDocs.

optimise/optimise.mjs merges the stylesheets the pages link (Material's main and palette
CSS, extra.css, search.css) and drops the rules no page or site script can use, with npm's
PurgeCSS (versions locked in optimise/package-lock.json). Here the result is written as
`assets/stylesheets/site.<hash>.css`, every page's links are replaced by one link to it,
and the merged files are deleted.

Why one file, and why its hash in the name (README, Speed):
- the Content-Security-Policy allows it with `style-src 'self'`, so no page's policy
  lists any style hash, and a policy stays the same size whatever the number of pages;
- a tab opened before a deploy keeps every page styled: Material's instant navigation
  brings the next page's link, which names a file the new deploy has, and a changed
  stylesheet is a new name, never new bytes behind an old name a browser has cached;
- a reader downloads it once and every later page comes from the cache.

Locally the step is optional: without Node or its packages the site keeps MkDocs' own
stylesheets, and one line says how to install them. In CI (CI=true or
REQUIRE_AUDIT_TOOLS=1) it is required.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import posixpath
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from backguide import html
from backguide.site import ROOT, built_file

FOLDER = ROOT / "optimise"
SCRIPT = FOLDER / "optimise.mjs"
# What `make optimise-tools` (npm ci) leaves behind.
INSTALLED = FOLDER / "node_modules" / ".installed-from-lock"
LOCK = FOLDER / "package-lock.json"
SHEET_FOLDER = "assets/stylesheets"
SHEET_NAME = re.compile(r"site\.[0-9a-f]{10}\.css")
INSTALL_TOOLS = "run `make optimise-tools` (npm ci in optimise/)"


class OptimiserMissing(RuntimeError):
    """Node or the optimiser's packages are missing; the message says what to install."""


def required() -> bool:
    """CI must ship the optimised site; a laptop without Node may build the plain one."""
    return os.environ.get("CI") == "true" or os.environ.get("REQUIRE_AUDIT_TOOLS") == "1"


def minimum_node() -> tuple[int, ...]:
    """The oldest Node the locked packages run on, from optimise/package.json's `engines` (">=20.19.0")."""
    if not (FOLDER / "package.json").is_file():
        raise OptimiserMissing(f"the optimiser is not in this project ({FOLDER}/package.json is missing)")
    wanted = json.loads((FOLDER / "package.json").read_text())["engines"]["node"]
    return version_numbers(wanted.removeprefix(">="))


def version_numbers(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


def shown(version: tuple[int, ...]) -> str:
    return ".".join(map(str, version))


def node() -> str:
    """The `node` to run the optimiser with; OptimiserMissing names the one fix when it cannot run."""
    path = shutil.which("node")
    minimum = minimum_node()
    if not path:
        raise OptimiserMissing(f"Node is not installed: install Node {shown(minimum)} or newer, then {INSTALL_TOOLS}")
    found = subprocess.run([path, "--version"], capture_output=True, text=True, check=False).stdout.strip()
    if version_numbers(found) < minimum:
        raise OptimiserMissing(f"Node {found} is older than the optimiser needs: install Node {shown(minimum)} or newer, then {INSTALL_TOOLS}")
    if not INSTALLED.is_file():
        raise OptimiserMissing(f"the optimiser's Node packages are not installed: {INSTALL_TOOLS}")
    if INSTALLED.stat().st_mtime < LOCK.stat().st_mtime:
        raise OptimiserMissing(f"the optimiser's Node packages are older than optimise/package-lock.json: {INSTALL_TOOLS}")
    return path


def site_sheet(site: Path) -> Path | None:
    """The one stylesheet the optimiser wrote, if it ran over this site."""
    found = sorted(path for path in (site / SHEET_FOLDER).glob("site.*.css") if SHEET_NAME.fullmatch(path.name))
    return found[-1] if found else None


def is_optimised(site: Path) -> bool:
    """Whether the optimiser ran over this built site: its home page links the one site stylesheet and nothing else."""
    sheet = site_sheet(site)
    links = stylesheet_links((site / "index.html").read_text(encoding="utf-8"))
    return sheet is not None and [posixpath.basename(href) for _, href in links] == [sheet.name]


# Links ---------------------------------------------------------------------------------------


def stylesheet_links(page_html: str) -> list[tuple[str, str]]:
    """(tag as written in the page, href) of every `<link rel="stylesheet">` in the head."""
    head = html.parse(page_html).css_first("head")
    if head is None:
        return []
    return [(node.html or "", node.attributes.get("href") or "") for node in head.css('link[rel="stylesheet"]')]


def sheet_path(site: Path, page: str, href: str) -> str | None:
    """The file below the site root a page's link points at: relative to the page, or absolute
    with the site's base path (the 404 page's /guide/assets/…, valid at any depth)."""
    clean = href.split("#", 1)[0].split("?", 1)[0]
    if clean.startswith("/"):
        parts = [part for part in clean.split("/") if part]
        candidates = ["/".join(parts[start:]) for start in range(len(parts))]
    else:
        candidates = [posixpath.normpath(posixpath.join(posixpath.dirname(page), clean))]
    return next((path for path in candidates if built_file(site, path).is_file()), None)


def relinked(page_html: str, links: list[tuple[str, str, str]], sheet: str) -> str:
    """The page with its first site stylesheet link pointing at `sheet` and the others removed.

    `links` are (tag, href, site path). The new href keeps the old one's way to the site root
    ("../../", "/guide/"), so it works wherever the page is served from. The tags are found
    by the parser above and edited in the text, so the rest of the page keeps its bytes.
    """
    for number, (tag, href, path) in enumerate(links):
        if page_html.count(tag) != 1:
            raise RuntimeError(f"the stylesheet link {tag} is not written exactly once in the page")
        if number == 0:
            new_tag = tag.replace(f'href="{href}"', f'href="{href.removesuffix(path)}{sheet}"')
            page_html = page_html.replace(tag, new_tag)
        else:
            page_html = re.sub(r"[ \t]*" + re.escape(tag) + r"\n?", "", page_html, count=1)
    return page_html


# The step --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Optimised:
    sheet: str  # below the site root: assets/stylesheets/site.<hash>.css
    merged: tuple[str, ...]  # the stylesheets it replaces, in cascade order
    pages: int  # pages that link it
    size: int  # bytes
    gzipped: int

    def __str__(self) -> str:
        return (
            f"optimise: {len(self.merged)} stylesheets merged into {self.sheet}"
            f" ({self.size / 1024:.0f} KB, {self.gzipped / 1024:.1f} KB gzipped), linked from {self.pages} pages"
        )


def optimise_site(site: Path) -> Optimised | None:
    """Merge and purge the site's stylesheets into one hashed file, link it from every page; None if none is linked."""
    pages = {page.relative_to(site).as_posix(): page.read_text(encoding="utf-8") for page in sorted(site.rglob("*.html"))}
    links: dict[str, list[tuple[str, str, str]]] = {}
    for name, text in pages.items():
        found = [(tag, href, path) for tag, href in stylesheet_links(text) if (path := sheet_path(site, name, href))]
        if found:
            links[name] = found
    sheets = tuple(dict.fromkeys(path for found in links.values() for _, _, path in found))
    if not sheets:
        return None
    finished = subprocess.run(
        [node(), str(SCRIPT), str(site.resolve()), *sheets], capture_output=True, text=True, check=False, cwd=FOLDER
    )
    if finished.returncode != 0:
        raise RuntimeError(f"the site optimiser failed:\n{finished.stderr or finished.stdout}")
    css = finished.stdout
    sheet = f"{SHEET_FOLDER}/site.{hashlib.sha256(css.encode()).hexdigest()[:10]}.css"
    (site / sheet).write_text(css, encoding="utf-8")
    for name, found in links.items():
        (site / name).write_text(relinked(pages[name], found, sheet), encoding="utf-8")
    for path in sheets:
        (site / path).unlink()
        (site / f"{path}.map").unlink(missing_ok=True)
    size = len(css.encode())
    return Optimised(sheet, sheets, len(links), size, len(gzip.compress(css.encode(), mtime=0)))
