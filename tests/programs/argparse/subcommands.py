import argparse
import os
import sys

os.environ['COLUMNS'] = '60'
sys.stderr = sys.stdout


def attempt(parser, args):
    try:
        ns = parser.parse_args(args)
        shown = {k: getattr(v, '__name__', v) for k, v in vars(ns).items()}
        print('ok', shown)
        return ns
    except SystemExit as e:
        print('exit', e.code)


def do_add(ns):
    print('adding', ns.x + ns.y)


def do_list(ns):
    print('listing', 'all' if ns.all else 'some')


p = argparse.ArgumentParser(prog='app', description='A tool with subcommands. ' * 4)
p.add_argument('--debug', action='store_true')
sub = p.add_subparsers(dest='command', help='what to do')
add = sub.add_parser('add', help='add two numbers')
add.add_argument('x', type=int)
add.add_argument('y', type=int)
add.set_defaults(func=do_add)
ls = sub.add_parser('list', aliases=['ls'], help='list things')
ls.add_argument('-a', '--all', action='store_true')
ls.set_defaults(func=do_list)

for args in (['add', '1', '2'], ['--debug', 'list', '-a'], ['ls']):
    ns = attempt(p, args)
    ns.func(ns)
attempt(p, [])
attempt(p, ['mul', '1'])
attempt(p, ['add', '1'])
attempt(p, ['add', '-h'])
p.print_help()

req = argparse.ArgumentParser(prog='req')
rsub = req.add_subparsers(dest='cmd', required=True, metavar='COMMAND')
rsub.add_parser('go')
attempt(req, [])

# formatter classes
text = '''First line
    indented second line

Last paragraph, kept as written.'''
raw = argparse.ArgumentParser(prog='raw', description=text, epilog='bye\n  now',
                              formatter_class=argparse.RawDescriptionHelpFormatter)
raw.add_argument('--level', default=2, help='a level')
raw.print_help()
defaults = argparse.ArgumentParser(prog='defs',
                                   formatter_class=argparse.ArgumentDefaultsHelpFormatter)
defaults.add_argument('--level', default=2, help='a level')
defaults.add_argument('--name', default='x', help='a name')
defaults.add_argument('pos', nargs='?', default='p', help='a positional')
defaults.print_help()
wide = argparse.ArgumentParser(prog='wide')
wide.add_argument('--a-very-long-option-name-indeed', metavar='SOMETHING_LONG',
                  help='this help text is long enough that it must be wrapped over a few lines of output')
for i in range(6):
    wide.add_argument('--opt%d' % i, help='option %d' % i)
wide.print_help()
wide.print_usage()
