KEYWORDS = {"let", "if", "then", "else", "print"}
SYMBOLS = {"+", "-", "*", "/", "(", ")", "=", "==", "<", "<="}


class TokenError(Exception):
    pass


def tokenize(src):
    tokens, i, line = [], 0, 1
    while i < len(src):
        ch = src[i]
        if ch == "\n":
            line += 1
            i += 1
        elif ch.isspace():
            i += 1
        elif ch == "#":
            while i < len(src) and src[i] != "\n":
                i += 1
        elif ch.isdigit():
            start = i
            while i < len(src) and (src[i].isdigit() or src[i] == "."):
                i += 1
            text = src[start:i]
            tokens.append(("NUM", float(text) if "." in text else int(text), line))
        elif ch.isalpha() or ch == "_":
            start = i
            while i < len(src) and (src[i].isalnum() or src[i] == "_"):
                i += 1
            word = src[start:i]
            tokens.append(("KW" if word in KEYWORDS else "ID", word, line))
        elif ch == '"':
            end = src.find('"', i + 1)
            if end == -1:
                raise TokenError(f"line {line}: unterminated string")
            tokens.append(("STR", src[i + 1:end], line))
            i = end + 1
        elif src[i:i + 2] in SYMBOLS:
            tokens.append(("SYM", src[i:i + 2], line))
            i += 2
        elif ch in SYMBOLS:
            tokens.append(("SYM", ch, line))
            i += 1
        else:
            raise TokenError(f"line {line}: unexpected {ch!r}")
    return tokens


program = 'let x = 42 # answer\nif x <= 3.5 then print "small"\nelse print(x_1 == x)'
for kind, value, line in tokenize(program):
    print(f"{line}: {kind:4} {value!r}")
for bad in ['let s = "open', "x = 1 @ 2"]:
    try:
        tokenize(bad)
    except TokenError as e:
        print(type(e).__name__, e)
