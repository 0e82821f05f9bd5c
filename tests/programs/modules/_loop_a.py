import _loop_b
VALUE = 1
