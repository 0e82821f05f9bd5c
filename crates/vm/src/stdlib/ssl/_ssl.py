# The Python part of `_ssl`: X.509 certificates (DER) decoded into the dicts
# `getpeercert()` and `get_ca_certs()` return, as _ssl.c's _decode_certificate makes them.

_NAMES = {
    "2.5.4.3": "commonName", "2.5.4.4": "surname", "2.5.4.5": "serialNumber",
    "2.5.4.6": "countryName", "2.5.4.7": "localityName", "2.5.4.8": "stateOrProvinceName",
    "2.5.4.9": "streetAddress", "2.5.4.10": "organizationName",
    "2.5.4.11": "organizationalUnitName", "2.5.4.12": "title", "2.5.4.15": "businessCategory",
    "2.5.4.17": "postalCode", "2.5.4.42": "givenName", "2.5.4.43": "initials",
    "2.5.4.41": "name", "2.5.4.44": "generationQualifier", "2.5.4.46": "dnQualifier",
    "2.5.4.65": "pseudonym", "2.5.4.97": "organizationIdentifier", "1.2.840.113549.1.9.1": "emailAddress",
    "0.9.2342.19200300.100.1.1": "userId", "0.9.2342.19200300.100.1.25": "domainComponent",
    "1.3.6.1.4.1.311.60.2.1.3": "jurisdictionCountryName",
}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _tlv(data, i):
    """(tag, value, next index) of the DER element at `i`."""
    tag = data[i]
    length = data[i + 1]
    i += 2
    if length & 0x80:
        n = length & 0x7F
        length = int.from_bytes(data[i:i + n], "big")
        i += n
    if i + length > len(data):
        raise ValueError("truncated DER element")
    return tag, data[i:i + length], i + length


def _children(data):
    out, i = [], 0
    while i < len(data):
        tag, value, i = _tlv(data, i)
        out.append((tag, value))
    return out


def _oid(value):
    first = value[0]
    parts = [min(first // 40, 2), first - 40 * min(first // 40, 2)]
    n = 0
    for b in value[1:]:
        n = (n << 7) | (b & 0x7F)
        if not b & 0x80:
            parts.append(n)
            n = 0
    return ".".join(map(str, parts))


def _string(tag, value):
    if tag == 30:
        return value.decode("utf-16-be")
    if tag == 28:
        return value.decode("utf-32-be")
    if tag in (12, 19, 22, 26):
        return value.decode("utf-8", "replace")
    return value.decode("latin-1")


def _name(value):
    rdns = []
    for _, rdn in _children(value):
        attrs = []
        for _, pair in _children(rdn):
            (_, oid), (tag, text) = _children(pair)[:2]
            oid = _oid(oid)
            attrs.append((_NAMES.get(oid, oid), _string(tag, text)))
        rdns.append(tuple(attrs))
    return tuple(rdns)


def _time(tag, value):
    text = value.decode("ascii")
    if tag == 23:
        year = int(text[:2])
        year += 2000 if year < 50 else 1900
        text = text[2:]
    else:
        year = int(text[:4])
        text = text[4:]
    month, day = int(text[0:2]), int(text[2:4])
    clock = "%s:%s:%s" % (text[4:6], text[6:8], text[8:10])
    return "%s %2d %s %d GMT" % (_MONTHS[month - 1], day, clock, year)


def _ip(value):
    if len(value) == 4:
        return ".".join(str(b) for b in value)
    groups = [int.from_bytes(value[i:i + 2], "big") for i in range(0, len(value), 2)]
    return ":".join("%X" % g for g in groups)


def _general_names(value):
    names = []
    for tag, item in _children(value):
        kind = tag & 0x1F
        if kind == 1:
            names.append(("email", item.decode("ascii", "replace")))
        elif kind == 2:
            names.append(("DNS", item.decode("ascii", "replace")))
        elif kind == 6:
            names.append(("URI", item.decode("ascii", "replace")))
        elif kind == 7:
            names.append(("IP Address", _ip(item)))
        elif kind == 4:
            names.append(("DirName", _name(_children(item)[0][1])))
        elif kind == 8:
            names.append(("Registered ID", _oid(item)))
        else:
            names.append(("othername", "<unsupported>"))
    return tuple(names)


def _access(value, wanted):
    uris = []
    for _, desc in _children(value):
        (_, method), (tag, location) = _children(desc)[:2]
        if _oid(method) == wanted and tag & 0x1F == 6:
            uris.append(location.decode("ascii", "replace"))
    return tuple(uris)


def _crl_points(value):
    uris = []
    for _, point in _children(value):
        for tag, field in _children(point):
            if tag == 0xA0:
                for _, full in _children(field)[:1]:
                    for gtag, name in _children(full):
                        if gtag & 0x1F == 6:
                            uris.append(name.decode("ascii", "replace"))
    return tuple(uris)


def _extensions(value):
    found = {}
    for _, ext in _children(_children(value)[0][1]):
        parts = _children(ext)
        oid = _oid(parts[0][1])
        body = parts[-1][1]
        found[oid] = _children(body)[0][1]
    return found


def _decode_cert(der):
    """The dict `getpeercert()` gives for a certificate in DER."""
    tbs = _children(_children(_children(der)[0][1])[0][1])
    version = 1
    if tbs[0][0] == 0xA0:
        version = int.from_bytes(_children(tbs[0][1])[0][1], "big") + 1
        tbs = tbs[1:]
    serial = tbs[0][1].lstrip(b"\0") or b"\0"
    validity = _children(tbs[3][1])
    cert = {
        "subject": _name(tbs[4][1]),
        "issuer": _name(tbs[2][1]),
        "version": version,
        "serialNumber": serial.hex().upper(),
        "notBefore": _time(*validity[0]),
        "notAfter": _time(*validity[1]),
    }
    extensions = {}
    for tag, value in tbs[6:]:
        if tag == 0xA3:
            extensions = _extensions(value)
    if "2.5.29.17" in extensions:
        cert["subjectAltName"] = _general_names(extensions["2.5.29.17"])
    if "1.3.6.1.5.5.7.1.1" in extensions:
        aia = extensions["1.3.6.1.5.5.7.1.1"]
        for key, method in (("OCSP", "1.3.6.1.5.5.7.48.1"), ("caIssuers", "1.3.6.1.5.5.7.48.2")):
            uris = _access(aia, method)
            if uris:
                cert[key] = uris
    if "2.5.29.31" in extensions:
        points = _crl_points(extensions["2.5.29.31"])
        if points:
            cert["crlDistributionPoints"] = points
    return cert


def _test_decode_cert(path, /):
    import ssl
    with open(path) as f:
        text = f.read()
    start = text.index(ssl.PEM_HEADER)
    end = text.index(ssl.PEM_FOOTER, start) + len(ssl.PEM_FOOTER)
    return _decode_cert(ssl.PEM_cert_to_DER_cert(text[start:end]))
