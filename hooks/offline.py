"""The web app manifest and its icons, drawn from the site's logo after each build (backguide/offline/app.py).

The service worker and its list of files are made later, by build-site, once the optimiser
has rewritten the pages (backguide/offline/precache.py). `make serve` answers /sw.js with a
worker that retires any saved guide at its address, so the preview always shows the files
as they are saved (backguide/offline/retire.js).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from backguide.build import site_build
from backguide.offline.app import LogoError, write_app
from backguide.offline.precache import RETIRE, WORKER

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def on_post_build(*, config: MkDocsConfig) -> None:
    try:
        write_app(
            Path(config.site_dir),
            name=config.site_name,
            description=config.site_description or "",
            favicon=str(config.theme["favicon"]),
            lang=str(config.theme["language"]),
        )
    except LogoError as error:
        raise PluginError(f"Web app manifest: {error}") from None
    if site_build(config).serving:
        (Path(config.site_dir) / WORKER).write_text(RETIRE.read_text(encoding="utf-8"), encoding="utf-8")
