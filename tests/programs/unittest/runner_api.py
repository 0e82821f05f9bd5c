# TestSuite, TestLoader, TextTestRunner on a stream, main(argv=[... '-v'], exit=False).
import io
import sys
import time
import unittest

time.perf_counter = lambda: 0.0


class Numbers(unittest.TestCase):
    def test_add(self):
        self.assertEqual(1 + 1, 2)

    def test_div(self):
        self.assertAlmostEqual(1 / 3, 0.333, places=3)

    def test_bad(self):
        self.assertTrue(False)

    def helper(self):
        pass


class Words(unittest.TestCase):
    def test_upper(self):
        self.assertEqual('a'.upper(), 'A')

    def test_split(self):
        self.assertEqual('a b'.split(), ['a', 'b'])


loader = unittest.TestLoader()
print(loader.getTestCaseNames(Numbers))
suite = loader.loadTestsFromTestCase(Numbers)
print(suite.countTestCases(), [t.id() for t in suite])
print(Numbers('test_add'), repr(Numbers('test_add')), Numbers('test_add').id())
stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
print(stream.getvalue())
print(result, result.wasSuccessful(), result.testsRun, len(result.failures), len(result.errors))
print(result.failures[0][0], result.failures[0][1].splitlines()[-1])

both = unittest.TestSuite()
both.addTest(Words('test_upper'))
both.addTests(loader.loadTestsFromTestCase(Words))
both.addTest(unittest.FunctionTestCase(lambda: None, description='a function test'))
stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream).run(both)
print(stream.getvalue())
print(result.wasSuccessful(), result.testsRun)

sys.stderr = sys.stdout
program = unittest.main(argv=['prog', '-v', 'Words'], exit=False)
print(program.result.wasSuccessful())
program = unittest.main(argv=['prog', '-k', 'add', 'Numbers'], exit=False)
print(program.result.testsRun)
try:
    unittest.main(argv=['prog', '-q', 'Numbers.test_bad'])
except SystemExit as e:
    print('exit', e.code)
