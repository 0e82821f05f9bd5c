# The SyntaxErrors CPython raises for mistakes in match statements, with their positions.
SOURCES = [
    "match x:\n    case y:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case 1 | y | 2:\n        pass\n",
    "match x:\n    case _ | 2:\n        pass\n",
    "match x:\n    case [a, a]:\n        pass\n",
    "match x:\n    case {'k': a, **a}:\n        pass\n",
    "match x:\n    case (a | [a]) | b:\n        pass\n",
    "match x:\n    case [a] | b:\n        pass\n",
    "match x:\n    case [*a, *b]:\n        pass\n",
    "match x:\n    case {'a': 1, 'a': 2}:\n        pass\n",
    "match x:\n    case C(a=1, a=2):\n        pass\n",
    "match x:\n    case C(a=1, 2):\n        pass\n",
    "match x:\n    case 1 as _:\n        pass\n",
    "match x:\n    case f'{x}':\n        pass\n",
    "match x:\n    case a + 1:\n        pass\n",
    "match x:\n    case {a: 1}:\n        pass\n",
    "match x:\n    case {**_}:\n        pass\n",
    "match x:\n    case (*a):\n        pass\n",
    "match x:\n    pass\n",
    "match x:\n    case 1: pass\n    case y if y: pass\n    case z: pass\n",
]

for source in SOURCES:
    try:
        compile(source, "<match>", "exec")
    except SyntaxError as e:
        print(f"{e.msg!r} line {e.lineno} offset {e.offset} end {e.end_lineno}:{e.end_offset}")
    else:
        print("compiled:", source.splitlines()[1].strip())
