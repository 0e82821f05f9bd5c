# gilvm's bisect module: binary search and insertion in sorted lists, native (`_bisect.rs`)
# as CPython's `from _bisect import *`.

from _bisect import bisect_left, bisect_right, insort_left, insort_right

bisect = bisect_right
insort = insort_right
