# pyexpat's handlers: the events of a document, in order, with expat's arguments.
from xml.parsers import expat


def trace(doc, **options):
    events = []
    p = expat.ParserCreate(namespace_separator=options.pop("ns", None))
    for name, value in options.items():
        setattr(p, name, value)
    p.XmlDeclHandler = lambda v, e, s: events.append(("xmldecl", v, e, s))
    p.StartDoctypeDeclHandler = lambda *a: events.append(("doctype",) + a)
    p.EndDoctypeDeclHandler = lambda: events.append(("end-doctype",))
    p.EntityDeclHandler = lambda name, is_pe, value, base, sysid, pubid, notation: events.append(
        ("entity", name, is_pe, value, sysid, pubid, notation))
    p.StartElementHandler = lambda name, attrs: events.append(("start", name, attrs))
    p.EndElementHandler = lambda name: events.append(("end", name))
    p.CharacterDataHandler = lambda data: events.append(("data", data))
    p.ProcessingInstructionHandler = lambda t, d: events.append(("pi", t, d))
    p.CommentHandler = lambda c: events.append(("comment", c))
    p.StartCdataSectionHandler = lambda: events.append(("cdata",))
    p.EndCdataSectionHandler = lambda: events.append(("end-cdata",))
    p.StartNamespaceDeclHandler = lambda prefix, uri: events.append(("ns", prefix, uri))
    p.EndNamespaceDeclHandler = lambda prefix: events.append(("end-ns", prefix))
    p.Parse(doc, True)
    for e in events:
        print(" ", e)


print("basic")
trace('<?xml version="1.0" encoding="utf-8"?>\n<root a="1" b=\'two\'><child/>text<!-- c --><?pi some data?></root>')
print("newlines and references split character data")
trace("<a>one\ntwo\r\nthree &amp; &lt;&#65;&#x42; four</a>")
print("buffer_text joins them")
trace("<a>one\ntwo\r\nthree &amp; &lt;&#65;&#x42; four</a>", buffer_text=True)
print("ordered attributes")
trace('<a z="1" y="2" x="3"/>', ordered_attributes=True)
print("attribute values are normalized")
trace('<a v="x\ty\nz&#10;&amp;"/>')
print("CDATA")
trace("<a><![CDATA[<not> &markup;\nline]]></a>")
print("doctype with internal entities")
trace('<!DOCTYPE doc [<!ENTITY who "world"><!ENTITY greet "hello &who;">]><doc>&greet;!</doc>')
print("doctype with an external id")
trace('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x.dtd"><html/>')
print("namespaces")
trace('<r xmlns="urn:d" xmlns:p="urn:p"><p:c p:at="1" at="2"/><c/></r>', ns="}")
print("namespace prefixes")
trace('<p:r xmlns:p="urn:p"/>', ns=" ", namespace_prefixes=True)
print("without namespace processing")
trace('<p:r xmlns:p="urn:p"/>')

print("fed in pieces")
p = expat.ParserCreate()
p.buffer_text = True
out = []
p.StartElementHandler = lambda n, a: out.append(("start", n, p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex))
p.CharacterDataHandler = lambda d: out.append(("data", d))
doc = "<root>\n  <item n='1'>héllo</item>\n  <item n='2'>wörld</item>\n</root>".encode()
for i in range(0, len(doc), 5):
    p.Parse(doc[i:i + 5], False)
p.Parse(b"", True)
for e in out:
    print(" ", e)

print("latin-1 document")
p = expat.ParserCreate()
p.CharacterDataHandler = lambda d: print("  data", repr(d))
p.Parse('<?xml version="1.0" encoding="iso-8859-1"?><a>caf\xe9</a>'.encode("latin-1"), True)
print("utf-16 document")
p = expat.ParserCreate()
p.CharacterDataHandler = lambda d: print("  data", repr(d))
p.Parse(b"\xff\xfe<\x00a\x00>\x00:&<\x00/\x00a\x00>\x00", True)

print("default handler sees what no other handler takes")
p = expat.ParserCreate()
p.DefaultHandler = lambda d: print("  default", repr(d))
p.StartElementHandler = lambda n, a: print("  start", n)
p.Parse('<?xml version="1.0"?>\n<!-- c --><a>x<?p d?></a>\n', True)

print("ParseFile")
import io
p = expat.ParserCreate()
p.StartElementHandler = lambda n, a: print("  start", n, a)
p.ParseFile(io.BytesIO(b"<a><b c='d'/></a>"))

print("a handler's exception stops the parse")
p = expat.ParserCreate()
def boom(name, attrs):
    raise ValueError("no " + name)
p.StartElementHandler = boom
try:
    p.Parse("<a/>", True)
except ValueError as e:
    print(" ", e)
