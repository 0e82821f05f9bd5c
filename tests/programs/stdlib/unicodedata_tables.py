# unicodedata's tables beyond category and name: widths, mirroring, decompositions, digit
# and numeric values, the frozen Unicode 3.2.0 database, and the idna codec built on it.
import unicodedata
from unicodedata import ucd_3_2_0

for ch in ['a', 'A', '\u231a', '\u3042', '\uff21', '\uff61', '\u00a1', '\u0300', '\U0001f600']:
    print(ascii(ch), unicodedata.east_asian_width(ch), ucd_3_2_0.east_asian_width(ch))
for ch in '()<>a\u0f3a\u2208':
    print(ascii(ch), unicodedata.mirrored(ch), ucd_3_2_0.mirrored(ch))
for ch in ['\u3301', '\uf951', '\u00e9', '\u00bd', '\ufb01', 'a', '\U0001d400', '\uac00']:
    print(ascii(ch), repr(unicodedata.decomposition(ch)), repr(ucd_3_2_0.decomposition(ch)))
print(repr(ucd_3_2_0.decomposition('\U0001d400')), repr(unicodedata.decomposition('\u0220')))
for ch in ['7', '\u00b2', '\u2460', '\u00bd', '\u216b', 'x']:
    print(ascii(ch), unicodedata.digit(ch, None), unicodedata.numeric(ch, None),
          unicodedata.decimal(ch, None))
for f, msg in ((unicodedata.digit, 'digit'), (unicodedata.numeric, 'numeric')):
    try:
        f('x')
    except ValueError as e:
        print(msg, 'ValueError:', e)
try:
    unicodedata.east_asian_width('ab')
except TypeError as e:
    print('TypeError:', e)
try:
    unicodedata.mirrored(5)
except TypeError as e:
    print('TypeError:', e)

print(ucd_3_2_0.unidata_version, type(ucd_3_2_0).__name__, type(ucd_3_2_0).__module__)
print(ucd_3_2_0.category('\u0221'), unicodedata.category('\u0221'))
print(ucd_3_2_0.bidirectional('\u0600'), ucd_3_2_0.category('a'), ucd_3_2_0.bidirectional('a'))
print(ucd_3_2_0.name('\u0221', 'none in 3.2'), ucd_3_2_0.name('a'))
try:
    ucd_3_2_0.name('\u0221')
except ValueError as e:
    print('ValueError:', e)
print(ucd_3_2_0.normalize('NFKC', '\ufb01'), ucd_3_2_0.numeric('\u00bd'))

for name in ['python.org', 'python.org.', 'pyth\xf6n.org', 'pyth\xf6n.org.', 'abc\u0421\u0124',
             'abc\u4123\u0132', 'M\xfcnchen.DE', 'b\xfccher\u3002example', '\u00df.de']:
    encoded = name.encode('idna')
    print(ascii(name), encoded, ascii(encoded.decode('idna')))
for data in [b'xn--pythn-mua.org', b'XN--PYTHN-MUA.ORG', b'python.org.', b'']:
    print(data, ascii(data.decode('idna')))
for bad in ['a..b', 'x' * 64 + '.com', 'a\u3002' + 'y' * 70, 'caf\xe9\x00', 'xn--caf\xe9', '']:
    try:
        print(ascii(bad[:10]), bad.encode('idna'))
    except UnicodeError as e:
        print(ascii(bad[:10]), type(e).__name__, e)
for bad in [b'xn--caf\xe9.com', b'a..b\xff']:
    try:
        print(bad.decode('idna'))
    except UnicodeError as e:
        print(type(e).__name__, e)
try:
    'caf\xe9'.encode('idna', 'ignore')
except UnicodeError as e:
    print(type(e).__name__, e)
