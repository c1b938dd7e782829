"""Start and stop the processes of a local cluster (Varnish, HAProxy, app servers) for tests.

Each child runs in a process group of its own with its output in `<log_dir>/<name>.log`, so
that it can be stopped with everything it started, and its log read when something fails.
A Supervisor stops every child it started, by PID, however the test ends. Standard library
only, so that any Python can drive a cluster, inside the virtualenv or not.
"""

import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
VCL_TEMPLATE = REPO / "deploy" / "varnish" / "site.vcl"
HAPROXY_CONFIG = REPO / "deploy" / "haproxy" / "site.cfg"

# Debian puts both daemons in /usr/sbin, which an unprivileged user's PATH often lacks.
SBIN = "/usr/local/sbin:/usr/sbin:/sbin"


class MissingProgram(RuntimeError):
    pass


def find_program(name):
    """The path of `name`, or MissingProgram saying how to install it."""
    path = shutil.which(name) or shutil.which(name, path=SBIN)
    if not path:
        raise MissingProgram(
            f"{name} is not installed: run `make cluster-test`, which installs Debian's "
            "varnish and haproxy packages"
        )
    return path


def free_port(host="127.0.0.1"):
    """A port nothing listens on now (another process could still take it before us)."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


class Process:
    """A child process in its own process group, its output in `<log_dir>/<name>.log`."""

    def __init__(self, name, argv, env=None, cwd=None, log_dir=None):
        self.name = name
        self.argv = [str(arg) for arg in argv]
        log_dir = Path(log_dir) if log_dir else Path(tempfile.mkdtemp(prefix="cluster-logs-"))
        log_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = log_dir / f"{name}.log"
        with open(self.log_path, "ab") as log:
            log.write(f"$ {' '.join(self.argv)}\n".encode())
            log.flush()
            self.popen = subprocess.Popen(
                self.argv,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=cwd,
                start_new_session=True,
            )
        self.pid = self.popen.pid

    def __repr__(self):
        return f"<Process {self.name} pid={self.pid}>"

    def running(self):
        return self.popen.poll() is None

    def log_tail(self, lines=40):
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def check_running(self):
        """Raise with the log's tail if the process has stopped."""
        if not self.running():
            raise RuntimeError(
                f"{self.name} (pid {self.pid}) exited with {self.popen.returncode}:\n"
                + self.log_tail()
            )

    def wait_for_port(self, port, timeout=10, host="127.0.0.1"):
        try:
            return wait_for_port(port, timeout, host=host, process=self)
        except TimeoutError as error:
            raise TimeoutError(f"{error}; {self.name}'s log:\n{self.log_tail()}") from None

    def wait_for_http(self, url, timeout=10, expect_status=None, **kwargs):
        try:
            return wait_for_http(url, timeout, expect_status, process=self, **kwargs)
        except TimeoutError as error:
            raise TimeoutError(f"{error}; {self.name}'s log:\n{self.log_tail()}") from None

    def _signal_group(self, sig):
        # The group's id is the child's PID (start_new_session): this reaches what it started.
        try:
            os.killpg(self.pid, sig)
        except (ProcessLookupError, PermissionError):
            pass

    def stop(self, sig=signal.SIGTERM, timeout=10):
        """Signal the process group, then SIGKILL it if the child has not exited in time."""
        if self.running():
            self._signal_group(sig)
            try:
                self.popen.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self._signal_group(signal.SIGKILL)
                self.popen.wait()
        # Whatever of the group outlived its leader (a daemon's worker) goes too.
        self._signal_group(signal.SIGKILL)
        return self.popen.returncode

    def kill(self):
        return self.stop(signal.SIGKILL)


def start(name, argv, env=None, cwd=None, log_dir=None):
    return Process(name, argv, env=env, cwd=cwd, log_dir=log_dir)


def wait_for_port(port, timeout=10, host="127.0.0.1", process=None):
    """Wait until something accepts connections on host:port."""
    deadline = time.monotonic() + timeout
    while True:
        with socket.socket() as sock:
            sock.settimeout(1)
            if sock.connect_ex((host, port)) == 0:
                return
        if process is not None:
            process.check_running()
        if time.monotonic() > deadline:
            raise TimeoutError(f"nothing listens on {host}:{port} after {timeout}s")
        time.sleep(0.05)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


# Never through a proxy from the environment, never following redirects: the answer of the
# address itself.
_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect)


