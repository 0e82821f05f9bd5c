# xml.sax over pyexpat (the expatreader driver), and saxutils.
import io
import xml.sax
from xml.sax import saxutils
from xml.sax.handler import ContentHandler, feature_namespaces


class Recorder(ContentHandler):
    def __init__(self):
        super().__init__()
        self.events = []

    def startDocument(self):
        self.events.append("startDocument")

    def endDocument(self):
        self.events.append("endDocument")

    def startElement(self, name, attrs):
        self.events.append(("start", name, dict(attrs.items())))

    def endElement(self, name):
        self.events.append(("end", name))

    def characters(self, content):
        self.events.append(("chars", content))

    def processingInstruction(self, target, data):
        self.events.append(("pi", target, data))

    def startElementNS(self, name, qname, attrs):
        self.events.append(("startNS", name, qname, dict(attrs.items())))

    def endElementNS(self, name, qname):
        self.events.append(("endNS", name, qname))

    def startPrefixMapping(self, prefix, uri):
        self.events.append(("prefix", prefix, uri))


h = Recorder()
xml.sax.parseString('<doc a="1"><p>one &amp; two</p><?pi data?><empty/></doc>', h)
for e in h.events:
    print(" ", e)

h = Recorder()
xml.sax.parse(io.BytesIO(b"<r><x>bytes</x></r>"), h)
print(h.events)

parser = xml.sax.make_parser()
parser.setFeature(feature_namespaces, True)
h = Recorder()
parser.setContentHandler(h)
parser.feed('<r xmlns="urn:r" xmlns:p="urn:p"><p:c p:k="v"/></r>')
parser.close()
for e in h.events:
    print(" ", e)

class Locating(ContentHandler):
    def setDocumentLocator(self, locator):
        self.locator = locator
    def startElement(self, name, attrs):
        print("  at", name, self.locator.getLineNumber(), self.locator.getColumnNumber())
xml.sax.parseString("<a>\n  <b/>\n    <c/></a>", Locating())

try:
    xml.sax.parseString("<a><b></a>", ContentHandler())
except xml.sax.SAXParseException as e:
    print(type(e).__name__, e, e.getLineNumber(), e.getColumnNumber())

out = io.StringIO()
gen = saxutils.XMLGenerator(out)
xml.sax.parseString('<a x="&lt;1&gt;">t &amp; u</a>', gen)
print(out.getvalue())
print(saxutils.escape("a < b & c > d"), saxutils.unescape("&lt;&amp;&gt;"), saxutils.quoteattr('say "hi"'))
