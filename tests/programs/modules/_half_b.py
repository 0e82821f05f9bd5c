import _half_a
SEEN = hasattr(_half_a, "DONE")
