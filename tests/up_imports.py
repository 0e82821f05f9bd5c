#!/usr/bin/env python3
"""Counts the imports inside `crates/vm/src` that go UP the layers of docs/ARCHITECTURE.md
(object < objects < protocol < text < interp < stdlib < builtins < embed): one per source line
and target layer, comments excluded, `interp::thread_state` (the context argument every layer
names) left out.

    python3 tests/up_imports.py crates/vm/src       # totals per (from, to)
    python3 tests/up_imports.py crates/vm/src -v    # and every line
"""
import os, re, sys, collections
ORDER = ["object", "objects", "protocol", "text", "interp", "stdlib", "builtins", "embed"]
rank = {n: i for i, n in enumerate(ORDER)}
root = sys.argv[1]
counts = collections.Counter(); total = 0; lines_out = []
for dp, _, fs in os.walk(root):
    for f in fs:
        if not f.endswith(".rs"): continue
        path = os.path.join(dp, f); rel = os.path.relpath(path, root)
        layer = rel.split(os.sep)[0]
        if layer not in rank: continue
        for no, line in enumerate(open(path), 1):
            code = line.split("//")[0]
            targets = set()
            for m in re.finditer(r"crate::(\w+)::([\w:]+)", code):
                if m.group(1) in rank and rank[m.group(1)] > rank[layer]:
                    if m.group(0).startswith("crate::interp::thread_state"): continue
                    targets.add(m.group(1))
            # use crate::{a, b} groups
            for m in re.finditer(r"use crate::\{([^}]*)", code):
                for t in re.findall(r"(\w+)::", m.group(1)):
                    if t in rank and rank[t] > rank[layer]: targets.add(t)
            for t in targets:
                counts[(layer, t)] += 1; total += 1
                lines_out.append(f"{rel}:{no}: {line.strip()}")
print("total", total)
for k, v in sorted(counts.items()): print(f"{k[0]} -> {k[1]}: {v}")
if "-v" in sys.argv:
    print("\n".join(lines_out))
