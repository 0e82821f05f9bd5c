class ParseError(Exception):
    pass


class Calculator:
    """expr := term (('+'|'-') term)*; term := factor (('*'|'/'|'%') factor)*;
    factor := ('-' factor) | power; power := atom ('^' factor)?; atom := NUMBER | NAME | '(' expr ')'"""

    def __init__(self, variables=None):
        self.variables = variables or {}

    def evaluate(self, text):
        self.tokens = text.replace("(", " ( ").replace(")", " ) ").split()
        for op in "+-*/%^":
            self.tokens = [t for tok in self.tokens for t in self._split(tok, op)]
        self.pos = 0
        value = self.expr()
        if self.pos != len(self.tokens):
            raise ParseError(f"unexpected {self.tokens[self.pos]!r}")
        return value

    @staticmethod
    def _split(tok, op):
        if op not in tok or tok == op:
            return [tok]
        parts = tok.split(op)
        out = [parts[0]]
        for p in parts[1:]:
            out += [op, p]
        return [t for t in out if t]

    def peek(self):
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self):
        tok = self.peek()
        if tok is None:
            raise ParseError("unexpected end of input")
        self.pos += 1
        return tok

    def expr(self):
        value = self.term()
        while self.peek() in ("+", "-"):
            value = value + self.term() if self.take() == "+" else value - self.term()
        return value

    def term(self):
        value = self.factor()
        while self.peek() in ("*", "/", "%"):
            op, rhs = self.take(), self.factor()
            value = value * rhs if op == "*" else value / rhs if op == "/" else value % rhs
        return value

    def factor(self):
        if self.peek() == "-":
            self.take()
            return -self.factor()
        base = self.atom()
        if self.peek() == "^":
            self.take()
            return base ** self.factor()
        return base

    def atom(self):
        tok = self.take()
        if tok == "(":
            value = self.expr()
            if self.take() != ")":
                raise ParseError("expected ')'")
            return value
        if tok.isdigit():
            return int(tok)
        if tok in self.variables:
            return self.variables[tok]
        raise ParseError(f"unknown token {tok!r}")


calc = Calculator({"x": 3, "pi": 3.14})
for text in ["1 + 2 * 3", "(1+2)*3", "2^3^2", "-2^2", "10 % 4 - x", "7 / 2", "2 * pi", "((x))", "1 +", "1 2", "y * 2", "(1", "1 / 0"]:
    try:
        print(f"{text!r:14} = {calc.evaluate(text)}")
    except (ParseError, ZeroDivisionError) as e:
        print(f"{text!r:14} ! {type(e).__name__}: {e}")