def wait_for_http(url, timeout=10, expect_status=None, process=None, method="GET", headers=None):
    """Wait until `url` answers (with `expect_status`, when given); return the status.

    A request that was taken waits for its answer until the deadline: giving up on a slow
    first answer (a worker loading the site on a busy machine) and asking again would only
    queue more of the same work behind it.
    """
    deadline = time.monotonic() + timeout
    last = None
    while True:
        request = urllib.request.Request(url, method=method, headers=headers or {})
        try:
            remaining = max(deadline - time.monotonic(), 1)
            with _opener.open(request, timeout=remaining) as response:
                last = response.status
        except urllib.error.HTTPError as error:
            last = error.code
        except (OSError, http.client.HTTPException) as error:
            last = error
        if isinstance(last, int) and (expect_status is None or last == expect_status):
            return last
        if process is not None:
            process.check_running()
        if time.monotonic() > deadline:
            raise TimeoutError(f"{method} {url}: no expected answer after {timeout}s ({last!r})")
        time.sleep(0.05)


class Supervisor:
    """Starts processes and stops all of them, newest first, when the `with` block ends."""

    def __init__(self, log_dir=None, tail_on_failure=True):
        self.log_dir = Path(log_dir) if log_dir else Path(tempfile.mkdtemp(prefix="cluster-"))
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.tail_on_failure = tail_on_failure
        self.processes = []

    def start(self, name, argv, env=None, cwd=None):
        process = start(name, argv, env=env, cwd=cwd, log_dir=self.log_dir)
        self.processes.append(process)
        return process

    def tails(self, lines=40):
        return "\n".join(
            f"----- {process.name} (pid {process.pid}, {process.log_path}) -----\n"
            + process.log_tail(lines)
            for process in self.processes
        )

    def print_tails(self, lines=40, file=None):
        print(self.tails(lines), file=file or sys.stderr, flush=True)

    def stop_all(self):
        errors = []
        for process in reversed(self.processes):
            try:
                process.stop()
            except Exception as error:  # the others must still be stopped
                errors.append(error)
        if errors:
            raise errors[0]

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        try:
            if exc_type is not None and self.tail_on_failure and self.processes:
                self.print_tails()
        finally:
            self.stop_all()
        return False


def render_vcl(template_path, out_path, backend_host, backend_port, purgers):
    """Write the VCL template with its placeholders filled in (see its top comment).

    `purgers`: addresses ("10.0.0.5") or networks ("10.0.0.0/24") allowed to PURGE and BAN."""
    entries = []
    for purger in purgers:
        address, _, bits = str(purger).partition("/")
        entries.append(f'"{address}"/{bits};' if bits else f'"{address}";')
    if not entries:
        raise ValueError("at least one purger address is needed")
    values = {
        "@BACKEND_HOST@": str(backend_host),
        "@BACKEND_PORT@": str(backend_port),
        "@PURGERS@": "\n    ".join(entries),
    }
    lines = Path(template_path).read_text().splitlines(keepends=True)
    found = set()
    for number, line in enumerate(lines):
        # Comments name the placeholders too: they stay as written.
        if line.lstrip().startswith("#"):
            continue
        for placeholder, value in values.items():
            if placeholder in line:
                found.add(placeholder)
                line = line.replace(placeholder, value)
        lines[number] = line
    missing = set(values) - found
    if missing:
        raise ValueError(f"{template_path} has no {', '.join(sorted(missing))}")
    Path(out_path).write_text("".join(lines))
    return Path(out_path)


def start_varnish(sup, vcl_path, port, workdir, name="varnish", params=None, timeout=30):
    """varnishd in the foreground on 127.0.0.1:`port`, its state in `workdir`; returns once the
    VCL is compiled and the cache answers.

    `-j none`: as root, the default jail runs the compiler and the cache as the `varnish` and
    `vcache` users, which cannot read a test's private temporary folder; unprivileged,
    varnishd picks no jail by itself. `-T none`: no management port (nothing here uses it)."""
    argv = [find_program("varnishd"), "-F", "-j", "none"]
    argv += ["-a", f"127.0.0.1:{port}", "-f", Path(vcl_path).resolve()]
    argv += ["-n", Path(workdir).resolve(), "-s", "malloc,64m", "-T", "none"]
    for key, value in (params or {}).items():
        argv += ["-p", f"{key}={value}"]
    process = sup.start(name, argv)
    # varnishd binds its port before compiling the VCL: wait for an answer only a running
    # cache gives. A PURGE is answered by the VCL itself (200 or 403), never the backend.
    process.wait_for_http(
        f"http://127.0.0.1:{port}/.well-known/cluster-ready", timeout, method="PURGE"
    )
    return process


def start_haproxy(sup, cfg=HAPROXY_CONFIG, env=None, name="haproxy", timeout=10):
    """haproxy in the foreground with `cfg`, its addresses from `env` (added to ours); returns
    once it listens on LB_BIND."""
    env = {**os.environ, **(env or {})}
    process = sup.start(name, [find_program("haproxy"), "-db", "-f", Path(cfg).resolve()], env=env)
    host, _, port = env["LB_BIND"].rpartition(":")
    process.wait_for_port(int(port), timeout, host=host or "127.0.0.1")
    return process
