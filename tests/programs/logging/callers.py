import logging, sys
logging.basicConfig(stream=sys.stdout, format='%(funcName)s %(lineno)d %(message)s')
def f():
    logging.warning('with stack', stack_info=True)
f()
class A:
    def m(self):
        logging.getLogger('x').warning('in method')
A().m()
logging.warning('lvl %d', 2, stacklevel=1)
def g():
    logging.warning('caller of g', stacklevel=2)
g()
