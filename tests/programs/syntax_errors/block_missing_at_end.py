class A:
    def f(self):
        pass

    def g(self):
# the body never came
