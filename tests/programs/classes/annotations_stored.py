# Annotations are evaluated and stored on modules, classes and functions.
x: int = 1
y: "str"
z: list[int] = []


def local_annotations():
    a: int = 5  # not stored anywhere
    return a


print(__annotations__, local_annotations())


class Config:
    name: str
    port: int = 8080
    if True:
        debug: bool = False

    def method(self, n: int) -> "Config":
        return self


print(Config.__annotations__, Config.port, hasattr(Config, "name"))
print(Config.method.__annotations__)


def outer():
    T = dict

    class Local:
        field: T

    def f(p: T) -> T:
        return p

    return Local.__annotations__, f.__annotations__


print(outer())


class NoAnn:
    pass


print("__annotations__" in NoAnn.__dict__)
