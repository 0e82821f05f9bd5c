class Plugin:
    name = None
    plugins = []

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.name is None:
            cls.name = cls.__name__.lower()
        Plugin.plugins.append(cls)

    def run(self, data):
        raise NotImplementedError


class Upper(Plugin):
    def run(self, data):
        return data.upper()


class Reverse(Plugin):
    name = "rev"

    def run(self, data):
        return data[::-1]


class Double(Upper):
    def run(self, data):
        return super().run(data) * 2


for p in Plugin.plugins:
    print(p.name, p().run("abc"))
try:
    Plugin().run("x")
except NotImplementedError as e:
    print(type(e).__name__, repr(e))
print([c.__name__ for c in Double.__mro__])
