# One-character strings of U+0000..U+00FF taken out of a str are shared, as in CPython.
s = "abcé"
t = "xaé!"
print(s[0] is t[1], s[3] is t[2], s[-1] is s[3])
print(all(s[i] is s[i] for i in range(len(s))))
