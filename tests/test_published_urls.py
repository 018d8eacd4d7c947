"""Published addresses keep working: the list is complete, the check catches each way a link breaks."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from mkdocs_redirects.plugin import HTML_TEMPLATE
from project import ROOT, build_site, copy_project, gate_error
from backguide.published_urls import broken_urls, read_url_list
from backguide.site import markdown_headings, page_url

DOCS = ROOT / "docs"
URL_LIST = ROOT / "docs" / "published_urls.txt"
PUBLISHED = read_url_list(URL_LIST.read_text())


def current_urls() -> set[str]:
    """Every page, every heading id and every short link the guide has now."""
    urls = set()
    for path in DOCS.rglob("*.md"):
        url = page_url(path.relative_to(DOCS).as_posix())
        ids = [heading.id for heading in markdown_headings(path.read_text()) if heading.level > 1 and heading.id]
        urls |= {url, *(f"{url}#{anchor}" for anchor in ids)}
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    redirects = next(plugin["redirects"] for plugin in config["plugins"] if "redirects" in plugin)
    return urls | {page_url(old) for old in redirects["redirect_maps"]}


# The list and the real site ----------------------------------------------------------------


def test_every_current_address_is_in_the_list() -> None:
    """Publishing a page, heading id or short link means listing it, so it is kept from then on."""
    missing = sorted(current_urls() - set(PUBLISHED))
    lines = "\n".join(f"docs/published_urls.txt needs the line:  {url}" for url in missing)
    assert missing == [], f"addresses the site has but the list lacks; add each, and never remove one:\n{lines}"


def test_the_list_has_no_duplicates() -> None:
    assert len(PUBLISHED) == len(set(PUBLISHED))


def test_the_list_covers_what_the_issue_names() -> None:
    for slug in ("chair", "floor", "standing", "sitting", "foam-roller"):
        assert f"/methods/{slug}/" in PUBLISHED and f"/{slug}/" in PUBLISHED
    for option in ("side-twist", "stretch-and-corpse-pose", "knees-to-chest", "knee-across"):
        assert f"/methods/floor/#{option}" in PUBLISHED


def test_the_real_site_keeps_every_published_address(site: Path) -> None:
    assert broken_urls(site, PUBLISHED) == []


def test_a_short_link_with_an_anchor_resolves(site: Path) -> None:
    assert broken_urls(site, ["/floor/#knees-to-chest", "/floor/#no-such-option"]) == [
        '/floor/#no-such-option: it redirects to /methods/floor/, which has no id "no-such-option";'
        " put  {#no-such-option}  back on the heading that had it (reword the heading freely, keep the id)"
    ]


# The check on hand-made sites --------------------------------------------------------------

PAGE = '<html><body><h1 id="title">Title</h1><h2 id="steps">Steps</h2><a name="old-name"></a></body></html>'


def redirect(to: str) -> str:
    """A redirect page exactly as mkdocs-redirects writes it."""
    return HTML_TEMPLATE.format(url=to)


CASES = {
    "page and anchor exist": (
        {"methods/chair/index.html": PAGE},
        ["/methods/chair/", "/methods/chair/#steps", "/methods/chair/#old-name"],
        [],
    ),
    "page removed": (
        {},
        ["/methods/chair/#steps"],
        [
            "/methods/chair/#steps: no page at this address; restore the page methods/chair.md, or send it to a"
            " page that exists under redirect_maps in mkdocs.yml:  methods/chair.md: <page>.md"
        ],
    ),
    "anchor removed": (
        {"methods/chair/index.html": PAGE},
        ["/methods/chair/#before-you-start"],
        [
            '/methods/chair/#before-you-start: /methods/chair/ has no id "before-you-start"; put  {#before-you-start}'
            "  back on the heading that had it (reword the heading freely, keep the id)"
        ],
    ),
    "moved page redirected, anchors kept": (
        {"methods/chair/index.html": redirect("../chair-method/"), "methods/chair-method/index.html": PAGE},
        ["/methods/chair/", "/methods/chair/#steps"],
        [],
    ),
    "redirect to a page that is gone": (
        {"chair/index.html": redirect("../methods/chair/")},
        ["/chair/"],
        [
            "/chair/: redirects to /methods/chair/, where there is no page; restore the page methods/chair.md,"
            " or send it to a page that exists under redirect_maps in mkdocs.yml:  methods/chair.md: <page>.md"
        ],
    ),
    "redirect loop": (
        {"a/index.html": redirect("../b/"), "b/index.html": redirect("../a/")},
        ["/a/"],
        ["/a/: redirects in a loop (/a/ -> /b/ -> /a/); point the redirect at a page"],
    ),
    "redirect off the site": (
        {"a/index.html": redirect("https://example.org/")},
        ["/a/"],
        ["/a/: redirects to https://example.org/, off the guide; point the redirect at a page of the guide"],
    ),
    "not from the site root": (
        {},
        ["methods/chair/"],
        ["methods/chair/: write it from the site root, starting with /"],
    ),
    "home page": ({"index.html": PAGE}, ["/", "/#steps"], []),
}


@pytest.mark.parametrize(("files", "urls", "problems"), CASES.values(), ids=CASES.keys())
def test_check(tmp_path: Path, files: dict[str, str], urls: list[str], problems: list[str]) -> None:
    for name, html in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(html)
    assert broken_urls(tmp_path, urls) == problems


def test_list_comments_and_blank_lines_are_skipped() -> None:
    assert read_url_list("# Pages\n\n/\n  /rules/  \n# /old/\n") == ["/", "/rules/"]


# Golden builds -----------------------------------------------------------------------------


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_build_fails_when_a_published_anchor_is_removed(tmp_path: Path) -> None:
    config_file = copy_project(tmp_path) / "mkdocs.yml"
    edit(config_file.parent / "docs/methods/floor.md", "{#find-a-space}", "{#space}")
    edit(config_file.parent / "docs/published_urls.txt", "/methods/floor/#find-a-space\n", "/methods/floor/#find-a-space\n/methods/floor/#space\n")
    assert gate_error(config_file, tmp_path / "site") == (
        "Cannot publish yet, 1 file to fix:\n"
        '  docs/published_urls.txt: /methods/floor/#find-a-space: /methods/floor/ has no id "find-a-space"; put  {#find-a-space}'
        "  back on the heading that had it (reword the heading freely, keep the id)"
        " (readers may have shared it: it must keep working)"
    )


def test_build_fails_when_a_new_address_is_not_listed(tmp_path: Path) -> None:
    config_file = copy_project(tmp_path) / "mkdocs.yml"
    edit(config_file.parent / "docs/methods/floor.md", "{#find-a-space}", "{#find-a-space}\n\n## More {#more}\n\nMore.")
    message = gate_error(config_file, tmp_path / "site")
    assert message.endswith(
        "docs/published_urls.txt: /methods/floor/#more is an address readers may now share, but"
        " docs/published_urls.txt does not list it; add the line  /methods/floor/#more  (and never remove a line)"
    )


def test_build_fails_when_a_published_page_is_removed(tmp_path: Path) -> None:
    config_file = copy_project(tmp_path) / "mkdocs.yml"
    (config_file.parent / "docs/methods/chair.md").unlink()
    (config_file.parent / "docs/methods/chair.poses.yml").unlink()  # its drawings go with it (a poses file beside no page is refused)
    edit(config_file, "      - Chair: methods/chair.md\n", "")
    fix = "under redirect_maps in mkdocs.yml:"
    gone = f"no page at this address; restore the page methods/chair.md, or send it to a page that exists {fix}"
    edit(config_file, "        chair.md: methods/chair.md\n", "")  # the short link goes with it
    shared = " (readers may have shared it: it must keep working)"
    assert gate_error(config_file, tmp_path / "site") == (
        "Cannot publish yet, 1 file to fix:\n"
        # The finder drops its "A chair" group when no method needs a chair any more.
        '  docs/published_urls.txt: /methods/#chair: /methods/ has no id "chair"; put  {#chair}  back on the heading'
        f" that had it (reword the heading freely, keep the id){shared}\n"
        f"  docs/published_urls.txt: /methods/chair/: {gone}  methods/chair.md: <page>.md{shared}\n"
        f"  docs/published_urls.txt: /methods/chair/#before-you-start: {gone}  methods/chair.md: <page>.md{shared}\n"
        f"  docs/published_urls.txt: /methods/chair/#steps: {gone}  methods/chair.md: <page>.md{shared}\n"
        f"  docs/published_urls.txt: /methods/chair/#good-to-know: {gone}  methods/chair.md: <page>.md{shared}\n"
        "  docs/published_urls.txt: /chair/: no page at this address; restore the page chair.md, or send it to a page"
        f" that exists {fix}  chair.md: <page>.md{shared}"
    )


def test_a_redirect_fixes_a_moved_page(tmp_path: Path) -> None:
    """The fix the message gives works: move the page, redirect the old address, keep the ids."""
    config_file = copy_project(tmp_path) / "mkdocs.yml"
    docs = config_file.parent / "docs"
    (docs / "methods/chair.md").rename(docs / "methods/chair-method.md")
    (docs / "methods/chair.poses.yml").rename(docs / "methods/chair-method.poses.yml")  # its drawings move with it
    edit(config_file, "methods/chair.md", "methods/chair-method.md")
    edit(config_file, "        chair.md:", "        methods/chair.md: methods/chair-method.md\n        chair.md:")
    moved = [url.replace("/methods/chair/", "/methods/chair-method/") for url in PUBLISHED if url.startswith("/methods/chair/")]
    (docs / "published_urls.txt").write_text((docs / "published_urls.txt").read_text() + "\n".join(moved) + "\n")
    site = build_site(config_file, tmp_path / "site")
    assert broken_urls(site, PUBLISHED) == []
