import time
import unittest

time.perf_counter = lambda: 0.0  # "Ran N tests in 0.000s" under both


class Arith(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        print('setUpClass')

    @classmethod
    def tearDownClass(cls):
        print('tearDownClass')

    def setUp(self):
        self.values = [1, 2, 3]

    def tearDown(self):
        self.values = None

    def test_sum(self):
        """Sums add up."""
        self.assertEqual(sum(self.values), 6)

    def test_fail(self):
        self.assertEqual(sum(self.values), 7)

    def test_error(self):
        {}['missing']

    def test_list_diff(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])

    def test_dict_diff(self):
        self.assertEqual({'a': 1, 'b': 2}, {'a': 1, 'b': 3})

    def test_str_diff(self):
        self.assertEqual('one\ntwo\nthree\n', 'one\n2\nthree\n')

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError) as cm:
            1 / 0
        self.assertIn('division', str(cm.exception))
        self.assertRaises(ValueError, int, 'x')
        with self.assertRaisesRegex(ValueError, 'invalid literal'):
            int('y')

    def test_raises_missing(self):
        with self.assertRaises(KeyError):
            pass

    def test_misc(self):
        self.assertTrue(1)
        self.assertFalse(0)
        self.assertIs(None, None)
        self.assertIsNot(1, None)
        self.assertIsNone(None)
        self.assertIsNotNone(1)
        self.assertIn(1, [1])
        self.assertNotIn(2, [1])
        self.assertIsInstance(1, int)
        self.assertNotIsInstance(1, str)
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertNotAlmostEqual(0.1, 0.2)
        self.assertGreater(2, 1)
        self.assertGreaterEqual(2, 2)
        self.assertLess(1, 2)
        self.assertLessEqual(2, 2)
        self.assertCountEqual([1, 2, 2], [2, 1, 2])
        self.assertRegex('hello', 'h.l')
        self.assertNotEqual(1, 2)
        self.assertSequenceEqual((1, 2), [1, 2])
        self.assertSetEqual({1}, {1})

    def test_almost_fail(self):
        self.assertAlmostEqual(1.0, 1.1)

    def test_true_fail(self):
        self.assertTrue(0, 'zero is falsy')

    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertEqual(i % 2, 0)

    @unittest.skip('not today')
    def test_skipped(self):
        pass

    @unittest.skipIf(True, 'condition')
    def test_skip_if(self):
        pass

    @unittest.skipUnless(True, 'runs')
    def test_skip_unless(self):
        pass

    @unittest.expectedFailure
    def test_expected(self):
        self.assertEqual(1, 2)

    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass

    def test_fail_call(self):
        self.fail('explicit failure')

    def test_count_equal_fail(self):
        self.assertCountEqual([1, 1, 2], [1, 2, 2])

    def test_in_fail(self):
        self.assertIn('x', ['a', 'b'])

    def test_is_instance_fail(self):
        self.assertIsInstance('s', int, 'custom message')

    def test_long_list(self):
        self.assertEqual(list(range(50)), list(range(1, 51)))


if __name__ == '__main__':
    unittest.main(verbosity=2)
