import textwrap

text = ("The quick brown fox jumps over the lazy dog. Python's textwrap module "
        "re-flows paragraphs; it breaks well-known hyphenated-words at hyphens, and "
        "handles   extra   spaces\tand tabs. Supercalifragilisticexpialidocious is long.")
for width in (10, 25, 40, 70):
    print(width, textwrap.wrap(text, width))
print(textwrap.fill(text, 30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap("abcdefghijklmnopqrstuvwxyz", 7))
print(textwrap.wrap("abcdefghij klmnop", 4, break_long_words=False))
print(textwrap.wrap("well-known-hyphen-chain x", 8))
print(textwrap.wrap("a-b c--d e---f some--dash", 5))
print(textwrap.wrap("spaces   kept  here", 8, drop_whitespace=False))
print(textwrap.wrap("no-hyphen-breaks-here please", 10, break_on_hyphens=False))
print(textwrap.wrap("tab\there", 20, expand_tabs=False, replace_whitespace=False))
print(textwrap.wrap("a\tb", 20, tabsize=4))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10))
print(textwrap.wrap(text, 20, max_lines=3))
print(textwrap.wrap(text, 20, max_lines=2, placeholder="..."))
print(textwrap.shorten("Hello  world!", width=12))
print(textwrap.shorten("Hello  world!", width=11))
print(textwrap.shorten("Hello world, this is a longer sentence", width=25, placeholder=" (more)"))
print(textwrap.fill("Hello there. How are you? Fine.", 15, fix_sentence_endings=True))
w = textwrap.TextWrapper(width=15, subsequent_indent="> ")
print(w.wrap("one two three four five six seven eight"))
w.width = 9
print(w.fill("one two three four five six"))

print(repr(textwrap.dedent("""\
    def f():
        return 1
      
    x = 2
""")))
print(repr(textwrap.dedent("  a\n\tb\n")), repr(textwrap.dedent("   a\n   b\n  \n")), repr(textwrap.dedent("no indent\n  x")))
print(repr(textwrap.dedent("    x\n  y\n")), repr(textwrap.dedent("")))
print(repr(textwrap.indent("a\nb\n\nc", "  ")))
print(repr(textwrap.indent("a\n  \nb\n", "+ ", lambda line: True)))
print(repr(textwrap.indent("x\r\ny\n", "> ")))
for call in [lambda: textwrap.wrap("abc", 0), lambda: textwrap.wrap("abc def", 3, max_lines=1, placeholder=" [....]"),
             lambda: textwrap.shorten("a b", 2, placeholder="...")]:
    try:
        print(call())
    except ValueError as e:
        print("ValueError", e)
