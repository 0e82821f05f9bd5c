samples = ["123", "12.3", "abc", "abc123", "ABC", "", " ", "\t\n", "Hello", "hello world", "_id", "if", "x1", "1x"]
header = ["repr", "digit", "decimal", "numeric", "alpha", "alnum", "space", "upper", "lower", "ident"]
print(" ".join(header))
for s in samples:
    flags = [s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower(), s.isidentifier()]
    print(repr(s), "".join("T" if f else "." for f in flags))
print("abc".isascii(), "caf\u00e9".isascii(), "".isascii(), "Hello\n".isprintable(), "Hello".isprintable())
