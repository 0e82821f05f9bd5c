# Instantiating an abstract class is an uncaught TypeError with CPython's message.
from abc import ABC, abstractmethod


class Store(ABC):
    @abstractmethod
    def get(self, key):
        ...

    @abstractmethod
    def put(self, key, value):
        ...


class Partial(Store):
    def get(self, key):
        return key


try:
    Partial()
except TypeError as e:
    print(e)
Store()
