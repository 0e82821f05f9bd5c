import argparse
import os
import sys

os.environ['COLUMNS'] = '80'
sys.stderr = sys.stdout  # errors and usage in order with the rest


def attempt(parser, args):
    try:
        ns = parser.parse_args(args)
        print('ok', ns)
    except SystemExit as e:
        print('exit', e.code)


p = argparse.ArgumentParser(prog='tool', description='Does things to files.',
                            epilog='See the manual for more.')
p.add_argument('files', nargs='+', metavar='FILE', help='input files')
p.add_argument('-v', '--verbose', action='count', default=0, help='more output')
p.add_argument('--mode', choices=['fast', 'slow'], default='fast',
               help='how to run (default: %(default)s)')
p.add_argument('-n', '--number', type=int, default=3, help='how many')
p.add_argument('-q', action='store_true', help='quiet')
p.add_argument('--no-color', dest='color', action='store_false')
p.add_argument('--tag', action='append', help='a tag (repeatable)')
p.add_argument('--const', action='store_const', const=42)
p.add_argument('--add-x', dest='extra', action='append_const', const='x')
p.add_argument('--ratio', type=float, metavar='R')
p.add_argument('--version', action='version', version='%(prog)s 1.0')
attempt(p, ['a.txt', 'b.txt', '-vv', '--mode', 'slow', '-n', '5', '--tag', 'x',
            '--tag=y', '--add-x', '--add-x', '--const', '--ratio', '0.5'])
attempt(p, ['only'])
p.print_help()
print(repr(p.format_usage()))
attempt(p, ['--mode', 'medium', 'x'])
attempt(p, [])
attempt(p, ['x', '-n', 'three'])
attempt(p, ['x', '--bogus'])
attempt(p, ['x', '--ratio'])
attempt(p, ['--version'])
attempt(p, ['-h'])

# nargs variants
q = argparse.ArgumentParser(prog='nargs')
q.add_argument('first')
q.add_argument('pair', nargs=2)
q.add_argument('maybe', nargs='?', default='dflt')
q.add_argument('--opt', nargs='*', default=[])
q.add_argument('--one', nargs='?', const='C', default='D')
attempt(q, ['a', 'b', 'c'])
attempt(q, ['a', 'b', 'c', 'd', '--opt', '1', '2', '--one'])
attempt(q, ['a', 'b'])
attempt(q, ['a', 'b', 'c', '--one', 'val'])
q.print_usage()

r = argparse.ArgumentParser(prog='run')
r.add_argument('cmd')
r.add_argument('rest', nargs=argparse.REMAINDER)
attempt(r, ['ls', '-l', '--all', 'x'])

# parse_known_args and Namespace
ns, extra = q.parse_known_args(['a', 'b', 'c', '--zzz', 'e'])
print(ns, extra)
n1 = argparse.Namespace(a=1, b='two')
print(n1, n1 == argparse.Namespace(b='two', a=1), 'a' in n1, vars(n1))

# required options, mutually exclusive groups, argument groups
m = argparse.ArgumentParser(prog='mx')
m.add_argument('--out', required=True, help='where to write')
g = m.add_mutually_exclusive_group()
g.add_argument('--json', action='store_true')
g.add_argument('--csv', action='store_true')
grp = m.add_argument_group('tuning', 'Knobs for speed.')
grp.add_argument('--threads', type=int, default=1, help='worker threads')
attempt(m, ['--out', 'o', '--json'])
attempt(m, ['--out', 'o', '--json', '--csv'])
attempt(m, ['--json'])
m.print_help()

# a custom Action
class Upper(argparse.Action):
    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values.upper())

c = argparse.ArgumentParser(prog='custom')
c.add_argument('--name', action=Upper)
attempt(c, ['--name', 'bob'])

# type errors from custom callables
def positive(text):
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError('%r is not positive' % text)
    return value

t = argparse.ArgumentParser(prog='types')
t.add_argument('count', type=positive)
attempt(t, ['4'])
attempt(t, ['-4'])
attempt(t, ['0'])

# error() directly, and exit status of a real parse failure
try:
    t.error('something went wrong')
except SystemExit as e:
    print('exit', e.code)
