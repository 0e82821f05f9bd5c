# json on a ~9.3 MB document: best of 3 loads and dumps, the same script for gilvm and CPython.
# Run: python3 tests/bench/json_10mb.py; target/release/gilvm tests/bench/json_10mb.py
import json
import random
import time

random.seed(7)


def item(i):
    return {"id": i, "name": "user%d" % i, "email": "user%d@example.com" % i,
            "active": i % 3 == 0, "score": random.random() * 1000,
            "tags": ["t%d" % (i % 17), "caf\u00e9", "x" * (i % 10)],
            "address": {"street": "%d Main St" % i, "city": "Springfield",
                        "zip": "%05d" % (i * 7 % 99999)},
            "history": [random.randint(-10**6, 10**6) for _ in range(5)], "note": None}


text = json.dumps([item(i) for i in range(31000)])
best_load = best_dump = 1e9
for _ in range(3):
    a = time.perf_counter()
    doc = json.loads(text)
    b = time.perf_counter()
    out = json.dumps(doc)
    c = time.perf_counter()
    best_load = min(best_load, b - a)
    best_dump = min(best_dump, c - b)
print("document: %d bytes, round trip identical: %s" % (len(text), out == text))
print("loads %.3f s  dumps %.3f s" % (best_load, best_dump))
