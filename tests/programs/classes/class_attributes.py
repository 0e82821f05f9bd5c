class Counter:
    instances = 0
    shared = []

    def __init__(self, name):
        Counter.instances += 1
        self.name = name
        self.shared.append(name)
        self.own = [name]


a = Counter("a")
b = Counter("b")
print(Counter.instances, a.instances, b.shared, a.shared is b.shared)
print(a.own, b.own, a.own is b.own)
a.instances = 100
print(a.instances, b.instances, Counter.instances)
print(sorted(vars(a)))
print("instances" in Counter.__dict__, "name" in Counter.__dict__)

Counter.extra = "added later"
print(a.extra, b.extra)


class Config:
    debug = False
    level = 1
    names = tuple(n.upper() for n in ("x", "y"))

    def show(self):
        return (self.debug, self.level, self.names)


cfg = Config()
print(cfg.show())
cfg.level = 5
print(cfg.show(), Config.level)
print(getattr(Config, "missing", "default"), hasattr(cfg, "debug"))
try:
    Config.nope
except AttributeError as e:
    print(type(e).__name__, e)
try:
    cfg.nope
except AttributeError as e:
    print(type(e).__name__, e)
print(Config.__name__, Config.__qualname__, Config.show.__name__, Config.show.__qualname__)
