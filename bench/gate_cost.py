"""What the safety gate adds to a build. Prints figures; asserts nothing.

    python -m bench.gate_cost [--runs 5] [--sizes 250,500,1000]

1. The real site, built with and without hooks/safety.py, alternating runs; the
   medians and their ratio (aim: under 1.15).
2. Generated sites of many method pages (copies of the chair page), built with only
   the gate and with no hooks at all; the gate's cost per page stays flat when its
   total cost grows linearly with the number of pages.

Times are CPU seconds of this process, so other work on the machine does not count.
The gate's own time is also measured inside the build, by timing every call of
gate.check_page: a direct figure that build-to-build noise cannot hide.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from backguide import gate  # the very module the gate hook imports check_page from
from support.project import copy_project
from backguide.site import ROOT

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

GATE = "hooks/safety.py"
gate_seconds = [0.0]


def _timed_check(check):
    def timed(*args, **kwargs):
        start = time.process_time()
        try:
            return check(*args, **kwargs)
        finally:
            gate_seconds[0] += time.process_time() - start

    return timed


# Installed before any config loads, so the hook module binds the timed function.
gate.check_page = _timed_check(gate.check_page)


def timed_build(config_file: Path, site_dir: Path, **overrides) -> float:
    config = load_config(config_file=str(config_file), site_dir=str(site_dir), **overrides)
    start = time.process_time()
    build(config)
    return time.process_time() - start


def real_site(runs: int) -> None:
    config_file = ROOT / "mkdocs.yml"
    all_hooks = load_config(config_file=str(config_file)).hooks
    without_gate = [str(ROOT / path) for path in all_hooks if not path.endswith(GATE)]
    with tempfile.TemporaryDirectory() as tmp:
        timed_build(config_file, Path(tmp) / "warm-up")
        with_times, without_times = [], []
        gate_seconds[0] = 0.0
        for run in range(runs):
            with_times.append(timed_build(config_file, Path(tmp) / f"with-{run}"))
            without_times.append(timed_build(config_file, Path(tmp) / f"without-{run}", hooks=without_gate))
    with_gate, no_gate = statistics.median(with_times), statistics.median(without_times)
    inside = gate_seconds[0] / runs
    print(f"Real site, median CPU time of {runs} builds each")
    print(f"  with the gate     {with_gate:7.3f} s")
    print(f"  without the gate  {no_gate:7.3f} s")
    print(f"  ratio             {with_gate / no_gate:7.3f}   {verdict(with_gate / no_gate)}")
    print(f"  the gate itself   {inside:7.3f} s per build; (without + gate) / without = "
          f"{(no_gate + inside) / no_gate:.3f}   {verdict((no_gate + inside) / no_gate)}")


def verdict(ratio: float) -> str:
    return "(within the 1.15 aim)" if ratio < 1.15 else "(OVER the 1.15 aim)"


def generated_site(dest: Path, pages: int) -> tuple[Path, list[str]]:
    """A copy of the project whose methods/ holds `pages` copies of the chair page."""
    copy_project(dest)
    methods = dest / "docs" / "methods"
    chair = (methods / "chair.md").read_text()
    for path in methods.glob("*.md"):
        path.unlink()
    names = [f"methods/method-{number:04d}.md" for number in range(1, pages + 1)]
    for number, name in enumerate(names, start=1):
        (dest / "docs" / name).write_text(chair.replace("method: 1", f"method: {number}"))
    (dest / "docs" / "index.md").write_text("# Generated\n")
    return dest / "mkdocs.yml", ["index.md", "rules.md", "help.md", *names]


def generated_sites(sizes: list[int]) -> None:
    print("\nGenerated sites: only the gate against no hooks at all, one build each")
    print(f"  {'pages':>6}  {'no hooks':>9}  {'gate':>9}  {'difference':>10}  {'gate itself':>11}  {'per page':>9}")
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            config_file, nav = generated_site(Path(tmp) / "project", size)
            common = {"nav": nav, "plugins": ["search"], "strict": False}
            bare = timed_build(config_file, Path(tmp) / "bare", hooks=[], **common)
            gate_seconds[0] = 0.0
            gated = timed_build(config_file, Path(tmp) / "gated", hooks=[str(Path(tmp) / "project" / GATE)], **common)
        inside = gate_seconds[0]
        print(
            f"  {size:>6}  {bare:8.2f}s  {gated:8.2f}s  {gated - bare:9.2f}s  {inside:10.3f}s"
            f"  {inside / size * 1000:7.2f}ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="250,500,1000")
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    real_site(args.runs)
    generated_sites([int(size) for size in args.sizes.split(",")])


if __name__ == "__main__":
    main()
