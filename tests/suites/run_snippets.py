#!/usr/bin/env python3
"""Runs RustPython's `extra_tests/snippets` (the outside suite) under gilvm and prints the pass rate.

Only the files listed in the suite's `CPYTHON-3.11-PASSES.txt` count. Each runs from inside the
suite's folder as `GILVM FILE </dev/null` with a 20 s limit; it passes when it exits with status 0.
Failing files are listed with the last line of their stderr (usually the exception).

    python3 tests/suites/run_snippets.py [SUITE_DIR] [--gilvm PATH] [-j N] [--repeat N]

SUITE_DIR defaults to ../shared/suites/rustpython-snippets relative to the repository root, and
the binary to target/release/gilvm (else target/debug/gilvm). `--repeat N` runs every file N
times and lists the flaky ones (whose outcome varied); a file passes only if every run did.
"""

import argparse
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def default_binary():
    for profile in ("release", "debug"):
        path = os.path.join(ROOT, "target", profile, "gilvm")
        if os.path.exists(path):
            return path
    return os.path.join(ROOT, "target", "release", "gilvm")


def run_one(gilvm, suite, name):
    try:
        run = subprocess.run(
            [gilvm, name],
            cwd=suite,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=20,
        )
    except subprocess.TimeoutExpired:
        return name, False, "timed out after 20 s"
    if run.returncode == 0:
        return name, True, ""
    lines = [l for l in run.stderr.decode("utf-8", "replace").splitlines() if l.strip()]
    last = lines[-1] if lines else f"exit status {run.returncode}, no stderr"
    return name, False, last


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "suite",
        nargs="?",
        default=os.path.join(ROOT, "..", "shared", "suites", "rustpython-snippets"),
    )
    parser.add_argument("--gilvm", default=default_binary())
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1, metavar="N")
    args = parser.parse_args()
    suite = os.path.abspath(args.suite)
    gilvm = os.path.abspath(args.gilvm)
    with open(os.path.join(suite, "CPYTHON-3.11-PASSES.txt")) as f:
        names = [line.strip() for line in f if line.strip()]
    results = []
    # Round after round, so that no file runs beside itself (stdlib_select.py binds a fixed
    # port).
    for _ in range(max(args.repeat, 1)):
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            results += pool.map(lambda n: run_one(gilvm, suite, n), names)
    outcomes = {}
    for name, ok, last in results:
        outcomes.setdefault(name, []).append((ok, last))
    failures = [(n, next(last for ok, last in o if not ok))
                for n, o in outcomes.items() if not all(ok for ok, _ in o)]
    for name, last in failures:
        print(f"FAIL {name}: {last}")
    for name, o in outcomes.items():
        passes = sum(ok for ok, _ in o)
        if 0 < passes < len(o):
            print(f"FLAKY {name}: passed {passes} of {len(o)} runs")
    passed = len(outcomes) - len(failures)
    print(f"{passed}/{len(outcomes)} pass ({100.0 * passed / max(len(outcomes), 1):.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
