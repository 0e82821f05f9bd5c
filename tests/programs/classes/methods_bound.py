class Greeter:
    def __init__(self, greeting):
        self.greeting = greeting

    def greet(self, name):
        return f"{self.greeting}, {name}"


g = Greeter("hi")
m = g.greet
print(m("ann"), m.__self__ is g, m.__func__ is Greeter.greet)
print(Greeter.greet(g, "bob"))
greeters = [Greeter(w).greet for w in ("hello", "hey")]
print([f("x") for f in greeters])
print(list(map(g.greet, ["a", "b"])))
print(m == g.greet, m.__name__)

g.greet = lambda name: "patched " + name
print(g.greet("c"), Greeter("yo").greet("d"))

try:
    Greeter.greet("only one")
except TypeError as e:
    print(type(e).__name__, e)
try:
    Greeter("x").greet()
except TypeError as e:
    print(type(e).__name__, e)
try:
    Greeter()
except TypeError as e:
    print(type(e).__name__, e)
