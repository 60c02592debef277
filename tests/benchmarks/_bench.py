"""What the benchmarks share: running timed children, reporting ratios, checking goals.

A benchmark never asserts a timing unless ``SPECLOOM_BENCH_STRICT=1``; otherwise it
prints "goal met" / "goal MISSED" with the numbers. Every report is also appended to
the file named by ``SPECLOOM_BENCH_RESULTS`` (set by this folder's conftest) so the
terminal summary shows the ratios without ``-s`` and under pytest-xdist.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NoReturn

import pytest


class BenchmarkReport(UserWarning):
    """Carries a benchmark's numbers to the warnings summary when no other channel reaches the terminal."""


STRICT = os.environ.get("SPECLOOM_BENCH_STRICT") == "1"
RESULTS_ENV = "SPECLOOM_BENCH_RESULTS"


@dataclass(frozen=True)
class Goal:
    description: str
    met: bool


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:.1f} ms"


def report(title: str, lines: Sequence[str], goals: Sequence[Goal]) -> None:
    """Print the measurements and each goal's verdict; in strict mode fail on a missed goal."""
    text = [f"== {title}", *(f"   {line}" for line in lines)]
    text += [f"   goal {'met' if goal.met else 'MISSED'}: {goal.description}" for goal in goals]
    print("\n" + "\n".join(text), flush=True)
    results = os.environ.get(RESULTS_ENV)
    if results:
        with open(results, "a", encoding="utf-8") as out:
            out.write(json.dumps(text) + "\n")
    elif os.environ.get("PYTEST_XDIST_WORKER"):
        # An xdist controller that never loaded this folder's conftest: the warnings summary still shows it.
        warnings.warn("\n".join(text), BenchmarkReport, stacklevel=2)
    if STRICT:
        missed = [goal.description for goal in goals if not goal.met]
        assert not missed, f"{title}: goal missed: {'; '.join(missed)}"


@dataclass(frozen=True)
class ChildRun:
    wall: float  # seconds, from spawn to exit
    returncode: int
    max_rss_kib: int  # peak resident set of the child (and any children it waited for)
    cpu: float  # seconds of user + system CPU of the child and its waited-for children
    stdout: str
    stderr: str


# Spawns the measured command from a small fresh interpreter and reports its rusage. Spawning it
# straight from pytest would charge pytest's own resident size to the child: Linux carries the
# peak RSS of the memory image a process had before exec (pytest's, after fork or vfork) into
# its ru_maxrss.
_SPAWNER = """\
import json, os, sys, time
report, argv = sys.argv[1], sys.argv[2:]
started = time.perf_counter()
pid = os.posix_spawn(argv[0], argv, dict(os.environ))
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - started
with open(report, "w") as out:
    json.dump({"wall": wall, "code": os.waitstatus_to_exitcode(status), "max_rss_kib": usage.ru_maxrss,
               "cpu": usage.ru_utime + usage.ru_stime}, out)
"""


def run_child(
    argv: Sequence[str], *, env: Mapping[str, str] | None = None, cwd: Path | None = None, timeout: float = 300
) -> ChildRun:
    """Run ``argv`` (an absolute executable first) and measure its wall time, CPU time and peak memory."""
    with tempfile.TemporaryDirectory(prefix="specloom-bench-run-") as scratch:
        report_path = Path(scratch) / "rusage.json"
        with open(Path(scratch) / "stdout", "w+b") as out, open(Path(scratch) / "stderr", "w+b") as err:
            spawner = subprocess.Popen(
                [sys.executable, "-c", _SPAWNER, str(report_path), *argv],
                stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env, cwd=cwd, start_new_session=True,
            )  # fmt: skip
            try:
                spawner.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(spawner.pid, signal.SIGKILL)
                spawner.wait()
                raise AssertionError(f"benchmark child timed out after {timeout} s: {' '.join(argv)}") from None
            out.seek(0)
            err.seek(0)
            stdout = out.read().decode("utf-8", "replace")
            stderr = err.read().decode("utf-8", "replace")
        assert spawner.returncode == 0 and report_path.exists(), f"could not run {argv[0]}:\n{stderr[-3000:]}"
        usage = json.loads(report_path.read_text())
    return ChildRun(usage["wall"], usage["code"], usage["max_rss_kib"], usage["cpu"], stdout, stderr)


@dataclass(frozen=True)
class Paired:
    """Rounds of a specloom command and its anchor, measured alternately."""

    ours: list[ChildRun]
    anchor: list[ChildRun]

    @property
    def ours_wall(self) -> float:
        return median([r.wall for r in self.ours])

    @property
    def anchor_wall(self) -> float:
        return median([r.wall for r in self.anchor])

    @property
    def ratio(self) -> float:
        """specloom's median wall time over the anchor's."""
        return self.ours_wall / self.anchor_wall

    @property
    def ours_cpu(self) -> float:
        return median([r.cpu for r in self.ours])

    @property
    def anchor_cpu(self) -> float:
        return median([r.cpu for r in self.anchor])

    @property
    def cpu_ratio(self) -> float:
        return self.ours_cpu / self.anchor_cpu


