# Built-in types' methods as their classes hold them: method / slot wrapper reprs, __qualname__.
print(list.append, dict.fromkeys.__name__, str.upper)
print(repr([].append).split(" at ")[0], repr({}.get).split(" at ")[0])
print(len.__qualname__ if hasattr(len, '__qualname__') else None, repr(len))
print(list.append.__qualname__, int.bit_length)
print(int.__add__, object.__init__, object.__format__, list.__getitem__, str.__getitem__, dict.__contains__, float.__round__)
print(object.__eq__, type.__call__, int.__hash__, str.join, bytes.hex)
print(len.__qualname__, [].append.__qualname__, list.append.__qualname__, str.upper.__qualname__, int.__add__.__qualname__)
import math
print(math.sqrt.__qualname__, math.sqrt, repr(dict.fromkeys).split(" at ")[0])
