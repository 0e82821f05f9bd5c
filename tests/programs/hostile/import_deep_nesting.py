# A module too deeply nested to compile raises what CPython raises when it is imported or
# compiled: RecursionError past the compiler's depth, SyntaxError/IndentationError past the
# parser's and tokenizer's limits, with the file and line where CPython gives them.

for name in ["_deep_unary", "_deep_parens", "_deep_blocks"]:
    try:
        __import__(name)
    except (RecursionError, SyntaxError) as e:
        where = e.filename.split("/")[-1] if isinstance(e, SyntaxError) else None
        line = e.lineno if isinstance(e, SyntaxError) else None
        print(f"{name}: {type(e).__name__}: {e.args[0]} ({where}, {line})")

for source in ["x = " + "-" * 5000 + "1", "(" * 300 + ")" * 300, "[" * 150 + "]" * 150]:
    for mode in ["exec", "eval"]:
        try:
            compile(source, "<deep>", mode)
            print(mode, "compiles")
        except (RecursionError, SyntaxError, MemoryError) as e:
            print(f"{mode}: {type(e).__name__}: {e}")
