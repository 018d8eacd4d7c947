"""The conditions a reader meets, as data: which visits the rendered gate makes, and what each sweeps.

The full product of widths × orientations × scales × schemes × preferences × print × visits
is thousands of page loads; a covering set meets every value and every pair that can hide a
warning in a few. DESIGN says why in one line; VISITS is the set.

A visit is one fresh browser context (its own device, scripts, colour scheme and stored
choices) opening one page; in it the gate probes at several moments: on load, across a
sweep of window sizes (the page resized, as a phone turns or a window is dragged, so every
media query of the site's CSS is crossed), after scrolling to the first step and back,
3 s after load, on a second visit (the same context, storage kept), in print, and through
the follow-along view. The sweep's widths are GRID plus both sides of every width
breakpoint the site's own stylesheets declare (read from the page, probe.js's neighbour
breakpoints.js), so a rule that hides a warning in any range of widths is met by the sweep.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

DESIGN = (
    "every width (every 80 px to 600, then every 160, to 1,920, and one inside every range between CSS breakpoints) is swept"
    " in light (portrait) and dark (landscape); each other condition meets several widths, both schemes where it can"
    " differ, after load, after scrolling, after 3 s and on a second visit"
)

# Widths readers use: every 80 px up to 600, then every 160, up to 1,920 (CSS px).
GRID: tuple[int, ...] = (320, 400, 480, 560, 600, 760, 920, 1080, 1240, 1400, 1560, 1720, 1880, 1920)
MIN_WIDTH, MAX_WIDTH = 320, 1920

# Paper, as its CSS width at 96 px to the inch: A4 is 210 mm, Letter 8.5 in.
PAPER: dict[str, tuple[int, int]] = {"A4": (794, 1123), "Letter": (816, 1056)}


def portrait(width: int) -> tuple[int, int]:
    return width, max(480, round(width * 16 / 9)) if width <= 1024 else round(width * 10 / 16) + 600


def landscape(width: int) -> tuple[int, int]:
    return width, max(240, round(width * 9 / 16))


@dataclass(frozen=True)
class Visit:
    """One fresh context opening one page, and what is probed in it."""

    name: str  # as the refusal says it: "dark (stored choice), more contrast"
    width: int
    height: int
    scale: float = 1
    touch: bool = False
    scheme: str = "light"  # light | dark
    stored_scheme: bool = False  # the reader picked the scheme with Material's toggle (localStorage)
    reduced_motion: bool = False
    more_contrast: bool = False
    forced_colors: bool = False
    scripts: bool = True
    # Window sizes probed after load: "all" (GRID and every breakpoint), or listed widths.
    sweep: str | tuple[int, ...] = ()
    sweep_orientation: str = "portrait"
    second_visit: bool = False
    follow_along: bool = False  # open the view, walk every screen, run the hold timer
    print_on: tuple[str, ...] = ()  # paper sizes printed, each with background graphics on and off
    aria: bool = False  # read the accessibility tree
    text: bool = False  # collect the rendered text, for the rules on pages without steps
    methods_only: bool = False  # a condition that only method pages need (the follow-along view)


VISITS: tuple[Visit, ...] = (
    Visit("phone, 3× screen, reduced motion", 360, 780, scale=3, touch=True, reduced_motion=True,
          sweep=tuple(width for width in GRID if width <= 600), second_visit=True, follow_along=True, aria=True, text=True),
    Visit("light", 1280, 800, sweep="all", sweep_orientation="portrait", print_on=("A4", "Letter")),
    Visit("dark", 1280, 800, scheme="dark", sweep="all", sweep_orientation="landscape", print_on=("Letter",)),
    Visit("phone landscape, 3× screen, dark (stored choice), more contrast", 740, 360, scale=3, touch=True, scheme="dark",
          stored_scheme=True, more_contrast=True, sweep=(320, 1080, 1920), second_visit=True, follow_along=True,
          methods_only=True),
    Visit("forced colours", 1024, 768, forced_colors=True, sweep=(400, 760, 1560), second_visit=True, methods_only=True),
    Visit("scripts off", 400, 860, scripts=False, sweep=(320, 600, 1240, 1920), second_visit=True, aria=True, text=True,
          print_on=("A4",)),
    Visit("scripts off, dark", 1560, 900, scheme="dark", scripts=False, sweep=(480, 920), methods_only=True),
)


@dataclass(frozen=True)
class Moment:
    """Where in a visit a probe ran, as the refusal names it."""

    visit: Visit
    width: int
    height: int
    when: str = ""  # "", "after 3 s", "after scrolling to the first step and back", "second visit", ...
    media: str = ""  # "print A4, background graphics off"
    extra: tuple[str, ...] = field(default_factory=tuple)

    def __str__(self) -> str:
        parts = [f"at {self.width}×{self.height}", self.visit.name, self.media, self.when, *self.extra]
        return ", ".join(part for part in parts if part)


def sweep_widths(visit: Visit, breakpoints: list[float]) -> list[int]:
    """The widths a visit's sweep probes: GRID, and one width in every range between the CSS's
    breakpoints that GRID misses, so every combination of width media queries is met; or the visit's own list."""
    if visit.sweep != "all":
        return list(visit.sweep)
    widths = set(GRID)
    edges = sorted({MIN_WIDTH, *(point for point in breakpoints if MIN_WIDTH < point <= MAX_WIDTH), MAX_WIDTH + 1})
    for low, high in zip(edges, edges[1:]):
        inside = [width for width in range(math.ceil(low), math.ceil(high))]
        if inside and not any(low <= width < high for width in widths):
            widths.add(inside[len(inside) // 2])
    return sorted(widths)


def sweep_size(visit: Visit, width: int) -> tuple[int, int]:
    return portrait(width) if visit.sweep_orientation == "portrait" else landscape(width)
