"""A class on a real JupyterHub, on this machine: a teacher and students who are real users.

`Classroom` starts JupyterHub on 127.0.0.1 with the dummy authenticator (one shared
password), configurable-http-proxy from the npm registry, and one operating-system
user per person, each with a private home folder (mode 0700) under a temporary
folder. The course is served to them as a git repository (by `git daemon`, as a
school's GitHub would be), so nbgitpuller links work as they do for a real class,
and nbgrader's exchange lives in a folder every user can reach, as on a school hub.

Everything a person does goes through their own server, as a browser would: the
contents API to read and save notebooks, a kernel (over its websocket) to run cells,
nbgitpuller's API to pull, and nbgrader's Assignments API to fetch and submit. The
teacher runs nbgrader's commands in a kernel on the teacher's server.

Why real users rather than JupyterHub's "simple" spawner (one operating-system user
for everyone): nbgrader names a submission after the operating-system user, and its
exchange keeps students apart by file permissions, so only real users can show who
submitted what, and that students cannot read each other's work.

Creating users needs root (or passwordless sudo). `unavailable()` says, in one line,
what this machine lacks; the tests skip with that line on a laptop and fail in CI.
Every process the class starts is stopped by its id, and every user removed.
"""

from __future__ import annotations

import asyncio
import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COURSE_ID = "trotsky-stalin"
FOLDER = "trotsky-stalin-course"  # the repository's name, and the folder it is pulled into
PASSWORD = "class-password"
PREFIX = "ctc"  # every user a class creates is named ctcXXXX-..., XXXX random


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _sudo() -> list[str]:
    return [] if _is_root() else ["sudo", "-n"]


def unavailable() -> str | None:
    """Why this machine cannot run a class on a hub, in one line (None if it can)."""
    if os.name != "posix":
        return "a class on a hub needs Linux (it creates users)"
    if not _is_root():
        sudo = shutil.which("sudo")
        if not sudo or subprocess.run([sudo, "-n", "true"], capture_output=True).returncode:
            return "creating the class's users needs root or passwordless sudo"
    for tool in ("useradd", "userdel", "git", "npm", "node"):
        if not (shutil.which(tool) or Path(f"/usr/sbin/{tool}").exists()):
            return f"the command {tool} is missing"
    if subprocess.run(["git", "daemon", "-h"], capture_output=True).returncode not in (0, 129):
        return "git daemon is missing (Debian: apt-get install git-daemon-sysvinit or git)"
    for module in ("jupyterhub", "nbgitpuller", "nbgrader", "tornado"):
        try:
            __import__(module)
        except ImportError:
            return f"the {module} package is not installed (pip install -e '.[test]')"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _root_run(*command: str, check: bool = True) -> subprocess.CompletedProcess:
    found = shutil.which(command[0]) or f"/usr/sbin/{command[0]}"
    result = subprocess.run([*_sudo(), found, *command[1:]], capture_output=True, text=True,
                            timeout=120)
    if check and result.returncode:
        raise RuntimeError(f"{' '.join(command)} failed: {result.stderr.strip()[-300:]}")
    return result


