"""Build the site as it ships: MkDocs (strict), the optimiser, then check-site over the result.

One function, `build_site`, for every caller: `make build` (through the `build-site`
command), the tests' `site` fixture, `make audit`, and the Pages workflow, which runs
`make build`. So the site the tests and the audit judge is built the way readers get it.

    build-site [SITE_DIR] [--config-file mkdocs.yml]

The site is built into a scratch folder next to SITE_DIR and swapped in only when every
step passed, so SITE_DIR always holds the last good build. Where the optimiser is required
(CI=true or REQUIRE_AUDIT_TOOLS=1) and cannot run, the build stops with one line that
names the fix; elsewhere (a laptop without Node) the site keeps MkDocs' own stylesheets,
and the result says it is not the site that ships.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from backguide import optimise
from backguide.check_site import check_site
from backguide.offline import precache
from backguide.rules import Problem


class ShipError(RuntimeError):
    """A step after MkDocs refused the site; the message names the problem and its fix."""


@dataclass(frozen=True)
class Shipped:
    site: Path
    optimised: optimise.Optimised | None  # None when the optimiser was skipped or found no stylesheet
    skipped: str | None  # why the optimiser did not run, on a machine where it is optional
    checked: int  # pages check-site judged
    offline: precache.Offline | None = None  # the service worker's list of files
    rendered: str | None = None  # the rendered gate's one line: what it judged, or why it could not

    @property
    def ships_as_built(self) -> bool:
        """Whether this is the site CI publishes, not a plain one built without the optimiser."""
        return self.skipped is None

    def report(self) -> list[str]:
        lines = [str(self.optimised)] if self.optimised else []
        if self.offline:
            lines.append(str(self.offline))
        if self.skipped:
            lines.append(f"optimise: skipped, so this is not the site that ships: {self.skipped}")
        lines.append(f"check-site: {self.checked} pages of {self.site} pass the safety rules")
        if self.rendered:
            lines.append(self.rendered)
        return lines


def build_site(
    site_dir: Path, *, config_file: Path = Path("mkdocs.yml"), site_url: str | None = None, rendered: bool = True
) -> Shipped:
    """Build, optimise and check the site into site_dir; MkDocs' Abort or a ShipError stops it, leaving site_dir as it was.

    `rendered=False` leaves out the rendered gate: only for a bench that measures bytes, never for a site that ships.
    """
    scratch = site_dir.parent / f".{site_dir.name}-next"
    shutil.rmtree(scratch, ignore_errors=True)
    try:
        docs_dir = mkdocs_build(config_file, scratch, **({"site_url": site_url} if site_url else {}))
        optimised, skipped = optimise_or_skip(scratch)
        offline = offline_worker(scratch)
        checked, problems = check_site(scratch, docs_dir.parent)
        if problems or not checked:
            raise ShipError(check_site_message(problems, checked, docs_dir))
        judged = rendered_gate(scratch, docs_dir.parent) if rendered else None
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    shutil.rmtree(site_dir, ignore_errors=True)
    scratch.rename(site_dir)
    return Shipped(site_dir, optimised, skipped, checked, offline, judged)


def browser_required() -> bool:
    """CI and the Pages workflow (REQUIRE_BROWSER=1) publish nothing the rendered gate has not judged."""
    return os.environ.get("REQUIRE_BROWSER") == "1"


def rendered_gate(site: Path, project: Path) -> str:
    """The rendered gate (backguide.rendered) over the built site; its one line, or a ShipError with every problem.

    Without Chromium it says so in one line, unless a browser is required (REQUIRE_BROWSER=1).
    """
    from backguide import rendered

    chromium = rendered.find_chromium()
    if chromium is None:
        missing = "no Chromium (apt-get install chromium, or set CHROMIUM to a Chromium or Chrome)"
        if browser_required():
            raise ShipError(f"rendered gate: REQUIRE_BROWSER=1 but {missing}; nothing ships that it has not judged")
        return f"rendered gate: skipped, {missing}, so the pages were not judged as readers get them"
    verdict = rendered.check(site, project, chromium, site_url_of(site))
    if verdict.problems:
        lines = [*map(str, verdict.problems), f"{verdict.summary()}: the pages as readers get them cannot ship"]
        raise ShipError("\n".join(lines))
    return verdict.summary()


def site_url_of(site: Path) -> str | None:
    """The address the site was built for: what every address of its sitemap starts with."""
    sitemap = site / "sitemap.xml"
    found = re.findall(r"<loc>([^<]+)</loc>", sitemap.read_text(encoding="utf-8")) if sitemap.is_file() else []
    if not found:
        return None
    common = os.path.commonprefix(found)
    return common[: common.rfind("/") + 1] if "://" in common else None


def mkdocs_build(config_file: Path, site_dir: Path, **overrides) -> Path:
    """`mkdocs build --strict`, in this process, as MkDocs' own command runs it; returns the docs folder.

    `overrides` are settings of mkdocs.yml to replace (site_url; a test's hooks or nav).
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(config_file), site_dir=str(site_dir), **{"strict": True, **overrides})
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return Path(config.docs_dir)


def optimise_or_skip(site: Path) -> tuple[optimise.Optimised | None, str | None]:
    try:
        return optimise.optimise_site(site), None
    except optimise.OptimiserMissing as missing:
        if optimise.required():
            raise ShipError(f"optimise: {missing}") from None
        return None, str(missing)
    except RuntimeError as failed:
        raise ShipError(f"optimise: {failed}") from None


def offline_worker(site: Path) -> precache.Offline:
    """The service worker and its list of files, made from the pages as they ship (after the
    optimiser rewrote them); the build stops if the list and the site disagree."""
    try:
        offline = precache.write_worker(site)
    except precache.OfflineError as error:
        raise ShipError(f"offline: {error}") from None
    if problems := precache.check(site):
        raise ShipError("\n".join([*(f"offline: {problem}" for problem in problems), f"offline: {len(problems)} problem(s)"]))
    return offline


def check_site_message(problems: list[Problem], checked: int, docs_dir: Path) -> str:
    if not checked:
        return f"check-site: no pages found in {docs_dir}"
    return "\n".join([*map(str, problems), f"check-site: {len(problems)} problem(s) on the pages as they ship"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build-site", description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", nargs="?", default="site", type=Path)
    parser.add_argument("--config-file", default="mkdocs.yml", type=Path)
    args = parser.parse_args(argv)
    show_mkdocs_log()
    from mkdocs.exceptions import Abort

    try:
        shipped = build_site(args.site_dir, config_file=args.config_file)
    except Abort as abort:  # MkDocs has logged why
        print(abort, file=sys.stderr)
        return 1
    except ShipError as error:
        print(error, file=sys.stderr)
        return 1
    for line in shipped.report():
        print(line, file=sys.stderr if line.startswith("optimise: skipped") else sys.stdout)
    return 0


def show_mkdocs_log() -> None:
    """Print MkDocs' log as `mkdocs build` does: INFO and up, on stderr, in its format."""
    from mkdocs.__main__ import ColorFormatter

    handler = logging.StreamHandler()
    handler.setFormatter(ColorFormatter())
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.addHandler(handler)


if __name__ == "__main__":
    sys.exit(main())
