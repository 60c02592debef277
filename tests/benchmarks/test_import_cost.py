"""Import cost: ``import runai`` + constructing a Client vs importing the dependencies alone.

In fresh interpreters, alternating, the median time of
``import runai; c = runai.Client(base_url=...)`` against the anchor
``import httpx, attrs, pluggy``. Goal: at most 1.2x the anchor; and lazy loading:
no group or model module of the package is imported.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.benchmarks._bench import Goal, median, ms, python_snippet, report

ROUNDS = 15
RATIO_GOAL = 1.2

_PRELUDE = """\
import sys, time
sys.path.insert(0, {path!r})
t0, c0 = time.perf_counter(), time.process_time()
"""
_EPILOGUE = """
t1, c1 = time.perf_counter(), time.process_time()
import json
mods = sorted(m for m in sys.modules if m == "runai" or m.startswith("runai."))
print(json.dumps({"seconds": t1 - t0, "cpu": c1 - c0, "package_modules": mods, "modules": len(sys.modules)}))
"""
SPECLOOM = 'import runai\nc = runai.Client(base_url="http://127.0.0.1:9")'
ANCHOR = "import httpx, attrs, pluggy"

# Where the time goes, for the report (not a goal).
_BREAKDOWN = """\
import sys, time, json
sys.path.insert(0, {path!r})
t = [time.perf_counter()]
import httpx, attrs
t.append(time.perf_counter())
import specloom_runtime
t.append(time.perf_counter())
import runai, runai._client
t.append(time.perf_counter())
c = runai.Client(base_url="http://127.0.0.1:9")
t.append(time.perf_counter())
h = httpx.Client()
t.append(time.perf_counter())
print(json.dumps([b - a for a, b in zip(t, t[1:])]))
"""
_BREAKDOWN_NAMES = ("import httpx+attrs", "import specloom_runtime", "import runai._client", "runai.Client(...)",
                    "a second httpx.Client()")  # fmt: skip


@pytest.mark.benchmark
def test_import_and_construct_vs_dependencies(runai_224: Path, bench_env: dict[str, str]) -> None:
    specloom_code = _PRELUDE.format(path=str(runai_224)) + SPECLOOM + _EPILOGUE
    anchor_code = _PRELUDE.format(path=str(runai_224)) + ANCHOR + _EPILOGUE
    python_snippet(specloom_code, env=bench_env)  # warm-up: fills the bytecode cache
    python_snippet(anchor_code, env=bench_env)

    inner: dict[str, list[float]] = {"specloom": [], "anchor": []}
    cpu: dict[str, list[float]] = {"specloom": [], "anchor": []}
    wall: dict[str, list[float]] = {"specloom": [], "anchor": []}
    package_modules: list[str] = []
    for i in range(ROUNDS):
        order = [("specloom", specloom_code), ("anchor", anchor_code)]
        for name, code in order if i % 2 == 0 else reversed(order):
            run, result = python_snippet(code, env=bench_env)
            inner[name].append(float(result["seconds"]))
            cpu[name].append(float(result["cpu"]))
            wall[name].append(run.wall)
            if name == "specloom":
                package_modules = list(result["package_modules"])

    breakdown = [python_snippet(_BREAKDOWN.format(path=str(runai_224)), env=bench_env)[1] for _ in range(5)]
    parts = [median([float(b[i]) for b in breakdown]) for i in range(len(_BREAKDOWN_NAMES))]

    s_in, a_in = median(inner["specloom"]), median(inner["anchor"])
    s_cpu, a_cpu = median(cpu["specloom"]), median(cpu["anchor"])
    s_wall, a_wall = median(wall["specloom"]), median(wall["anchor"])
    ratio, wall_ratio = s_in / a_in, s_wall / a_wall
    eager = [m for m in package_modules if m.startswith(("runai.groups.", "runai.models."))]
    report(
        "import cost: import runai + Client(...) vs import httpx, attrs, pluggy",
        [
            (
                f"in-process (perf_counter around the statements), median of {ROUNDS}: "
                f"specloom {ms(s_in)}, anchor {ms(a_in)}, ratio {ratio:.2f}x"
            ),
            f"in-process CPU time (process_time): specloom {ms(s_cpu)}, anchor {ms(a_cpu)}, ratio {s_cpu / a_cpu:.2f}x",
            (
                f"whole process wall time, median of {ROUNDS}: "
                f"specloom {ms(s_wall)}, anchor {ms(a_wall)}, ratio {wall_ratio:.2f}x"
            ),
            f"modules of the package imported: {len(package_modules)} ({', '.join(package_modules)})",
            "breakdown (median of 5): " + ", ".join(f"{n} {ms(p)}" for n, p in zip(_BREAKDOWN_NAMES, parts)),
        ],
        [
            Goal(f"import + construct <= {RATIO_GOAL}x the anchor ({ratio:.2f}x)", ratio <= RATIO_GOAL),
            Goal(f"lazy loading: no group or model module imported ({len(eager)} imported)", not eager),
        ],
    )
