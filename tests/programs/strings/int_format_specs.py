# Decimal format specs of machine ints (formatted without a big-number conversion) beside the
# specs that take the general path: other kinds, errors, bools, the i64 extremes.
for s in ['{:>6}', '{:d}', '{:+,}', '{:06}', '{:=+8}', '{:^9}', '{:#d}', '{:_}', '{:x}',
          '{:<3d}', '{: }', '{}']:
    for i in (0, 7, -12345, 2**63 - 1, -2**63, 2**64):
        try:
            print(s, repr(s.format(i)), f'{i:{s[2:-1]}}')
        except Exception as e:
            print(s, type(e).__name__, e)
for s in ['{:.2}', '{:z}', '{:%}', '{:e}', '{:n}']:
    try:
        print(s, s.format(5))
    except Exception as e:
        print(s, type(e).__name__, e)


class Sub(int):
    pass


print(f'{True:>6}', f'{False:d}', f'{Sub(42):>5}', format(-3, '08'))
