"""`optimise-site SITE` (or `python -m backguide.optimise SITE`): make a built site paint like a bare page, then re-seal its CSP.

The work is done by optimise/optimise.mjs with npm's PurgeCSS (stylesheets merged, unused
rules dropped) and Beasties (the rules each page uses inlined, the links removed), versions
locked in optimise/package-lock.json. Those rewrite pages, so each page's
Content-Security-Policy is written again here, over the final bytes, with the hash of its
new inline `<style>`.

Locally the step is optional: without Node or its tools the site is left as MkDocs wrote it,
and one line says how to install them. In CI (CI=true or REQUIRE_AUDIT_TOOLS=1) it is required.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from backguide.csp import inline_styles, policy_tags, script_hash, with_policy
from backguide import html
from backguide.site import ROOT

FOLDER = ROOT / "optimise"
SCRIPT = FOLDER / "optimise.mjs"
# What `make optimise-tools` (npm ci) leaves behind.
INSTALLED = FOLDER / "node_modules" / ".installed-from-lock"
INSTALL_HINT = "install Node 20+ and run `make optimise-tools` (npm ci in optimise/)"


class OptimiserMissing(RuntimeError):
    pass


def required() -> bool:
    """CI must ship the optimised site; a laptop without Node may build the plain one."""
    return os.environ.get("CI") == "true" or os.environ.get("REQUIRE_AUDIT_TOOLS") == "1"


def node() -> str:
    path = shutil.which("node")
    if not path or not INSTALLED.is_file():
        raise OptimiserMissing(f"the site optimiser is not installed: {INSTALL_HINT}")
    return path


def is_optimised(site: Path) -> bool:
    """Whether the optimiser ran over this built site: its home page links no stylesheet."""
    home = html.parse((site / "index.html").read_text(encoding="utf-8"))
    return bool(home.css("head style")) and not home.css('link[rel="stylesheet"]')


def reseal(site: Path) -> int:
    """Give every page that lost its policy tag a new one, hashed over its final bytes.

    Each policy allows every page's inline CSS, not just its own: instant navigation
    brings the next page's `<style>` into the document the first page's policy governs.
    """
    pages = {page: page.read_text(encoding="utf-8") for page in sorted(site.rglob("*.html"))}
    unsealed = {page: text for page, text in pages.items() if not policy_tags(html.parse(text))}
    styles = sorted({script_hash(style) for text in unsealed.values() for style in inline_styles(text)})
    for page, text in unsealed.items():
        page.write_text(with_policy(text, styles), encoding="utf-8")
    return len(unsealed)


def optimise_site(site: Path) -> str:
    """Optimise the built site in place; returns the optimiser's one-line report."""
    finished = subprocess.run(
        [node(), str(SCRIPT), str(site.resolve())], capture_output=True, text=True, check=False, cwd=FOLDER
    )
    if finished.returncode != 0:
        raise RuntimeError(f"the site optimiser failed:\n{finished.stderr or finished.stdout}")
    sealed = reseal(site)
    return f"{finished.stdout.strip()}; Content-Security-Policy written again on {sealed} pages"


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    site = Path(arguments[0] if arguments else "site")
    try:
        print(optimise_site(site))
    except OptimiserMissing as missing:
        if required():
            print(f"optimise: {missing}", file=sys.stderr)
            return 1
        print(f"optimise: skipped, so pages load all CSS before painting; {INSTALL_HINT}", file=sys.stderr)
    except RuntimeError as error:
        print(f"optimise: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
