# Sizes too big for any machine raise MemoryError or OverflowError, as in CPython, and the
# interpreter goes on: no abort, no panic.


def attempt(text):
    try:
        result = eval(text)
    except (MemoryError, OverflowError, ValueError) as e:
        print(f"{text:45} {type(e).__name__}: {e}")
    else:
        print(f"{text:45} ok, {result if isinstance(result, int) else len(result)}")


for text in [
    # Repeats: CPython's checks of the length, then of the memory.
    "[1] * 2**62",
    "[1, 2] * 2**62",
    "(1,) * 2**62",
    "[None] * 10**12",
    "[0] * 10**11",
    "'ab' * 2**62",
    "'x' * 10**12",
    "b'ab' * 2**62",
    "b'ab' * (1 << 63)",
    "b'x' * 10**12",
    "[1] * 2**63",
    "'x' * -2**64",
    "2**64 * [1]",
    "[] * 2**62",
    "'' * 2**62",
    "[1, 2] * -5",
    # Sizes given outright.
    "bytes(10**12)",
    "bytearray(10**12)",
    "bytes(2**63)",
    "list(range(10**12))",
    "tuple(range(2**62))",
    "(5).to_bytes(10**12, 'big')",
    "(5).to_bytes(2**63, 'big')",
    "__import__('struct').pack('1000000000000s', b'')",
    "__import__('hashlib').shake_128(b'').digest(10**12)",
    "__import__('hashlib').shake_256(b'').hexdigest(2**62)",
    # Padding.
    "'a'.zfill(10**12)",
    "'x'.ljust(10**12)",
    "'x'.center(10**12)",
    "'x'.rjust(2**62)",
    "'x'.center(2**63)",
    "b'x'.ljust(10**12)",
    "b'x'.zfill(10**12)",
    "'x'.expandtabs(2**62)",
    "'x'.expandtabs(2**31)",
    # Format widths and precisions.
    "format(1, '10000000000000d')",
    "format(1.5, '10000000000000f')",
    "format(1, '9223372036854775807')",
    "format(1, '99999999999999999999d')",
    "'{:>99999999999}'.format(1)",
    "'{0:{1}}'.format(1, 10**12)",
    "f'{1:{1 << 63}}'",
    "format(1.5, '.2147483648f')",
    "'%*d' % (10**12, 1)",
    "'%10000000000000d' % 1",
    "'%*d' % (2**63 - 1, 1)",
    "'%*d' % (2**63, 1)",
    "'%99999999999999999999d' % 1",
    "'%.2147483648f' % 1.5",
    "'%.*f' % (2**40, 1.5)",
    # Shifts and powers.
    "1 << (1 << 62)",
    "1 << 2**64",
    "1 << 10**12",
    "0 << 2**100",
    "1 >> 2**100",
    "-1 >> 2**100",
    "(-1) ** (10**12)",
    "(-1) ** (10**12 + 1)",
    "1 ** (10**100)",
    "0 ** (10**100)",
]:
    attempt(text)

# Precision past what a double's digits need: the rest are zeros.
text = "%.65536f" % 1.0
print(len(text), text[:5], set(text[2:]))
text = format(0.1, ".70000e")
print(len(text), text[:20], text[-8:])
print(format(1234, "020,"), format(-1234, "021_"), format(1, "08,"))

# The interpreter is still usable after all these.
print(sum(range(10)))
