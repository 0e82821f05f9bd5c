#!/usr/bin/env python3
"""Records, or checks, the expected output of every program under tests/programs/ with CPython.

Each `NAME.py` (files starting with `_` are helper modules, and folders starting with `_`
packages, not programs) gets `NAME.stdout`, and
when it writes to stderr or exits non-zero, `NAME.stderr` and `NAME.status`. The programs run from
the repository root with their repository-relative path, as `tests/programs.rs` runs them under
gilvm, so file names in tracebacks match. CPython prints the script's absolute path in tracebacks; the
repository root in it (on stdout too: a program may print a traceback it formats itself) is
recorded as `$ROOT`, so the files do not depend on where the clone lives.

    python3 tests/record.py          # re-record everything
    python3 tests/record.py --check  # verify the recorded files still match CPython (exit 1 if not)
"""

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = os.path.join("tests", "programs")


def programs():
    found = []
    for folder, folders, files in os.walk(os.path.join(ROOT, PROGRAMS)):
        # Folders starting with `_` hold the programs' packages, not programs.
        folders[:] = [f for f in folders if not f.startswith("_")]
        for name in files:
            if name.endswith(".py") and not name.startswith("_"):
                found.append(os.path.relpath(os.path.join(folder, name), ROOT))
    return sorted(found)


def expected_files(run):
    files = {"stdout": run.stdout.replace(ROOT + os.sep, "$ROOT/")}
    if run.stderr or run.returncode != 0:
        files["stderr"] = run.stderr.replace(ROOT + os.sep, "$ROOT/")
        files["status"] = f"{run.returncode}\n"
    return files


def main():
    check = "--check" in sys.argv[1:]
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1")
    mismatches = 0
    for path in programs():
        run = subprocess.run(
            [sys.executable, path], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
        )
        stem = os.path.join(ROOT, path[: -len(".py")])
        wanted = expected_files(run)
        for ext in ("stdout", "stderr", "status"):
            file = f"{stem}.{ext}"
            content = wanted.get(ext)
            if check:
                have = open(file).read() if os.path.exists(file) else None
                if have != content:
                    print(f"MISMATCH {path} ({ext})")
                    mismatches += 1
            elif content is None:
                if os.path.exists(file):
                    os.remove(file)
            else:
                with open(file, "w") as f:
                    f.write(content)
    if check:
        print("all recorded outputs match CPython" if not mismatches else f"{mismatches} mismatches")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
