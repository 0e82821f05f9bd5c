# unittest.main() on a failing suite: dots, the report on stderr, exit status 1.
import logging
import time
import unittest

time.perf_counter = lambda: 0.0  # "Ran N tests in 0.000s" under both


def setUpModule():
    print('module set up')


class Stack(unittest.TestCase):
    def setUp(self):
        self.items = []

    def test_push(self):
        self.items.append(1)
        self.assertEqual(self.items, [1])

    def test_pop_empty(self):
        with self.assertRaises(IndexError) as cm:
            self.items.pop()
        self.assertEqual(str(cm.exception), 'pop from empty list')

    def test_wrong(self):
        self.items.append(2)
        self.assertEqual(self.items, [3], 'stack content')

    def test_logs(self):
        with self.assertLogs('app', level='INFO') as cm:
            logging.getLogger('app').info('hello %s', 'there')
            logging.getLogger('app.sub').error('bad')
        self.assertEqual(cm.output, ['INFO:app:hello there', 'ERROR:app.sub:bad'])

    def test_callable_raises(self):
        self.assertRaises(ZeroDivisionError, lambda: 1 / 0)
        self.assertRaisesRegex(ValueError, r'\d+', int, 'abc1')


class BrokenSetUp(unittest.TestCase):
    def setUp(self):
        raise RuntimeError('setup exploded')

    def test_never_runs(self):
        pass


@unittest.skip('whole class skipped')
class Skipped(unittest.TestCase):
    def test_a(self):
        pass


class Helper(Exception):
    pass


def raiser():
    raise Helper('from a helper')


class Errors(unittest.TestCase):
    def test_nested_error(self):
        raiser()

    def test_chained(self):
        try:
            {}['k']
        except KeyError as e:
            raise ValueError('converted') from e

    def test_multiline_str(self):
        self.assertMultiLineEqual('a\nb\nc\n', 'a\nB\nc\n')

    def test_tuple_diff(self):
        self.assertEqual((1, 'two', 3.0), (1, 'two', 4.0))

    def test_set_diff(self):
        self.assertEqual({1, 2}, {2, 3})

    def test_not_equal_fail(self):
        self.assertNotEqual(5, 5)

    def test_is_fail(self):
        self.assertIs([], [])

    def test_greater_fail(self):
        self.assertGreater(1, 2)

    def test_none_fail(self):
        self.assertIsNone(0)


if __name__ == '__main__':
    unittest.main()
