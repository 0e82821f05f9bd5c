import string
from string import Template, Formatter

for name in ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits", "hexdigits",
             "octdigits", "punctuation", "printable", "whitespace"]:
    print(name, repr(getattr(string, name)))
print(string.capwords("hello   wide  world"), string.capwords(" a-b c-d ", "-"), repr(string.capwords("")))

t = Template("$who likes $what, ${who}'s $$5 ${what}s")
print(t.substitute(who="tim", what="kung pao"))
print(t.substitute({"who": "ann", "what": "tea"}, what="pie"))
print(t.safe_substitute(who="bob"))
print(Template("$a $b $").safe_substitute(a=1))
print(Template("x${a}y $_b9 $9").safe_substitute(a=[1], _b9=2.5))
print(t.template, t.get_identifiers(), t.is_valid(), Template("$").is_valid())


class Pct(Template):
    delimiter = "%"


print(Pct("%name is %%%age").substitute(name="Al", age=3))
for call in [
    lambda: Template("$missing").substitute(),
    lambda: Template("cost: $").substitute(),
    lambda: Template("line1\nab ${ x").substitute(x=1),
    lambda: Template("$x").substitute({"y": 1}),
]:
    try:
        print(call())
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)

f = Formatter()
print(f.format("{0} + {1} = {2:>5}", 1, 2, 3))
print(f.format("{name!r:^10}|{x.real}|{d[k]}|{l[1]}", name="n", x=4, d={"k": "v"}, l=[7, 8]))
print(f.format("{} {} {{literal}}", "a", "b"))
print(f.format("{:{w}.{p}f}", 3.14159, w=10, p=2))
print(list(f.parse("a{0}b{x!r:>3}c{{d}}")))
print(f.get_field("a.real", (), {"a": 5}))


class Upper(Formatter):
    def format_field(self, value, spec):
        return format(value, spec).upper()

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return "<" + key + ">"
        return super().get_value(key, args, kwargs)


print(Upper().format("{0} and {who} and {missing}", "x", who="y"))
print(f.vformat("{a}-{b}", (), {"a": 1, "b": 2}))
for call in [lambda: f.format("{0} {}", 1, 2), lambda: f.format("{} {1}", 1, 2), lambda: f.format("{0!x}", 1),
             lambda: f.format("{x}", y=1), lambda: f.format("{5}", 1), lambda: f.format("a}b")]:
    try:
        print(call())
    except (KeyError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
