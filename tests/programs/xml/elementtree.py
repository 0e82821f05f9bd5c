# xml.etree.ElementTree over pyexpat: parsing, building, searching, writing, iterparse.
import io
import xml.etree.ElementTree as ET

doc = """<?xml version="1.0"?>
<library name="city">
  <book id="1" lang="en"><title>Dune</title><year>1965</year></book>
  <book id="2" lang="fr"><title>L'\u00c9tranger</title><year>1942</year></book>
  <!-- a comment -->
  <magazine id="3"><title>Nature &amp; Science</title></magazine>
</library>"""

root = ET.fromstring(doc)
print(root.tag, root.attrib, len(root))
for book in root.findall("book"):
    print(book.get("id"), book.find("title").text, book.findtext("year"), sorted(book.attrib.items()))
print([e.tag for e in root.iter()])
print(root.find(".//magazine/title").text)
print([t.text for t in root.iterfind(".//title")])
print(root.findall("book[@lang='fr']")[0].get("id"))
print(repr(root.text), repr(root[0].tail))

print(ET.tostring(root[0]))
print(ET.tostring(root[1], encoding="unicode"))

new = ET.Element("catalog", {"version": "2"})
item = ET.SubElement(new, "item", sku="a<b")
item.text = "tom & jerry \"quoted\""
ET.SubElement(new, "empty")
ET.indent(new)
print(ET.tostring(new, encoding="unicode"))
out = io.BytesIO()
ET.ElementTree(new).write(out, encoding="utf-8", xml_declaration=True)
print(out.getvalue().decode())
again = ET.fromstring(ET.tostring(new))
print(again[0].get("sku"), again[0].text)

print("namespaces")
ns_doc = '<r xmlns="urn:default" xmlns:x="urn:x"><x:item a="1"/><item/></r>'
r = ET.fromstring(ns_doc)
print([e.tag for e in r])
print(r.find("{urn:x}item").attrib)
print([e.tag for e in r.findall("x:item", {"x": "urn:x"})])
print(ET.tostring(r, encoding="unicode"))

print("XMLParser with a target")
class Target:
    def __init__(self):
        self.events = []
    def start(self, tag, attrib):
        self.events.append(("start", tag, attrib))
    def end(self, tag):
        self.events.append(("end", tag))
    def data(self, data):
        self.events.append(("data", data))
    def comment(self, text):
        self.events.append(("comment", text))
    def pi(self, target, data):
        self.events.append(("pi", target, data))
    def doctype(self, name, pubid, system):
        self.events.append(("doctype", name, pubid, system))
    def close(self):
        return self.events
parser = ET.XMLParser(target=Target())
parser.feed('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">')
parser.feed("<a x='1'>t<!--c--><?p q?>")
parser.feed("</a>")
for e in parser.close():
    print(" ", e)

print("iterparse")
source = io.BytesIO(b"<root><a>1</a><b><c/></b></root>")
for event, elem in ET.iterparse(source, events=("start", "end")):
    print(" ", event, elem.tag)
source = io.BytesIO(b'<root xmlns:p="urn:p"><p:a/></root>')
for event, item in ET.iterparse(source, events=("start-ns", "end")):
    print(" ", event, item if event == "start-ns" else item.tag)

print("XMLPullParser")
pull = ET.XMLPullParser(events=("start", "end"))
pull.feed("<a><b>")
print([(ev, el.tag) for ev, el in pull.read_events()])
pull.feed("</b></a>")
print([(ev, el.tag) for ev, el in pull.read_events()])

print("errors")
for bad in ["<a></b>", "<a>", "<a>&nbsp;</a>", "<a/><b/>", "<a>\n  <b x='1' x='2'/></a>"]:
    try:
        ET.fromstring(bad)
    except ET.ParseError as e:
        print(" ", repr(bad), e, e.code, e.position)

print("entities declared by the user")
parser = ET.XMLParser()
parser.entity["nbsp"] = "\u00a0"
print(repr(ET.fromstring('<!DOCTYPE a SYSTEM "a.dtd"><a>x&nbsp;y</a>', parser).text))