def _pids_of(uid: int) -> list[int]:
    """Every running process that belongs to a user."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    found.append(int(entry.name))
            except FileNotFoundError:
                pass
    return found


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


class Kernel:
    """A kernel on a person's server, run over its websocket as JupyterLab runs it."""

    def __init__(self, person: Person, notebook_path: str):
        self.person = person
        session = person.api("POST", "api/sessions", {
            "path": notebook_path, "type": "notebook", "name": Path(notebook_path).name,
            "kernel": {"name": "python3"}})
        self.session_id, self.kernel_id = session["id"], session["kernel"]["id"]
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self.loop)  # tornado looks for this thread's loop
        self.client_session = uuid.uuid4().hex
        self.socket = self.loop.run_until_complete(self._connect())

    async def _connect(self):
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        url = (self.person.server_url.replace("http://", "ws://")
               + f"api/kernels/{self.kernel_id}/channels?session_id={self.client_session}")
        request = HTTPRequest(url, headers={"Authorization": f"token {self.person.token}"},
                              request_timeout=120)
        return await websocket_connect(request, max_message_size=64 * 1024 * 1024)

    def run(self, code: str, timeout: float = 300) -> list[dict]:
        """Run code; return its outputs in the notebook's format (stream, display, error)."""
        return self.loop.run_until_complete(self._run(code, timeout))

    async def _run(self, code: str, timeout: float) -> list[dict]:
        msg_id = uuid.uuid4().hex
        await self.socket.write_message(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": "execute_request", "session":
                       self.client_session, "username": self.person.name, "version": "5.3",
                       "date": datetime.now(timezone.utc).isoformat()},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": True,
                        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}}))
        outputs: list[dict] = []
        replied = idle = False
        deadline = time.monotonic() + timeout
        while not (replied and idle):
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"{self.person.name}: a cell ran longer than {timeout} s")
            raw = await asyncio.wait_for(self.socket.read_message(), left)
            if raw is None:
                raise ConnectionError(f"{self.person.name}: the kernel's websocket closed")
            if isinstance(raw, bytes):
                continue  # a binary (widget buffer) message: not an output
            message = json.loads(raw)
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = message["header"]["msg_type"], message["content"]
            if kind == "execute_reply":
                replied = True
            elif kind == "status" and content.get("execution_state") == "idle":
                idle = True
            elif kind == "stream":
                outputs.append({"output_type": "stream", "name": content["name"],
                                "text": content["text"]})
            elif kind in ("display_data", "execute_result"):
                output = {"output_type": kind, "data": content["data"],
                          "metadata": content.get("metadata", {})}
                if kind == "execute_result":
                    output["execution_count"] = content.get("execution_count")
                outputs.append(output)
            elif kind == "error":
                outputs.append({"output_type": "error", "ename": content["ename"],
                                "evalue": content["evalue"], "traceback": content["traceback"]})
        return outputs

    def close(self) -> None:
        """Close the websocket and shut the kernel down (as closing the notebook's tab does)."""
        self.socket.close()
        self.loop.close()
        self.person.api("DELETE", f"api/sessions/{self.session_id}")


