"""Same bytes, same verdict: the rendered gate's verdicts, kept by what they judged.

The key is the SHA-256 of every shipped file's bytes, of what the gate reads from the project
(includes/, the pages' Markdown for their front matter), of the gate's own code and of the
browser. The site's own address is written into its pages (canonical links, the sitemap, link
previews, the printed short address); the gate serves every build from its own local address,
where none of those addresses is its origin, so a build for another address is judged the
same: the address is replaced by a placeholder before hashing, and the service worker's
version and file digests (derived from those bytes) by another. Anything else that differs is a new run.

Kept in .cache/rendered-gate/ of the checkout (`make clean` removes it), or in the folder
BACKGUIDE_CACHE names: the tests point the copies and clones they build at the checkout's own
cache, so a copy that ships the same bytes is not judged again.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
from pathlib import Path

from backguide.offline.precache import LIST, WORKER
from backguide.rules import Problem
from backguide.site import ROOT

CACHE_VARIABLE = "BACKGUIDE_CACHE"
PACKAGE = Path(__file__).resolve().parent.parent
# The gate's code: this subpackage, and the rules and site model it reads from the package.
CODE = ("rendered", "rules.py", "markup.py", "blocks.py", "follow_along.py", "site.py", "html.py", "content.py")
PLACEHOLDER = b"{site_url}/"
BARE_PLACEHOLDER = b"{site_host}/"
# The worker's version and its list's SHA-256s are digests of the other shipped files, whose
# bytes are in the key already: as digests they would carry the address in by the back door.
DERIVED = {WORKER: re.compile(rb'(?<=const VERSION = ")[0-9a-f]+(?=")'), LIST: re.compile(rb'(?<=": ")(?:[0-9a-f]{64}|[0-9a-f]{16})(?=")')}


def folder() -> Path:
    return Path(os.environ.get(CACHE_VARIABLE) or ROOT / ".cache") / "rendered-gate"


def key(site_dir: Path, project: Path, chromium: str, site_url: str | None, only: list[str] | None = None) -> str:
    digest = hashlib.sha256("\n".join(sorted(only)).encode() if only is not None else b"all pages")

    def add(label: str, data: bytes) -> None:
        digest.update(label.encode() + b"\0" + hashlib.sha256(data).digest())

    browser = Path(chromium).resolve()
    stat = browser.stat()
    add("browser", f"{browser}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    for name in CODE:
        path = PACKAGE / name
        for file in sorted(path.rglob("*") if path.is_dir() else [path]):
            if file.is_file() and file.suffix in (".py", ".js"):
                add(f"code/{file.relative_to(PACKAGE).as_posix()}", file.read_bytes())
    for folder in ("includes", "docs"):
        for file in sorted((project / folder).rglob("*.md")):
            add(f"{folder}/{file.relative_to(project / folder).as_posix()}", file.read_bytes())
    address = site_url.rstrip("/").encode() + b"/" if site_url else None
    for file in sorted(site_dir.rglob("*")):
        if not file.is_file():
            continue
        data = file.read_bytes()
        if file.suffix == ".gz":
            data = gzip.decompress(data)
        if address:  # with its scheme (links, the sitemap) and without (the printed short address)
            data = data.replace(address, PLACEHOLDER).replace(address.split(b"://", 1)[-1], BARE_PLACEHOLDER)
        if file.parent == site_dir and file.name in DERIVED:
            data = DERIVED[file.name].sub(b"{digest}", data)
        add(f"site/{file.relative_to(site_dir).as_posix()}", data)
    return digest.hexdigest()


def load(cache_key: str) -> list[Problem] | None:
    file = folder() / f"{cache_key}.json"
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return [Problem(path, message) for path, message in data["problems"]]


def store(cache_key: str, problems: list[Problem]) -> None:
    try:
        folder().mkdir(parents=True, exist_ok=True)
        file = folder() / f"{cache_key}.json"
        scratch = file.with_suffix(".tmp")
        scratch.write_text(json.dumps({"problems": [[p.path, p.message] for p in problems]}), encoding="utf-8")
        scratch.replace(file)
    except OSError:
        pass  # a read-only checkout judges again next time
