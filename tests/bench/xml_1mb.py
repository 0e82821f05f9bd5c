# pyexpat and ElementTree on a ~1 MB document: best of 3, the same script for gilvm and CPython.
# Run: python3 tests/bench/xml_1mb.py [pure]; target/fast/gilvm tests/bench/xml_1mb.py
# ("pure": CPython without its C ElementTree, as gilvm runs it).
import sys
import time

if "pure" in sys.argv:
    sys.modules["_elementtree"] = None
import xml.etree.ElementTree as ET
from xml.parsers import expat

rows = []
for i in range(7000):
    rows.append('  <book id="%d" lang="%s"><title>Title &amp; number %d</title>'
                '<price cur="EUR">%d.%02d</price><!-- c --><note>caf\u00e9\nline</note></book>\n'
                % (i, "en" if i % 2 else "fr", i, i % 100, i % 97))
text = '<?xml version="1.0"?>\n<library>\n%s</library>\n' % "".join(rows)
data = text.encode()


def handlers_only():
    counts = [0, 0, 0]
    p = expat.ParserCreate()
    p.buffer_text = True

    def start(name, attrs):
        counts[0] += 1

    def end(name):
        counts[1] += 1

    def chars(text):
        counts[2] += 1
    p.StartElementHandler = start
    p.EndElementHandler = end
    p.CharacterDataHandler = chars
    p.Parse(data, True)
    return counts


def timed(f):
    best = 1e9
    for _ in range(3):
        a = time.perf_counter()
        result = f()
        best = min(best, time.perf_counter() - a)
    return best, result


t_expat, counts = timed(handlers_only)
t_no_handlers, _ = timed(lambda: expat.ParserCreate().Parse(data, True))
t_et, root = timed(lambda: ET.fromstring(data))
t_out, out = timed(lambda: ET.tostring(root))
print("document: %d bytes, %d elements, %d text events" % (len(data), counts[0], counts[2]))
print("expat no handlers %.3f s  expat with handlers %.3f s  ET.fromstring %.3f s  ET.tostring %.3f s"
      % (t_no_handlers, t_expat, t_et, t_out))
