"""What the rendered gate (backguide.rendered) takes: the real site and 100 generated method pages. Prints figures; asserts nothing.

    python -m bench.rendered_cost [--sizes 100]

Each site is built as it ships without the rendered gate (backguide.ship.build_site), then the
gate is run on it with no cache, timed by the clock (it waits on a browser: its own CPU time
says little), then once more from the cache of that verdict. The generated sites are
bench/site_scale.py's: copies of the chair page, with its drawings. The aim (issue 23) is
under 2 minutes for the real site on a 2-core machine; the load average is printed beside
each figure, since other work on the machine slows a browser more than it slows Python.
"""

from __future__ import annotations

import argparse
import logging
import os
import tempfile
import time
from pathlib import Path

from backguide import rendered
from backguide.rendered.conditions import DESIGN, VISITS
from backguide.ship import build_site, site_url_of
from backguide.site import ROOT
from bench.site_scale import generated_project

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def timed(site: Path, project: Path, chromium: str) -> None:
    start = time.monotonic()
    verdict = rendered.check(site, project, chromium, site_url_of(site), use_cache=True, fresh=True)
    seconds = time.monotonic() - start
    load = os.getloadavg()[0]
    print(f"  {verdict.pages:>5} pages  {verdict.visits:>5} visits  {verdict.probes:>6} probes  {seconds:7.1f} s"
          f"  ({seconds / max(verdict.pages, 1):.1f} s a page; load average {load:.1f}; {len(verdict.problems)} problems)")
    for problem in verdict.problems[:3]:  # a figure with problems is a site the gate refused: say what it saw
        print(f"    {problem.path}: {problem.message[:300]}")
    start = time.monotonic()
    again = rendered.check(site, project, chromium, site_url_of(site))
    print(f"  the same bytes again: {time.monotonic() - start:.2f} s ({'from the cache' if again.cached else 'judged again'})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100")
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    chromium = rendered.find_chromium()
    if chromium is None:
        print("rendered gate: no Chromium (apt-get install chromium), so no figures")
        return
    print(f"Rendered gate: {len(VISITS)} visits a method page; {DESIGN}")
    print("The real site")
    with tempfile.TemporaryDirectory() as tmp:
        shipped = build_site(Path(tmp) / "site", config_file=ROOT / "mkdocs.yml", rendered=False)
        timed(shipped.site, ROOT, chromium)
    for size in (int(part) for part in args.sizes.split(",")):
        print(f"{size} method pages (copies of the chair page)")
        with tempfile.TemporaryDirectory() as tmp:
            config = generated_project(Path(tmp) / "project", size)
            shipped = build_site(Path(tmp) / "site", config_file=config, rendered=False)
            timed(shipped.site, config.parent, chromium)


if __name__ == "__main__":
    main()
