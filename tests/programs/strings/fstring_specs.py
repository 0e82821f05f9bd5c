name, value, pi = "widget", 1234.5678, 3.14159
print(f"{name!r:>12}|{name:<10}|{name:^10}|{name:.3}")
print(f"{value:,.2f} {value:10.1f} {value:<10.0f}| {value:e} {int(value):08d} {int(value):x}")
width, prec = 12, 3
print(f"{pi:{width}.{prec}f}|{pi:^{width}}|{'nested':{'*'}>{width}}")
print(f"{'quoted'} {name + '!'} {[1, 2][1]} {dict(a=1)['a']} {len(name) * 2}")
print(f"{value = }", f"{pi=:.2f}", f"{name=!s}", f"{1 + 1 = }")
print(f"{{braces}} {{{name}}}", f"{'{'}", f"a{'b'!r}c")
print(f"{3 if value > 100 else 4}", f"{(lambda x: x * 2)(21)}", f"{','.join(str(i) for i in range(3))}")
items = {"apple": 1.5, "kiwi": 0.25}
for k, v in items.items():
    print(f"{k:.<10}{v:.>8.2f}")
print(f"{-5:+}", f"{5:+}", f"{0.5:.0%}", f"{255:#06x}", f"{1e-10:.1e}", f"{True!s:>6}")
print(f"{'multi'}" f"{'part'}" "plain", F"upper {name}", rf"raw\n{name}")
