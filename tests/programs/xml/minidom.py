# xml.dom.minidom and pulldom over pyexpat.
from xml.dom import minidom, pulldom

dom = minidom.parseString('<?xml version="1.0"?><root a="1"><item n="x">one</item><item n="y">two<![CDATA[ & three]]></item><!--note--></root>')
root = dom.documentElement
print(root.tagName, root.getAttribute("a"), root.attributes.length)
for item in dom.getElementsByTagName("item"):
    print(item.getAttribute("n"), repr(item.firstChild.data), [c.nodeType for c in item.childNodes])
print(dom.toxml())
print(dom.toprettyxml(indent="  "))
print(root.toprettyxml(indent="\t", newl="\n"))

doc = minidom.Document()
top = doc.createElement("top")
doc.appendChild(top)
child = doc.createElement("child")
child.setAttribute("k", "v & <w>")
child.appendChild(doc.createTextNode("text & more"))
top.appendChild(child)
top.appendChild(doc.createComment("c"))
print(doc.toprettyxml(indent="  ", encoding="utf-8"))

ns = minidom.parseString('<r xmlns="urn:r" xmlns:p="urn:p"><p:c p:a="1"/></r>')
c = ns.documentElement.firstChild
print(c.namespaceURI, c.localName, c.prefix, c.getAttributeNS("urn:p", "a"))

try:
    minidom.parseString("<a><b></a>")
except Exception as e:
    print(type(e).__name__, e)

print("pulldom")
events = pulldom.parseString("<r><a>1</a><b/></r>")
for event, node in events:
    if event == pulldom.START_ELEMENT and node.tagName == "a":
        events.expandNode(node)
        print(" ", node.toxml())
    elif event in (pulldom.START_ELEMENT, pulldom.END_ELEMENT):
        print(" ", event, node.tagName)
