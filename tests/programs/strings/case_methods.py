words = ["hello world", "HELLO", "hElLo wOrLd", "it's o'neil", "123abc", "", "ß straße", "x-y_z 9lives"]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), sep=" | ")
print("Straße".casefold(), "ABC".casefold(), "MiXeD".lower().upper())
print("ABC".isupper(), "AbC".isupper(), "abc1".islower(), "123".islower(), "Title Case".istitle(), "Not title".istitle())
