# \N{NAME} escapes: names in any case, aliases, in f-strings too; CPython's errors.
import sys

print("\N{SNOWMAN}", "\N{GREEK SMALL LETTER ALPHA}", "\N{latin small letter a}", ascii("\N{BACKSPACE}"))
print(f"a\N{BULLET}{1 + 1}b", f"{'x'}\N{EM DASH}", "\N{SNOWMAN}" == "\u2603", len("\N{NO-BREAK SPACE}"))
print(r"\N{SNOWMAN}", b"\N{SNOWMAN}")
for source in [r"'\N{foo}'", r"'\N'", r"'\N{'", r"'\N{}'", r"'\N{SNOWMAN'", r"'ab\N{A_B}'"]:
    try:
        eval(source)
    except SyntaxError as e:
        print(source, "->", e)
# Writing a str with a surrogate that no handler of the stream takes.
try:
    sys.stdout.write("\ud800\n")
except UnicodeEncodeError as e:
    print("write:", e)
