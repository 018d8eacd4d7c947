"""The service worker and its list of files: made after the optimiser, from the site as it ships.

`write_worker(site)` hashes every file of the built site into `offline-files.json`, split
into what the worker fetches on install (`precache`: what a reader needs with no signal)
and what it keeps on first use (`onDemand`: link preview cards, llms.txt, the theme's
unused files), and writes `sw.js` from worker.js with the list's version. `check(site)` is
the build's guard: every shipped file is in the list with the bytes it had, and everything
a precached page loads is precached too. `build_site` (backguide/ship.py) runs both after
the optimiser, which rewrites every page.

Written by hand, not with Workbox: Workbox builds its worker with Node, which this build
needs only for the optional optimiser, and its precache keeps one cache for all versions,
where this guide keeps one per version so an open page never gets another version's files.
"""

from __future__ import annotations

import fnmatch
import gzip
import hashlib
import json
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from backguide import html
from backguide.search import LANGUAGE, OUTPUT_FOLDER
from backguide.site import built_file, url_of_file

WORKER = "sw.js"  # at the site's root, so its scope is the whole site
LIST = "offline-files.json"
OFFLINE_PAGE = "offline/"  # docs/offline.md: what a page the device never saved opens, with no signal
TEMPLATE = Path(__file__).with_name("worker.js")
RETIRE = Path(__file__).with_name("retire.js")  # what `make serve` answers at /sw.js (hooks/offline.py)

# What a reader needs with no signal, by path below the site root (fnmatch: * spans folders).
PRECACHE = (
    "*.html",  # every page and short link (but 404.html, below)
    "sitemap.xml",  # Material's instant navigation reads it before it takes over a link
    "manifest.webmanifest",
    "assets/icons/*.png",
    "assets/stylesheets/*.css",  # the one site.<hash>.css (MkDocs' own sheets on a site built without the optimiser)
    "assets/javascripts/bundle.*.min.js",
    "javascripts/*.js",  # the guide's scripts, the follow-along view among them
    "stylesheets/*.css",  # follow-along.css, loaded when the view opens
    # Search, as docs/javascripts/search.js loads it: the Component UI, its stylesheet and the
    # highlighter; Pagefind's engine, its worker and its English WebAssembly; the index.
    f"{OUTPUT_FOLDER}/pagefind-component-ui.js",
    f"{OUTPUT_FOLDER}/pagefind-component-ui.css",
    f"{OUTPUT_FOLDER}/pagefind-highlight.js",
    f"{OUTPUT_FOLDER}/pagefind.js",
    f"{OUTPUT_FOLDER}/pagefind-worker.js",
    f"{OUTPUT_FOLDER}/pagefind-entry.json",
    f"{OUTPUT_FOLDER}/wasm.{LANGUAGE}.pagefind",
    f"{OUTPUT_FOLDER}/pagefind.*.pf_meta",
    f"{OUTPUT_FOLDER}/index/*",
    f"{OUTPUT_FOLDER}/filter/*",
    f"{OUTPUT_FOLDER}/fragment/*",
)
# Matched by PRECACHE but not needed offline: the server's answer to a wrong address.
NOT_PRECACHED = ("404.html", "*.map")


class OfflineError(RuntimeError):
    """The worker's list and the shipped site disagree; the message names the file and the fix."""


@dataclass(frozen=True)
class Offline:
    version: str
    precache: dict[str, str]  # path below the site root -> SHA-256 of its bytes
    on_demand: dict[str, str]
    precache_bytes: int
    precache_gzipped: int  # what the install downloads from a compressing server
    list_bytes: int
    pages: int  # HTML files precached

    def __str__(self) -> str:
        return (
            f"offline: sw.js precaches {len(self.precache)} files ({self.pages} pages):"
            f" {self.precache_bytes / 1024:.0f} KB, {self.precache_gzipped / 1024:.0f} KB gzipped;"
            f" {len(self.on_demand)} more on first use"
        )


def is_precached(path: str) -> bool:
    return any(fnmatch.fnmatchcase(path, pattern) for pattern in PRECACHE) and not any(
        fnmatch.fnmatchcase(path, pattern) for pattern in NOT_PRECACHED
    )


def shipped_files(site: Path) -> dict[str, bytes]:
    """Every file of the site below its root, but the worker and its list."""
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.relative_to(site).as_posix() not in (WORKER, LIST)
    }


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_list(site: Path) -> dict:
    files = shipped_files(site)
    precache = {path: digest(data) for path, data in files.items() if is_precached(path)}
    on_demand = {path: digest(data) for path, data in files.items() if path not in precache}
    body = json.dumps({"precache": precache, "onDemand": on_demand}, sort_keys=True)
    return {"version": digest(body.encode())[:16], "precache": precache, "onDemand": on_demand}