def alternate(
    ours: Callable[[str], ChildRun],
    anchor: Callable[[str], ChildRun],
    rounds: int,
    *,
    more: Callable[[Paired], bool] = lambda paired: True,
) -> Paired:
    """Run ``rounds`` rounds of both commands (each called with the round's tag), alternating which goes
    first so drift in machine load hits both alike (the anchor first in even rounds). ``more`` is asked
    after each round whether the next one is worth running."""
    paired = Paired([], [])
    for i in range(rounds):
        if i % 2 == 0:
            paired.anchor.append(anchor(str(i)))
            paired.ours.append(ours(str(i)))
        else:
            paired.ours.append(ours(str(i)))
            paired.anchor.append(anchor(str(i)))
        if not more(paired):
            break
    return paired


def walls(runs: Sequence[ChildRun]) -> list[float]:
    return [round(r.wall, 2) for r in runs]


@contextmanager
def tmpfs_dir(fallback: Path) -> Iterator[Path]:
    """A fresh folder on tmpfs (``/dev/shm``) when there is one, removed afterwards; else ``fallback``.

    Generators write thousands of small files; on this workplace's shared disks the cost of
    creating a file swings from ~0.2 to ~2 ms between minutes, which would swamp the
    generators' own work. specloom and its anchor always get the same folder kind.
    """
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        root = Path(tempfile.mkdtemp(prefix="specloom-bench-", dir=shm))
        try:
            yield root
        finally:
            shutil.rmtree(root, ignore_errors=True)
    else:
        yield fallback


def python_env(pycache: Path) -> dict[str, str]:
    """The environment for measured Python children: bytecode cached (as an installed package has it).

    Bytecode goes to ``pycache`` (PYTHONPYCACHEPREFIX) so nothing is written beside the
    sources, and PYTHONDONTWRITEBYTECODE is dropped so a warm-up run fills that cache.
    Anchor and specloom children get the same environment.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def python_snippet(code: str, *, env: Mapping[str, str], timeout: float = 120) -> tuple[ChildRun, Any]:
    """Run ``code`` in a fresh interpreter; its last stdout line is JSON, returned parsed."""
    run = run_child([sys.executable, "-c", code], env=env, timeout=timeout)
    assert run.returncode == 0, f"benchmark child failed ({run.returncode}):\n{run.stderr[-3000:]}"
    return run, json.loads(run.stdout.strip().splitlines()[-1])


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stall
    body = b"{}"

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _answer

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def loopback_server() -> Iterator[str]:
    """A tiny HTTP/1.1 server on 127.0.0.1 answering every request 200 ``{}``; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextmanager
def server_process(code: str) -> Iterator[str]:
    """Run ``code`` (a Python program serving HTTP on 127.0.0.1, the port its first argument) in its own
    process, so its work does not compete for the client's GIL; yields its base URL once it accepts."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    proc = subprocess.Popen([sys.executable, "-c", code, str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.05)
    else:
        proc.kill()
        raise RuntimeError(f"the benchmark server did not start: {proc.stderr.read().decode() if proc.stderr else ''}")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def unavailable(reason: str) -> NoReturn:
    """A benchmark that cannot run here: a failure in strict mode, else a skip that says why."""
    if STRICT:
        pytest.fail(reason)
    pytest.skip(reason)


def _installed_version(venv: Path, distribution: str) -> str | None:
    python = venv / "bin" / "python"
    if not python.exists():
        return None
    probe = subprocess.run([str(python), "-c", f"import importlib.metadata as m; print(m.version({distribution!r}))"],
                           check=False, capture_output=True, text=True)
    return probe.stdout.strip() if probe.returncode == 0 else None


def pinned_venv(venv: Path, distribution: str, version: str) -> Path:
    """A venv holding ``distribution==version`` (an anchor tool with pins of its own): made on first use, then reused."""
    if _installed_version(venv, distribution) == version:
        return venv
    steps = (
        [sys.executable, "-m", "venv", "--clear", str(venv)],
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         f"{distribution}=={version}"],
    )  # fmt: skip
    for step in steps:
        try:
            done = subprocess.run(step, check=False, capture_output=True, text=True, timeout=600)
        except subprocess.TimeoutExpired:
            unavailable(f"could not set up {distribution} {version}: {' '.join(step)} timed out")
        if done.returncode != 0:
            unavailable(f"could not set up {distribution} {version} in {venv}: "
                        f"{' '.join(step)} exited {done.returncode}: {done.stderr.strip()[-800:]}")
    if _installed_version(venv, distribution) != version:
        unavailable(f"{distribution} {version} did not install into {venv}")
    return venv

