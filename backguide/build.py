"""What one build knows: made fresh for every build, so nothing leaks from one to the next.

MkDocs loads each hook module once per process, and `mkdocs serve` rebuilds with a new
config each time. So the state of a build hangs on its config object, where the next
build cannot see it, instead of in module globals that would need resetting by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from backguide.gate import Checks
    from backguide.rules import Problem
    from backguide.site import SourcePage

_ATTRIBUTE = "_backguide_build"

# The command MkDocs was started with, told once per process by `on_startup`. `mkdocs serve`
# and `mkdocs build` both call it; builds made in-process by tests never do, and count as builds.
_command = {"name": "build"}


def started(command: str) -> None:
    _command["name"] = command


@dataclass
class SiteBuild:
    serving: bool  # a `mkdocs serve` preview, not a site to publish
    pages: list[SourcePage] = field(default_factory=list)  # every page and its front matter, read in on_files
    # Everything an author must fix, from every check; reported together (backguide.report).
    problems: list[Problem] = field(default_factory=list)
    include_problems: list[Problem] = field(default_factory=list)  # the includes' and CONTENT.md's own
    # Pages whose Markdown could not be read as written (broken front matter, a missing include):
    # a placeholder is rendered instead, and only their own problems are reported.
    unreadable: set[str] = field(default_factory=set)
    # What checks of the written site find (published addresses): reported at the end of the build.
    late_problems: list[Problem] = field(default_factory=list)
    checks: Checks | None = None  # what the gate judges pages with, read in on_files
    nav: Any = None  # the Navigation, kept from on_nav for llms.txt
    cards: dict[str, Any] = field(default_factory=dict)  # card path in the site -> (page, Card), drawn after the build
    drawings: dict[str, Any] = field(default_factory=dict)  # page src_uri -> its drawings by name, or the DrawingError of its poses file


def site_build(config: MkDocsConfig) -> SiteBuild:
    """The state of the build this config belongs to, made on first use."""
    state = getattr(config, _ATTRIBUTE, None)
    if state is None:
        state = SiteBuild(serving=_command["name"] == "serve")
        setattr(config, _ATTRIBUTE, state)
    return state
