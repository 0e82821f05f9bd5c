class Parser:
    def __init__(self, text):
        self.tokens = text.split()

    def parse(self):
        return [self.parse_token(t) for t in self.tokens]

    def parse_token(self, token):
        if token.isdigit():
            return int(token)
        return self.lookup(token)

    def lookup(self, name):
        constants = {"one": 1, "two": 2}
        return constants[name]


print(Parser("1 two 3").parse())
print(Parser("4 five").parse())