def write_worker(site: Path) -> Offline:
    """Write offline-files.json and sw.js for the site as it is now; call it last, after every step that writes files."""
    listed = file_list(site)
    if not built_file(site, "/" + OFFLINE_PAGE).is_file():
        raise OfflineError(f"the site has no offline page at /{OFFLINE_PAGE}: keep docs/offline.md (not_in_nav in mkdocs.yml)")
    text = json.dumps(listed, indent=0, sort_keys=True) + "\n"
    (site / LIST).write_text(text, encoding="utf-8")
    worker = (
        TEMPLATE.read_text(encoding="utf-8")
        .replace('"__VERSION__"', json.dumps(listed["version"]))
        .replace('"__LIST__"', json.dumps(LIST))
        .replace('"__OFFLINE_PAGE__"', json.dumps(OFFLINE_PAGE))
    )
    (site / WORKER).write_text(worker, encoding="utf-8")
    return summary(site, listed, len(text.encode()))


def summary(site: Path, listed: dict, list_bytes: int) -> Offline:
    data = [(site / path).read_bytes() for path in listed["precache"]]
    return Offline(
        version=listed["version"],
        precache=listed["precache"],
        on_demand=listed["onDemand"],
        precache_bytes=sum(map(len, data)),
        precache_gzipped=sum(len(gzip.compress(chunk, mtime=0)) for chunk in data),
        list_bytes=list_bytes,
        pages=sum(path.endswith(".html") for path in listed["precache"]),
    )


def read_list(site: Path) -> dict:
    path = site / LIST
    if not path.is_file():
        raise OfflineError(f"{site.name}/{LIST} is missing: the build writes it after the optimiser (backguide.offline.precache.write_worker)")
    return json.loads(path.read_text(encoding="utf-8"))


def check(site: Path) -> list[str]:
    """Every way the worker's list and the site disagree; [] when they agree."""
    listed = read_list(site)
    problems = []
    known = {**listed["onDemand"], **listed["precache"]}
    files = shipped_files(site)
    for path, data in files.items():
        if path not in known:
            problems.append(f"{site.name}/{path} ships but is missing from {LIST}, so the offline guide lacks it; write the list last (write_worker)")
        elif known[path] != digest(data):
            problems.append(f"{site.name}/{path} changed after {LIST} was made, so readers' caches would hold other bytes; write the list last (write_worker)")
        elif is_precached(path) != (path in listed["precache"]):
            problems.append(f"{site.name}/{path} is listed in the wrong part of {LIST}; make the list with write_worker")
    problems += [f"{LIST} lists {path}, which the site does not ship" for path in known if path not in files]
    worker = (site / WORKER).read_text(encoding="utf-8") if (site / WORKER).is_file() else ""
    if json.dumps(listed["version"]) not in worker:
        problems.append(f"{site.name}/{WORKER} is missing or not of version {listed['version']}, so readers would keep the last one")
    for path in listed["precache"]:
        if path.endswith(".html"):
            problems += [
                f"{site.name}/{path} loads {needed}, which is not precached, so the page breaks offline; add it to PRECACHE in backguide/offline/precache.py"
                for needed in needs(site, path, files)
                if needed not in listed["precache"]
            ]
    return problems


def needs(site: Path, page: str, files: dict[str, bytes]) -> list[str]:
    """The site's files a page loads or links to: its stylesheets, scripts, images, manifest and pages."""
    root = html.parse(files[page].decode("utf-8"))
    addresses = [node.attributes.get(name) or "" for node in root.css("link[href], a[href]") for name in ("href",)]
    addresses += [node.attributes.get("src") or "" for node in root.css("script[src], img[src], source[src]")]
    for loader in root.css("[data-scripts]"):  # the scripts the first-paint loader adds (backguide/first_paint.py)
        addresses += (loader.attributes.get("data-scripts") or "").split()
    found = []
    page_url = url_of_file(page)
    for address in addresses:
        parts = urlsplit(address)
        if parts.scheme or parts.netloc or not parts.path:
            continue  # another site, a data: image, the canonical address, or a link within the page
        path = unquote(posixpath.normpath(posixpath.join(posixpath.dirname(page_url), parts.path)))
        target = built_file(site, path + ("/" if parts.path.endswith("/") and not path.endswith("/") else ""))
        if target.is_file():
            found.append(target.relative_to(site).as_posix())
    return sorted(set(found))