class Person:
    """One member of the class: a user of the machine and of the hub, with a server."""

    def __init__(self, classroom: Classroom, name: str):
        self.classroom, self.name = classroom, name
        self.token = ""

    @property
    def home(self) -> Path:
        return Path(pwd.getpwnam(self.name).pw_dir)

    @property
    def server_url(self) -> str:
        return f"{self.classroom.url}/user/{self.name}/"

    def start_server(self, timeout: float = 300) -> float:
        """Log in (a token), start the server, and wait until it answers; return the seconds."""
        start = time.monotonic()
        self.token = self.classroom.hub_api("POST", f"users/{self.name}/tokens",
                                            {"expires_in": 7200, "note": "class"})["token"]
        self.classroom.hub_api("POST", f"users/{self.name}/server", expect=(201, 202, 400))
        while time.monotonic() - start < timeout:
            user = self.classroom.hub_api("GET", f"users/{self.name}")
            if user.get("servers", {}).get("", {}).get("ready"):
                self.api("GET", "api/status")
                return time.monotonic() - start
            time.sleep(0.5)
        raise TimeoutError(f"{self.name}'s server was not ready after {timeout} s")

    def api(self, method: str, path: str, body=None, timeout: float = 300):
        """A call to this person's own server, with this person's token; its JSON."""
        return _http(method, self.server_url + path, body, self.token, timeout=timeout)

    def pull(self, link: str, timeout: float = 300) -> list[dict]:
        """Follow an nbgitpuller link as its page does: its API, read to the end of the stream."""
        query = urllib.parse.urlparse(link).query
        request = urllib.request.Request(f"{self.server_url}git-pull/api?{query}",
                                         headers={"Authorization": f"token {self.token}"})
        events = []
        with urllib.request.urlopen(request, timeout=timeout) as stream:
            for raw in stream:
                line = raw.decode("utf-8").strip()
                if line.startswith("data: "):
                    events.append(json.loads(line[6:]))
                    if events[-1].get("phase") in ("finished", "error"):
                        break
        if not events or events[-1].get("phase") != "finished":
            raise RuntimeError(f"{self.name}'s pull did not finish: {events[-1:]}")
        return events

    def read_notebook(self, path: str) -> dict:
        return self.api("GET", f"api/contents/{urllib.parse.quote(path)}?content=1")["content"]

    def save_notebook(self, path: str, notebook: dict) -> None:
        self.api("PUT", f"api/contents/{urllib.parse.quote(path)}",
                 {"type": "notebook", "format": "json", "content": notebook})

    def run_notebook(self, path: str, stop_on_error: bool = True, before_closing=None) -> dict:
        """Run every code cell of a saved notebook in a kernel of this person's server, top
        to bottom as Run All does, and save it with its outputs; return the notebook.

        ``before_closing(kernel)``, if given, is called after the last cell, while the
        lesson's kernel is still open (to run more code in it, or to measure it).
        """
        notebook = self.read_notebook(path)
        kernel = Kernel(self, path)
        try:
            count = 0
            for cell in notebook["cells"]:
                if cell["cell_type"] != "code":
                    continue
                source = cell["source"] if isinstance(cell["source"], str) else "".join(
                    cell["source"])
                count += 1
                cell["outputs"] = kernel.run(source)
                cell["execution_count"] = count
                if stop_on_error and any(o["output_type"] == "error" for o in cell["outputs"]):
                    break
            if before_closing is not None:
                before_closing(kernel)
        finally:
            kernel.close()
        self.save_notebook(path, notebook)
        return notebook

    def nbgrader(self, action: str, assignment: str) -> dict:
        """Fetch or submit, as the Assignments tab of JupyterLab does."""
        return self.api("POST", f"assignments/{action}",
                        {"course_id": COURSE_ID, "assignment_id": assignment})

    def processes(self) -> list[int]:
        return _pids_of(pwd.getpwnam(self.name).pw_uid)

    def memory_mib(self) -> float:
        """The resident memory of every process of this person (server and kernels), MiB."""
        return sum(_rss_kib(pid) for pid in self.processes()) / 1024


