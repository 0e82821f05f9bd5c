# An uncaught usage error: usage and the message on stderr, exit status 2.
import argparse
import os

os.environ['COLUMNS'] = '80'
parser = argparse.ArgumentParser(prog='convert')
parser.add_argument('source')
parser.add_argument('--width', type=int, required=True)
print('parsing')
parser.parse_args(['in.png', '--width', 'wide'])
print('not reached')
