import logging
import sys

logging.warning('before config %s', 1)
logging.info('not shown')
logging.basicConfig(stream=sys.stdout, level=logging.DEBUG,
                    format='%(levelname)s:%(name)s:%(funcName)s:%(lineno)d:%(module)s:%(filename)s:%(threadName)s: %(message)s')
log = logging.getLogger('app.db')
log.debug('debug %d', 5)

def work():
    log.info('in work')
    try:
        1 / 0
    except ZeroDivisionError:
        log.exception('failed')
    log.error('with info', exc_info=True) 

work()
print(log, logging.getLogger('app'), logging.root, logging.getLevelName(30), logging.getLevelName('ERROR'), logging.getLevelName(7))
child = logging.getLogger('app.db.x')
print(child.parent.name, child.getEffectiveLevel(), child.isEnabledFor(10))
log.setLevel(logging.ERROR)
log.warning('hidden')
child.error('shown %s', 'x')
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter('{levelname} - {name} - {message}', style='{'))
log.addHandler(h)
log.propagate = False
log.critical('crit')
class F(logging.Filter):
    def filter(self, record):
        return 'secret' not in record.getMessage()
log.addFilter(F())
log.error('a secret')
log.error('public')
ad = logging.LoggerAdapter(log, {'user': 'bob'})
ad.error('adapted')
h.setFormatter(logging.Formatter('$levelname $message $user', style='$'))
log.error('extra', extra={'user': 'ann'})
print(repr(h))
logging.getLogger('other').warning('other %(a)s', {'a': 1})
