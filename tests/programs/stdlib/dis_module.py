# dis: the parts of its interface whose results do not depend on the instruction set
# (gilvm's instructions and offsets are its own; the listings themselves differ).
import dis


def f(x):
    return x + 42


print(dis.opname[dis.opmap['LOAD_CONST']], dis.opmap['LOAD_CONST'] in dis.hasconst)
print(all(dis.opname[dis.opmap[n]] == n for n in ('RETURN_VALUE', 'LOAD_FAST', 'POP_TOP')))
instructions = list(dis.get_instructions(f))
print(type(instructions[0]).__name__, instructions[0]._fields)
print([i.argval for i in instructions if i.opname == 'LOAD_CONST'])
print([i.argval for i in instructions if i.opname == 'LOAD_FAST'])
print(instructions[-1].opname, all(isinstance(i.offset, int) for i in instructions))
print(any(i.starts_line == f.__code__.co_firstlineno + 1 for i in dis.Bytecode(f)))
print(dis.Bytecode(f).codeobj.co_name, dis.Bytecode(f).first_line)
lines = dis.Bytecode(f).dis().splitlines()
print(any(line.split()[2:3] == ['LOAD_CONST'] or 'LOAD_CONST' in line for line in lines))
info = dis.code_info(f).splitlines()
print('\n'.join(info[:1] + info[2:6]))
print(dis.pretty_flags(3), dis.pretty_flags(0x20 | 0x4), dis.COMPILER_FLAG_NAMES[32])
for bad in (42, None.__class__):
    try:
        dis.dis(bad) if bad == 42 else dis.code_info(bad)
    except TypeError as e:
        print('TypeError:', e)
import io
out = io.StringIO()
dis.dis('a = 1', file=out)
print('LOAD_CONST' in out.getvalue(), out.getvalue().endswith('\n'))
print(repr(dis.UNKNOWN))
