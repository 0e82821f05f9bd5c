# gilvm's sqlite3 package: CPython's layout, the DB-API in sqlite3.dbapi2.
"""
The sqlite3 extension module provides a DB-API 2.0 (PEP 249) compliant
interface to the SQLite library, and requires SQLite 3.7.15 or newer.
"""
from sqlite3.dbapi2 import *
