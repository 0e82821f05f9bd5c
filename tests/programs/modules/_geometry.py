"""Helper module for own_module.py."""

UNIT = "cm"
_private = "hidden by star import"


def area(w, h):
    return w * h


class Rect:
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def area(self):
        return area(self.w, self.h)


def describe():
    return f"module {__name__} measuring in {UNIT}"
