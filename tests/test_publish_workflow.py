"""The Pages workflow builds the site that ships: its build job's commands, run in a clean clone as GitHub runs them.

`.github/workflows/publish.yml`'s `build` job is read, and each of its `run:` steps runs in
order, with `bash -e`, in a fresh `git clone` of this checkout (with its uncommitted changes,
as the next commit would have them), with CI=true and the runner's variables. The `uses:`
steps are the runner's: the checkout is the clone, Python and Node are this machine's.
The folder the job uploads must then be the optimised, checked site, for the Pages address.
It takes a minute or two: a new .venv and `npm ci` in the clone, then one build.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import yaml
from project import ROOT

from backguide import html, optimise
from backguide.check_site import check_site
from backguide.csp import check_policy

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
PAGES_URL = "https://example.github.io/crack-your-back"
# The values of the workflow's expressions on a runner; the test fails on any other expression.
EXPRESSIONS = {"steps.pages.outputs.base_url": PAGES_URL}
RUNNER = {"CI": "true", "GITHUB_ACTIONS": "true", "RUNNER_OS": "Linux", "RUNNER_ARCH": "X64", "GITHUB_REF": "refs/heads/main"}
# Variables of this session that a runner would not have, and that would change the build.
NOT_ON_A_RUNNER = ("SITE_URL", "SOURCE_DATE_EPOCH", "VIRTUAL_ENV", "REQUIRE_AUDIT_TOOLS", "REQUIRE_BROWSER", "MAKEFLAGS", "MAKELEVEL")


def build_job() -> dict:
    return yaml.safe_load(WORKFLOW.read_text())["jobs"]["build"]


def expanded(text: str) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1).strip()
        assert name in EXPRESSIONS, f"publish.yml uses ${{{{ {name} }}}}; give this test its value on a runner"
        return EXPRESSIONS[name]

    return re.sub(r"\$\{\{(.*?)\}\}", value, str(text))


def uploaded_folder(job: dict) -> str:
    [upload] = [step for step in job["steps"] if str(step.get("uses", "")).startswith("actions/upload-pages-artifact")]
    return upload["with"]["path"]


def clean_clone(dest: Path) -> Path:
    """A clone of this checkout with its uncommitted changes and new files, as the next commit would have them."""
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(dest)], check=True)
    diff = subprocess.run(["git", "diff", "HEAD", "--binary"], cwd=ROOT, check=True, capture_output=True).stdout
    if diff:
        subprocess.run(["git", "apply", "--whitespace=nowarn"], cwd=dest, input=diff, check=True)
    untracked = subprocess.run(["git", "ls-files", "--others", "--exclude-standard", "-z"], cwd=ROOT, check=True,
                               capture_output=True, text=True).stdout
    for name in filter(None, untracked.split("\0")):
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, dest / name)
    return dest


def test_the_workflow_s_build_steps_make_the_optimised_checked_site(tmp_path: Path) -> None:
    job = build_job()
    clone = clean_clone(tmp_path / "checkout")
    environment = {name: value for name, value in os.environ.items() if name not in NOT_ON_A_RUNNER}
    environment.update(RUNNER, GITHUB_WORKSPACE=str(clone))
    ran = []
    for step in job["steps"]:
        if "run" not in step:
            continue
        step_environment = {**environment, **{name: expanded(value) for name, value in step.get("env", {}).items()}}
        finished = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=clone / step.get("working-directory", "."),
                                  env=step_environment, capture_output=True, text=True, timeout=900)
        assert finished.returncode == 0, f"step {step.get('name', step['run'])!r} failed:\n{finished.stdout[-3000:]}\n{finished.stderr[-3000:]}"
        ran.append(step["run"])
    assert "make build" in ran

    site = clone / uploaded_folder(job)
    assert optimise.is_optimised(site), "the uploaded site was not optimised"
    checked, problems = check_site(site, clone)
    assert checked >= 5 and problems == []
    assert {page.relative_to(site).as_posix(): check_policy(page.read_text()) for page in site.rglob("*.html")
            if check_policy(page.read_text())} == {}
    canonical = html.parse((site / "methods" / "chair" / "index.html").read_text()).css_first('link[rel="canonical"]')
    assert canonical.attributes["href"] == f"{PAGES_URL}/methods/chair/"
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
