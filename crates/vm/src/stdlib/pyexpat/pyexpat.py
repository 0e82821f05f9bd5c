# gilvm's pyexpat: CPython's C module's interface (xmlparser, ExpatError, ErrorString, the
# errors and model submodules) over pyexpat/mod.rs, which scans with quick-xml and calls the
# handlers. Arguments are checked here, with CPython's messages.

import sys as _sys

EXPAT_VERSION = 'expat_2.5.0'
version_info = (2, 5, 0)
native_encoding = 'UTF-8'
features = [('sizeof(XML_Char)', 1), ('sizeof(XML_LChar)', 1), ('XML_DTD', 0),
            ('XML_CONTEXT_BYTES', 1024), ('XML_NS', 0)]
XML_PARAM_ENTITY_PARSING_NEVER = 0
XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE = 1
XML_PARAM_ENTITY_PARSING_ALWAYS = 2

import pyexpat.errors
import pyexpat.model
errors = _sys.modules['pyexpat.errors']
model = _sys.modules['pyexpat.model']
_ERRORS = errors._ERRORS


class ExpatError(Exception):
    pass


ExpatError.__module__ = 'xml.parsers.expat'
error = ExpatError


def ErrorString(code, /):
    """Returns string error for given number."""
    if not 0 < code <= len(_ERRORS):
        return None
    return _ERRORS[code - 1][1]


_HANDLERS = (
    'StartElementHandler', 'EndElementHandler', 'ProcessingInstructionHandler',
    'CharacterDataHandler', 'UnparsedEntityDeclHandler', 'NotationDeclHandler',
    'StartNamespaceDeclHandler', 'EndNamespaceDeclHandler', 'CommentHandler',
    'StartCdataSectionHandler', 'EndCdataSectionHandler', 'DefaultHandler',
    'DefaultHandlerExpand', 'NotStandaloneHandler', 'ExternalEntityRefHandler',
    'StartDoctypeDeclHandler', 'EndDoctypeDeclHandler', 'EntityDeclHandler',
    'XmlDeclHandler', 'ElementDeclHandler', 'AttlistDeclHandler', 'SkippedEntityHandler',
)


def _c_int(value):
    value = value.__index__() if not isinstance(value, int) else value
    if not -2**31 <= value < 2**31:
        raise OverflowError('Python int too large to convert to C int')
    return value


def _index(value):
    if isinstance(value, int):
        return value
    try:
        return value.__index__()
    except AttributeError:
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer") from None


class xmlparser:
    """XML parser"""

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 'pyexpat.xmlparser' instances")

    @classmethod
    def _create(cls, encoding, namespace_separator, intern):
        self = object.__new__(cls)
        for name in _HANDLERS:
            object.__setattr__(self, name, None)
        self._handle = _new(encoding, namespace_separator)
        self._base = None
        self._error_code = 0
        self.buffer_text = False
        self._buffer_size = 8192
        self.ordered_attributes = False
        self.specified_attributes = False
        self.namespace_prefixes = False
        self.intern = {} if intern is None else intern
        return self

    def Parse(self, data, isfinal=False, /):
        """Parse XML data."""
        if not isinstance(data, (str, bytes)):
            try:
                data = memoryview(data).tobytes()
            except TypeError:
                raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'") from None
        found = _parse(self._handle, self, data, isfinal)
        if found is not None:
            code, line, column, _ = found
            self._error_code = code
            err = ExpatError(f'{ErrorString(code)}: line {line}, column {column}')
            err.code = code
            err.lineno = line
            err.offset = column
            raise err
        return 1

    def ParseFile(self, file, /):
        """Parse XML data from file-like object."""
        try:
            read = file.read
        except AttributeError:
            raise TypeError("argument must have 'read' attribute") from None
        while True:
            data = read(2048)
            if not isinstance(data, (bytes, bytearray, str)):
                raise TypeError(f'read() did not return a bytes object (type={type(data).__name__})')
            if not data:
                break
            self.Parse(data, False)
        return self.Parse(b'', True)

    def SetBase(self, base, /):
        """Set the base URL for the parser."""
        if not isinstance(base, str):
            raise TypeError(f'SetBase() argument must be str, not {type(base).__name__}')
        self._base = base

    def GetBase(self, /):
        """Return base URL string for the parser."""
        return self._base

    def GetInputContext(self, /):
        """Return the untranslated text of the input that caused the current event."""
        return None

    def SetParamEntityParsing(self, flag, /):
        """Controls parsing of parameter entities (including the external DTD subset)."""
        _c_int(_index(flag))
        return 1

    def UseForeignDTD(self, flag=True, /):
        """Allows the application to provide an artificial external subset."""

    def ExternalEntityParserCreate(self, context, encoding=None, /):
        """Create a parser for parsing an external entity based on the information passed to the ExternalEntityRefHandler."""
        return xmlparser._create(encoding, None, self.intern)

    @property
    def buffer_size(self):
        return self._buffer_size

    @buffer_size.setter
    def buffer_size(self, value):
        if not isinstance(value, int):
            raise TypeError('buffer_size must be an integer')
        if value <= 0:
            raise ValueError('buffer_size must be greater than zero')
        self._buffer_size = value

    @property
    def buffer_used(self):
        return 0

    # As in expat, the error's position is the current one.
    ErrorCode = property(lambda self: self._error_code)
    ErrorLineNumber = property(lambda self: _position(self._handle)[0])
    ErrorColumnNumber = property(lambda self: _position(self._handle)[1])
    ErrorByteIndex = property(lambda self: _position(self._handle)[2])
    CurrentLineNumber = property(lambda self: _position(self._handle)[0])
    CurrentColumnNumber = property(lambda self: _position(self._handle)[1])
    CurrentByteIndex = property(lambda self: _position(self._handle)[2])


xmlparser.__module__ = 'pyexpat'
XMLParserType = xmlparser


def ParserCreate(encoding=None, namespace_separator=None, intern=None):
    """Return a new XML parser object."""
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError(f"ParserCreate() argument 'encoding' must be str or None, not {type(encoding).__name__}")
    if namespace_separator is not None:
        if not isinstance(namespace_separator, str):
            raise TypeError(f"ParserCreate() argument 'namespace_separator' must be str or None, not {type(namespace_separator).__name__}")
        if len(namespace_separator) > 1:
            raise ValueError('namespace_separator must be at most one character, omitted, or None')
    if intern is not None and not isinstance(intern, dict):
        raise TypeError('intern must be a dictionary')
    return xmlparser._create(encoding, namespace_separator, intern)