def _http(method: str, url: str, body=None, token: str = "", timeout: float = 120,
          expect=(200, 201, 202, 204)):
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(url, data=data, method=method, headers={
        "Authorization": f"token {token}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, text = response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode("utf-8", "replace")
    if status not in expect:
        raise RuntimeError(f"{method} {url} answered {status}: {text[:300]}")
    return json.loads(text) if text.strip() else {}


class Classroom:
    """A hub with a teacher and ``students`` students; use it in a ``with`` block."""

    def __init__(self, students: int = 3, course: Path = ROOT):
        self.course = course
        self.tag = PREFIX + secrets.token_hex(2)
        self.base = Path(tempfile.mkdtemp(prefix=f"{self.tag}-class-"))
        self.teacher = Person(self, f"{self.tag}-teacher")
        self.students = [Person(self, f"{self.tag}-s{n:02d}") for n in range(1, students + 1)]
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.service_token = secrets.token_hex(24)
        self.hub: subprocess.Popen | None = None
        self.git: subprocess.Popen | None = None
        self.server_pids: dict[str, int] = {}
        self.users_made: list[str] = []

    @property
    def people(self) -> list[Person]:
        return [self.teacher, *self.students]

    @property
    def exchange(self) -> Path:
        return self.base / "exchange"

    # --- setting up ---------------------------------------------------------------
    def __enter__(self) -> Classroom:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> None:
        """Users, the course repository, the exchange, the proxy, and the hub."""
        reason = unavailable()
        if reason:
            raise RuntimeError(reason)
        self.base.chmod(0o755)
        for folder in ("homes", "git", "etc", "hub", "proxy"):
            (self.base / folder).mkdir()
        self.exchange.mkdir()
        self.exchange.chmod(0o777)  # as nbgrader's documentation sets up a shared exchange
        self._make_users()
        self._share_python()
        self._make_repository()
        self._install_proxy()
        (self.base / "etc" / "nbgrader_config.py").write_text(
            "c = get_config()  # noqa: F821\n"
            f"c.CourseDirectory.course_id = {COURSE_ID!r}\n"
            f"c.Exchange.root = {str(self.exchange)!r}\n", "utf-8")
        self._start_git_daemon()
        self._start_hub()

    def _make_users(self) -> None:
        for person in self.people:
            home = self.base / "homes" / person.name
            _root_run("useradd", "--create-home", "--home-dir", str(home), "--user-group",
                      "--shell", "/bin/bash", person.name)
            self.users_made.append(person.name)
            _root_run("chmod", "0700", str(home))

    def commit(self, message: str, change=None) -> str:
        """The teacher's change to the course, committed and pushed; returns the commit id."""
        work = self.base / "source"
        if change is not None:
            change(work)
        git = ["git", "-C", str(work), "-c", "user.name=Teacher",
               "-c", "user.email=teacher@school.example"]
        subprocess.run([*git, "add", "-A"], check=True, capture_output=True)
        subprocess.run([*git, "commit", "-q", "-m", message], check=True, capture_output=True)
        subprocess.run([*git, "push", "-q", "origin", "main"], check=True, capture_output=True)
        return subprocess.run([*git, "rev-parse", "HEAD"], check=True, capture_output=True,
                              text=True).stdout.strip()

    def _make_repository(self) -> None:
        """The course as it stands (tracked and new files, not ignored ones), as one commit."""
        work = self.base / "source"
        listed = subprocess.run(["git", "-C", str(self.course), "ls-files", "-co",
                                 "--exclude-standard", "-z"], capture_output=True, check=True)
        for name in filter(None, listed.stdout.decode("utf-8").split("\0")):
            source = self.course / name
            if source.is_file():
                (work / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, work / name)
        bare = self.base / "git" / f"{FOLDER}.git"
        subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(bare)], check=True)
        subprocess.run(["git", "-C", str(work), "init", "-q", "-b", "main"], check=True)
        subprocess.run(["git", "-C", str(work), "remote", "add", "origin", str(bare)], check=True)
        self.commit("The course")

    @property
    def repo_url(self) -> str:
        return f"git://127.0.0.1:{self.git_port}/{FOLDER}.git"

    def _start_git_daemon(self) -> None:
        self.git_port = _free_port()
        self.git = subprocess.Popen(
            ["git", "daemon", "--reuseaddr", "--export-all", "--listen=127.0.0.1",
             f"--port={self.git_port}", f"--base-path={self.base / 'git'}",
             str(self.base / "git")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.git_port)) == 0:
                    return
            time.sleep(0.1)
        raise RuntimeError("git daemon did not start")

    def _install_proxy(self) -> None:
        result = subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund",
                                 "--prefix", str(self.base / "proxy"),
                                 "configurable-http-proxy@4"],
                                capture_output=True, text=True, timeout=600)
        if result.returncode:
            raise RuntimeError("configurable-http-proxy could not be installed from the npm "
                               f"registry: {result.stderr.strip()[-300:]}")

    def _as_user(self, name: str, *command: str, env: dict | None = None):
        """Run a command as one of the class's users (not through the hub): a probe."""
        settings = [f"{k}={v}" for k, v in (env or {}).items()]
        prefix = ["runuser", "-u", name, "--"] if _is_root() else ["sudo", "-n", "-u", name]
        return subprocess.run([*prefix, "env", *settings, *command], capture_output=True,
                              text=True, timeout=120, cwd="/")

    def _share_python(self) -> None:
        """The Python the class's servers run: this one, if every user can run it as it is.

        A Python installed in a private folder (e.g. pyenv under /root) runs, for other
        users, on the system's own library instead, another version. Then the class gets
        a copy of this Python's standard library in its folder, and an environment there
        that uses this one's packages (the same versions, nothing installed).
        """
        self.bin = Path(sys.executable).parent
        self.user_env: dict[str, str] = {}
        self.config_path = [str(self.base / "etc")]
        probe = [str(self.bin / "python"), "-c", "import sys; print(sys.version)"]
        if self._as_user(self.teacher.name, *probe).stdout.strip() == sys.version:
            return
        copy = self.base / "python"
        shutil.copytree(sys.base_prefix, copy, symlinks=True,
                        ignore=lambda folder, names: [n for n in names if n in (
                            "site-packages", "test") and Path(folder).name.startswith("python")])
        env = self.base / "env"
        here = Path(sys.prefix)  # this environment's Jupyter settings and extensions
        self.user_env = {"LD_LIBRARY_PATH": str(copy / "lib"),
                         "JUPYTER_PATH": str(here / "share" / "jupyter")}
        self.config_path.append(str(here / "etc" / "jupyter"))
        version = f"python{sys.version_info.major}.{sys.version_info.minor}"
        subprocess.run([str(copy / "bin" / version), "-m", "venv", "--without-pip", str(env)],
                       check=True, capture_output=True, env={**os.environ, **self.user_env})
        ours = Path(sysconfig.get_paths()["purelib"])
        theirs = env / "lib" / version / "site-packages"
        (theirs / "class-shares-the-course-environment.pth").write_text(
            f"import site; site.addsitedir({str(ours)!r})\n", "utf-8")
        for script in self.bin.iterdir():  # console scripts, pointed at the class's Python
            target = env / "bin" / script.name
            if target.exists() or not script.is_file():
                continue
            head = script.read_bytes()[:200]
            if head.startswith(b"#!") and str(self.bin).encode() in head.split(b"\n")[0]:
                lines = script.read_text("utf-8").split("\n")
                lines[0] = f"#!{env / 'bin' / 'python'}"
                target.write_text("\n".join(lines), "utf-8")
                target.chmod(0o755)
        self.bin = env / "bin"
        check = self._as_user(self.teacher.name, str(self.bin / "python"), "-c",
                              "import sys, helpers, nbgrader, jupyterhub; print(sys.version)",
                              env=self.user_env)
        if check.stdout.strip() != sys.version:
            raise RuntimeError("the class's users cannot run this Python: "
                               f"{(check.stderr or check.stdout).strip()[-300:]}")

    def _start_hub(self) -> None:
        python = Path(sys.executable)
        users = sorted(p.name for p in self.people)
        config = self.base / "hub" / "jupyterhub_config.py"
        config.write_text("\n".join([
            "c = get_config()  # noqa: F821",
            "c.JupyterHub.ip = '127.0.0.1'",
            f"c.JupyterHub.port = {self.port}",
            "c.JupyterHub.hub_ip = '127.0.0.1'",
            f"c.JupyterHub.hub_port = {_free_port()}",
            f"c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:{_free_port()}'",
            "c.ConfigurableHTTPProxy.command = "
            f"[{str(self.base / 'proxy' / 'node_modules' / '.bin' / 'configurable-http-proxy')!r}]",
            f"c.JupyterHub.db_url = 'sqlite:///{self.base / 'hub' / 'jupyterhub.sqlite'}'",
            f"c.JupyterHub.cookie_secret_file = {str(self.base / 'hub' / 'cookie_secret')!r}",
            "c.JupyterHub.authenticator_class = 'dummy'",
            f"c.DummyAuthenticator.password = {PASSWORD!r}",
            f"c.Authenticator.allowed_users = set({users!r})",
            f"c.Authenticator.admin_users = {{{self.teacher.name!r}}}",
            # one process per user, run as that user (the hub runs as root)
            "c.JupyterHub.spawner_class = 'localprocess'",
            f"c.Spawner.cmd = [{str(self.bin / 'jupyterhub-singleuser')!r}]",
            "c.Spawner.default_url = '/lab'",
            "c.Spawner.start_timeout = 600",
            "c.Spawner.http_timeout = 600",
            f"c.Spawner.environment = {{'JUPYTER_CONFIG_PATH': "
            f"{os.pathsep.join(self.config_path)!r}, **{self.user_env!r}}}",
            "c.JupyterHub.services = [{'name': 'class-harness', 'api_token': "
            f"{self.service_token!r}}}]",
            "c.JupyterHub.load_roles = [{'name': 'class-harness', 'services': ['class-harness'],"
            " 'scopes': ['admin:users', 'admin:servers', 'admin:server_state', 'tokens',"
            " 'access:servers', 'list:users', 'read:users']}]",
            "c.JupyterHub.concurrent_spawn_limit = 300",
            ""]), "utf-8")
        env = {**os.environ, "PATH": f"{self.bin}{os.pathsep}{os.environ.get('PATH', '')}"}
        env.pop("JUPYTER_CONFIG_DIR", None)
        log = open(self.base / "hub" / "hub.log", "wb")  # noqa: SIM115 (closed with the hub)
        command = [str(python), "-m", "jupyterhub", "-f", str(config)]
        if not _is_root():
            command = ["sudo", "-n", "--preserve-env=PATH", *command]
        self.hub = subprocess.Popen(command, cwd=self.base / "hub", env=env, stdout=log,
                                    stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        start = time.monotonic()
        while time.monotonic() - start < 120:
            if self.hub.poll() is not None:
                raise RuntimeError(f"the hub stopped at once: {self.log_tail()}")
            try:
                self.hub_api("GET", "")
                return
            except (OSError, RuntimeError):
                time.sleep(0.5)
        raise RuntimeError(f"the hub did not answer within 120 s: {self.log_tail()}")

    def log_tail(self, lines: int = 15) -> str:
        """The end of the hub's log (for a failure message)."""
        path = self.base / "hub" / "hub.log"
        text = path.read_text("utf-8", "replace") if path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def hub_api(self, method: str, path: str, body=None, expect=(200, 201, 202, 204)):
        """A call to the hub's REST API with the harness's service token."""
        return _http(method, f"{self.url}/hub/api/{path}", body, self.service_token,
                     expect=expect)

    def start_servers(self, people: list[Person]) -> dict[str, float]:
        """Start the servers of ``people`` at the same moment; each one's seconds to ready."""
        times: dict[str, float] = {}
        errors: list[BaseException] = []

        def start(person: Person) -> None:
            try:
                times[person.name] = person.start_server()
            except BaseException as error:  # noqa: BLE001 (reported below)
                errors.append(error)

        threads = [threading.Thread(target=start, args=(p,)) for p in people]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if errors:
            raise errors[0]
        for person in people:
            state = self.hub_api("GET", f"users/{person.name}").get("servers", {}).get("", {})
            pid = state.get("state", {}).get("pid")
            if pid:
                self.server_pids[person.name] = pid
        return times

    # --- tearing down -------------------------------------------------------------
    def stop(self) -> None:
        """Stop every process the class started (by id), remove its users and its folder."""
        if self.hub is not None and self.hub.poll() is None:
            for person in self.people:
                if person.name in self.server_pids:
                    try:
                        self.hub_api("DELETE", f"users/{person.name}/server",
                                     expect=(202, 204, 400, 404))
                    except (OSError, RuntimeError):
                        pass
            self._signal(self.hub.pid, signal.SIGTERM)
            try:
                self.hub.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._signal(self.hub.pid, signal.SIGKILL, group=True)
                self.hub.wait(timeout=30)
        if self.git is not None and self.git.poll() is None:
            self.git.terminate()
            self.git.wait(timeout=30)
        for name in self.users_made:
            try:
                uid = pwd.getpwnam(name).pw_uid
            except KeyError:
                continue
            for pid in _pids_of(uid):  # a server or kernel left behind, by its id
                self._signal(pid, signal.SIGKILL)
            for _ in range(50):
                if not _pids_of(uid):
                    break
                time.sleep(0.1)
            _root_run("userdel", "--remove", name, check=False)
        self.users_made = []
        if self.base.exists():
            if _is_root():
                shutil.rmtree(self.base, ignore_errors=True)
            else:
                _root_run("rm", "-rf", str(self.base), check=False)

    @staticmethod
    def _signal(pid: int, sig: int, group: bool = False) -> None:
        try:
            if _is_root():
                (os.killpg if group else os.kill)(pid, sig)
            else:
                target = f"-{pid}" if group else str(pid)
                subprocess.run(["sudo", "-n", "kill", f"-{int(sig)}", target],
                               capture_output=True, timeout=30)
        except (ProcessLookupError, PermissionError):
            pass
