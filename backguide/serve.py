"""`make serve`: `mkdocs serve`, started again whenever the site's own code changes.

MkDocs loads the hooks and this package once per process, so under a plain `mkdocs serve`
an edit to `backguide/` or `hooks/` rebuilds the site with the old code until the server is
restarted by hand. Here the server runs as a child process, and a change to one of those
files, or to a file the checks read once per server (CONTENT.md, the owner's text, the list of
external links), starts a new one; the browser's live reload then loads the page again by
itself. Edits to pages and includes are MkDocs' own business: it rebuilds on them.

The preview is not strict (STRICT=false, see mkdocs.yml): a warning would stop MkDocs'
server until it is fixed, and the project's own checks show what is wrong on the page.

    python -m backguide.serve [mkdocs serve options]
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import backguide

# The code MkDocs imports once per process, and the data the checks read once per server.
CODE = ("backguide", "hooks")
DATA = ("CONTENT.md", "source", "audit/external_links.txt")
POLL_SECONDS = 0.5


def watched(project: Path) -> list[Path]:
    """The files whose change needs a new server: the project's code and data, and the installed package."""
    folders = {project / folder for folder in CODE} | {Path(backguide.__file__).resolve().parent}
    files = [path for folder in folders for path in folder.rglob("*") if path.suffix in {".py", ".yml", ".txt"}]
    for name in DATA:
        files += [project / name] if (project / name).is_file() else list((project / name).rglob("*"))
    return sorted(path for path in files if path.is_file() and "__pycache__" not in path.parts)


def code_state(project: Path) -> dict[str, int]:
    """Each watched file and when it last changed; a new, changed or deleted file changes the whole."""
    return {str(path): path.stat().st_mtime_ns for path in watched(project)}


def serve(arguments: list[str], project: Path) -> int:
    """Run `mkdocs serve` until it stops by itself, starting it again after each code change."""
    environment = {"STRICT": "false", **os.environ}
    while True:
        before = code_state(project)
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", *arguments], cwd=project, env=environment)
        try:
            while server.poll() is None:
                time.sleep(POLL_SECONDS)
                if code_state(project) != before:
                    print("serve: the site's code or data changed; starting mkdocs serve again", file=sys.stderr, flush=True)
                    _stop(server)
                    break
            else:
                return server.returncode
        except KeyboardInterrupt:
            return 0
        finally:
            # However this process ends (Ctrl-C, SIGTERM from a test or a terminal that closed,
            # an error), the server it started ends with it.
            if server.poll() is None:
                _stop(server)


def _stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main() -> int:
    # SIGTERM and SIGHUP stop the preview as Ctrl-C does, so mkdocs serve never outlives it.
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _interrupt)
    return serve(sys.argv[1:], Path.cwd())


if __name__ == "__main__":
    sys.exit(main())
