"""Serve the built site with Debian's nginx and gzip, as a static host would, for as long as the audit runs."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

CONFIG_TEMPLATE = Path(__file__).with_name("nginx.conf")


def nginx_config(port: int, root: Path, prefix: Path) -> str:
    return (
        CONFIG_TEMPLATE.read_text()
        .replace("@PORT@", str(port))
        .replace("@ROOT@", str(root))
        .replace("@PREFIX@", str(prefix))
    )


def wait_for_port(port: int, process: subprocess.Popen, log: Path, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx stopped at start:\n{log.read_text()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nginx did not listen on 127.0.0.1:{port} within {seconds} s")


@contextmanager
def nginx(root: Path, port: int, prefix: Path) -> Iterator[str]:
    """http://127.0.0.1:PORT/ serving `root`; nginx runs in the foreground and is stopped on exit."""
    executable = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(executable).exists():
        raise RuntimeError("no nginx: install Debian's 'nginx' package (apt-get install nginx)")
    prefix.mkdir(parents=True, exist_ok=True)
    config = prefix / "nginx.conf"
    config.write_text(nginx_config(port, root, prefix))
    log = prefix / "error.log"
    # -e: nginx logs to stderr (this file) from the start, never to /var/log/nginx.
    with log.open("w") as stderr:
        process = subprocess.Popen(
            [executable, "-p", str(prefix), "-e", "stderr", "-c", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    try:
        wait_for_port(port, process, log)
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
