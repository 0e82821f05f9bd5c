import logging
import os
import re
import sys
import threading
import time

# Records get a fixed creation time, so %(asctime)s is deterministic.
class FixedTime(logging.Filter):
    def filter(self, record):
        record.created = 86400 * 365.25 * 30 + 0.25
        record.msecs = 250.0
        return True


path = 'logging_test_output.log'
logging.basicConfig(filename=path, filemode='w', level=logging.INFO,
                    format='%(asctime)s %(levelname)-8s %(name)s [%(threadName)s] %(message)s')
logging.Formatter.converter = time.gmtime
root = logging.getLogger()
for h in root.handlers:
    h.addFilter(FixedTime())
    print(type(h).__name__, os.path.basename(h.baseFilename), h.mode, h.level)
log = logging.getLogger('worker')
log.info('starting')


def job(n):
    log.info('job %d running', n)


threads = [threading.Thread(target=job, args=(i,), name='T%d' % i) for i in range(3)]
for t in threads:
    t.start()
    t.join()
log.debug('not written')
log.warning('done with %s', ['a', 'b'])
try:
    {}['missing']
except KeyError:
    log.exception('lookup failed')
for h in root.handlers:
    h.flush()
with open(path) as f:
    # The traceback names the script by its absolute path under CPython.
    print(re.sub(r'File ".*/', 'File "', f.read()), end='')

# basicConfig does nothing the second time, unless force=True
logging.basicConfig(stream=sys.stdout, format='%(message)s')
print(len(root.handlers), type(root.handlers[0]).__name__)
logging.basicConfig(stream=sys.stdout, format='forced: %(levelname)s %(message)s', force=True)
print(len(root.handlers), type(root.handlers[0]).__name__)
logging.warning('after force')
fmt = logging.Formatter('%(asctime)s|%(message)s', datefmt='%Y/%m/%d %H-%M-%S')
root.handlers[0].setFormatter(fmt)
root.handlers[0].addFilter(FixedTime())
logging.error('custom datefmt')
fmt2 = logging.Formatter('%(asctime)s %(msecs)03d %(name)s')
rec = logging.LogRecord('n', logging.INFO, 'f.py', 3, 'msg %s', ('x',), None)
rec.created, rec.msecs = 0.0, 0.0
print(fmt2.format(rec), rec.getMessage(), rec.levelname, rec.lineno, rec.pathname)
print(repr(rec)[:40])
os.remove(path)

# NullHandler and the last resort
quiet = logging.getLogger('quiet')
quiet.propagate = False
quiet.addHandler(logging.NullHandler())
quiet.error('swallowed')
lonely = logging.getLogger('lonely')
lonely.propagate = False
lonely.warning('to stderr as a bare message')
lonely.info('not shown: below WARNING')
logging.disable(logging.ERROR)
logging.error('disabled')
logging.disable(logging.NOTSET)
logging.error('enabled again')
print(logging.getLevelNamesMapping()['WARN'], logging.WARN, logging.FATAL)
logging.addLevelName(25, 'NOTICE')
logging.log(25, 'custom level')
logging.shutdown()
