"""A real JupyterLab, driven by a real (headless) Chromium through Playwright.

On a teacher's laptop without Chromium these tests skip, saying how to enable
them. With CI=true they never skip: a missing browser is a failure
(`python3 run.py test` installs Debian's chromium in CI).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
TOKEN = "course-browser-test"
CHROME_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def lab(chromium_path):
    """A JupyterLab server on a private port, config and data dirs, serving a temp folder."""
    home = Path(tempfile.mkdtemp(prefix="course-lab-"))
    root = home / "root"
    root.mkdir()
    port = _free_port()
    # The students' JupyterLab settings (binder/overrides.json), as user settings here.
    overrides = json.loads((ROOT / "binder" / "overrides.json").read_text("utf-8"))
    for plugin, values in overrides.items():
        package, name = plugin.split(":")
        folder = home / "settings" / package
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.jupyterlab-settings").write_text(json.dumps(values))
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(home / "config"),
           "JUPYTER_DATA_DIR": str(home / "data"), "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
           "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
           "COURSE_EVIDENCE_BANK": str(home / "evidence-bank.json")}
    # The kernel must find the same Python (with helpers) as the server.
    command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}",
               "--ip=127.0.0.1", f"--ServerApp.token={TOKEN}", f"--ServerApp.root_dir={root}",
               "--ServerApp.open_browser=False"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    log = open(home / "server.log", "w")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{base}/api/status?token={TOKEN}", timeout=2)
                break
            except OSError:
                if server.poll() is not None:
                    raise RuntimeError((home / "server.log").read_text()[-3000:]) from None
                time.sleep(0.5)
        else:
            raise RuntimeError("JupyterLab did not start within 60 s")
        yield {"base": base, "root": root, "token": TOKEN, "chromium": chromium_path,
               "bank": home / "evidence-bank.json"}
    finally:
        server.terminate()  # stop the server we started, by its own PID
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture
def browser_page(lab):
    """A fresh Chromium profile and page; errors on the page are collected."""
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="course-chromium-")
    errors: list[str] = []
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            user_data_dir=profile, executable_path=lab["chromium"], headless=True,
            args=CHROME_ARGS, viewport={"width": 1300, "height": 1000})
        page = context.pages[0] if context.pages else context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        console: list[str] = []
        page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
        page.errors = errors
        page.console_errors = console
        try:
            yield page
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)


def write_notebook(folder: Path, name: str, sources: list[str]) -> Path:
    """Write a notebook of code cells, with a kernelspec so no kernel dialog appears."""
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(source) for source in sources]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)",
                                       "language": "python"}
    path = folder / name
    nbformat.write(notebook, path)
    return path


def delete_sessions(lab, path: str) -> None:
    """Forget earlier kernels for this notebook, so each test starts fresh."""
    url = f"{lab['base']}/api/sessions?token={lab['token']}"
    for session in json.load(urllib.request.urlopen(url)):
        if session.get("path") == path:
            request = urllib.request.Request(
                f"{lab['base']}/api/sessions/{session['id']}?token={lab['token']}",
                method="DELETE")
            urllib.request.urlopen(request)
