print("%s is %d years" % ("ann", 30))
print("%r %s %a" % ("x", "x", "é"))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%.2f|%8.3f|%-8.1f|%e|%.3g|%g" % (3.14159, 2.0, -1.25, 12345.678, 0.000123, 1e20))
print("%x %X %o %#x %#o %c %c" % (255, 255, 8, 255, 8, 65, "z"))
print("%(name)s has %(count)03d items" % {"name": "box", "count": 7})
print("100%% done" % (), "%s" % [1, 2], "%s" % (1,), "%s%s" % ("a", "b"))
print("%*d|%-*s|%.*f" % (5, 1, 4, "ab", 2, 3.14159))
print("%d" % True, "%s" % None, "%i" % 3.7, "%.0f" % 2.5, "%.0f" % 3.5)
for fmt, args in [("%d", "x"), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%z", 1), ("%(k)s", 5)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError) as e:
        print(repr(fmt), "->", type(e).__name__, e)
