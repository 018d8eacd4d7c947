"""The order the hooks run in is set by event_priority, and the two orders that matter hold.

The safety gate must judge each page's final HTML, so nothing may change a page after it in
on_page_content. What the checks found is reported once every check has run, last in on_env,
before any page is written. The CSP hashes each finished page, so it must come after every hook or
plugin that changes HTML in on_post_page and on_post_build. A hook given a priority that
breaks either order fails here, whatever its place in the `hooks:` list.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config
from project import ROOT, build_site, copy_project

# (event, the hook file that must handle it after every other handler)
LAST = [
    ("page_content", "safety"),
    ("env", "report"),
    ("post_page", "content_security_policy"),
    ("post_build", "content_security_policy"),
]


def handler_modules(config, event: str) -> list[str]:
    """The module of each handler of an event, in the order MkDocs calls them."""
    return [getattr(handler, "__module__", "") or "" for handler in config.plugins.events[event]]


def owner(module: str) -> str:
    """A hook's name as MkDocs registers it ("hooks/safety.py"), or a plugin's module, as a short name."""
    return Path(module).stem if module.endswith(".py") else module.rsplit(".", 1)[-1]


@pytest.mark.parametrize("event, last", LAST, ids=[f"{event}-{last}" for event, last in LAST])
def test_the_hook_that_must_come_last_does(event: str, last: str) -> None:
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    order = [owner(module) for module in handler_modules(config, event)]
    assert order and order[-1] == last, f"{event}: {order}"


def test_the_list_order_does_not_decide(tmp_path: Path) -> None:
    """With the hooks: list reversed, the same handlers still come last."""
    project = copy_project(tmp_path)
    config_file = project / "mkdocs.yml"
    text = config_file.read_text()
    head, rest = text.split("\nhooks:\n", 1)
    listed, tail = rest.split("\n\n", 1)
    config_file.write_text(head + "\nhooks:\n" + "\n".join(reversed(listed.splitlines())) + "\n\n" + tail)
    config = load_config(config_file=str(config_file))
    for event, last in LAST:
        assert owner(handler_modules(config, event)[-1]) == last, event


def test_a_hook_that_slips_after_the_gate_is_caught(tmp_path: Path) -> None:
    """A hook that edits pages after the gate judged them breaks the order, and this test's check sees it."""
    project = copy_project(tmp_path)
    (project / "hooks" / "late.py").write_text(
        "from mkdocs.plugins import event_priority\n\n"
        "@event_priority(-200)\n"
        "def on_page_content(html, /, *, page, config, files):\n"
        "    return html\n"
    )
    config_file = project / "mkdocs.yml"
    config_file.write_text(config_file.read_text().replace("\nhooks:\n", "\nhooks:\n  - hooks/late.py\n"))
    config = load_config(config_file=str(config_file))
    assert owner(handler_modules(config, "page_content")[-1]) == "late"


def test_no_project_module_is_loaded_twice(tmp_path: Path) -> None:
    """A whole build in this process loads each hook once and the package once: no second copies with their own state."""
    build_site(ROOT / "mkdocs.yml", tmp_path / "site")
    files = {}
    for name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None)
        # The project's package, and hook files (of this project or of a copy another test built).
        if path and (Path(path).resolve().is_relative_to(ROOT / "backguide") or Path(path).parent.name == "hooks"):
            files.setdefault(Path(path).resolve(), []).append(name)
    twice = {str(path): names for path, names in files.items() if len(names) > 1}
    assert twice == {}
    assert any(path.parent.name == "hooks" for path in files), "the build loaded no hook from hooks/"
