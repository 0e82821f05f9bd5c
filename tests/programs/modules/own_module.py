import _geometry
import _geometry as geo
from _geometry import Rect, area as rect_area, UNIT
from _geometry import *

print(_geometry.area(2, 3), geo.area(4, 5), rect_area(1, 1), UNIT)
print(Rect(2, 5).area(), describe(), geo is _geometry)
print(_geometry.__name__, type(_geometry).__name__)
_geometry.UNIT = "mm"
print(_geometry.describe(), UNIT)
try:
    _private
except NameError as e:
    print(type(e).__name__, e)
print(geo._private)
try:
    from _geometry import missing_name
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
try:
    import _no_such_module
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
print(__name__)
if __name__ == "__main__":
    print("main guard ran")
