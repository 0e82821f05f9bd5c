"""Raytrace: a small recursive ray tracer (spheres and a checkered plane, point lights with
shadows, Lambert and Phong shading, mirror reflections) over vector objects; prints a checksum
of the rendered image. Written for gilvm's benchmark suite; `--small` renders a smaller image
for the correctness test."""

import math
import sys

SMALL = "--small" in sys.argv[1:]
EPSILON = 0.00001


class Vector:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def cross(self, other):
        return Vector(self.y * other.z - self.z * other.y,
                      self.z * other.x - self.x * other.z,
                      self.x * other.y - self.y * other.x)

    def length(self):
        return math.sqrt(self.dot(self))

    def scale(self, k):
        return Vector(self.x * k, self.y * k, self.z * k)

    def normalized(self):
        return self.scale(1.0 / self.length())

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def __neg__(self):
        return Vector(-self.x, -self.y, -self.z)

    def reflect(self, normal):
        return self - normal.scale(2 * self.dot(normal))


class Color:
    def __init__(self, r, g, b):
        self.r = r
        self.g = g
        self.b = b

    def __add__(self, other):
        return Color(self.r + other.r, self.g + other.g, self.b + other.b)

    def __mul__(self, other):
        if isinstance(other, Color):
            return Color(self.r * other.r, self.g * other.g, self.b * other.b)
        return Color(self.r * other, self.g * other, self.b * other)


BLACK = Color(0.0, 0.0, 0.0)


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.normalized()

    def at(self, t):
        return self.origin + self.direction.scale(t)


class Sphere:
    def __init__(self, centre, radius, surface):
        self.centre = centre
        self.radius = radius
        self.surface = surface

    def intersect(self, ray):
        to_centre = self.centre - ray.origin
        along = to_centre.dot(ray.direction)
        if along < 0:
            return None
        discriminant = self.radius * self.radius - (to_centre.dot(to_centre) - along * along)
        if discriminant < 0:
            return None
        return along - math.sqrt(discriminant)

    def normal_at(self, point):
        return (point - self.centre).normalized()


class Plane:
    def __init__(self, point, normal, surface):
        self.point = point
        self.normal = normal.normalized()
        self.surface = surface

    def intersect(self, ray):
        facing = ray.direction.dot(self.normal)
        if facing >= 0:
            return None
        t = (self.point - ray.origin).dot(self.normal) / facing
        return t if t > EPSILON else None

    def normal_at(self, point):
        return self.normal


class Surface:
    def __init__(self, colour, diffuse, specular, reflect, checker=None):
        self.colour = colour
        self.diffuse = diffuse
        self.specular = specular
        self.reflect = reflect
        self.checker = checker

    def colour_at(self, point):
        if self.checker is not None and (math.floor(point.x) + math.floor(point.z)) % 2:
            return self.checker
        return self.colour


class Scene:
    def __init__(self, objects, lights, ambient):
        self.objects = objects
        self.lights = lights
        self.ambient = ambient

    def nearest(self, ray):
        best = None
        best_t = None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and t > EPSILON and (best_t is None or t < best_t):
                best, best_t = obj, t
        return best, best_t

    def shadowed(self, point, light):
        to_light = light - point
        distance = to_light.length()
        ray = Ray(point, to_light)
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and EPSILON < t < distance:
                return True
        return False

    def trace(self, ray, depth):
        obj, t = self.nearest(ray)
        if obj is None:
            return BLACK
        point = ray.at(t)
        normal = obj.normal_at(point)
        surface = obj.surface
        base = surface.colour_at(point)
        colour = base * self.ambient
        for light in self.lights:
            if self.shadowed(point, light):
                continue
            to_light = (light - point).normalized()
            lambert = normal.dot(to_light)
            if lambert > 0:
                colour = colour + base * (lambert * surface.diffuse)
            highlight = to_light.reflect(normal).dot(ray.direction)
            if highlight > 0:
                colour = colour + Color(1.0, 1.0, 1.0) * (surface.specular * highlight ** 20)
        if depth > 0 and surface.reflect > 0:
            bounce = Ray(point, ray.direction.reflect(normal))
            colour = colour + self.trace(bounce, depth - 1) * surface.reflect
        return colour


def render(scene, eye, look_at, width, height):
    forward = (look_at - eye).normalized()
    right = forward.cross(Vector(0.0, 1.0, 0.0)).normalized()
    up = right.cross(forward)
    checksum = 0
    for row in range(height):
        for col in range(width):
            x = (col - width / 2.0) / width
            y = (height / 2.0 - row) / height
            direction = forward + right.scale(x) + up.scale(y)
            c = scene.trace(Ray(eye, direction), 3)
            r = min(255, int(c.r * 255))
            g = min(255, int(c.g * 255))
            b = min(255, int(c.b * 255))
            checksum = (checksum * 7 + r * 65536 + g * 256 + b) % 4294967291
    return checksum


def main():
    size = 12 if SMALL else 130
    shiny = Surface(Color(0.9, 0.2, 0.2), 0.7, 0.5, 0.3)
    matte = Surface(Color(0.2, 0.8, 0.3), 0.9, 0.1, 0.0)
    mirror = Surface(Color(0.8, 0.8, 0.9), 0.3, 0.8, 0.6)
    floor = Surface(Color(1.0, 1.0, 1.0), 0.8, 0.0, 0.2, Color(0.1, 0.1, 0.1))
    scene = Scene(
        [
            Sphere(Vector(0.0, 1.0, 5.0), 1.0, shiny),
            Sphere(Vector(-2.0, 0.6, 6.5), 0.6, matte),
            Sphere(Vector(2.0, 1.5, 7.0), 1.5, mirror),
            Plane(Vector(0.0, 0.0, 0.0), Vector(0.0, 1.0, 0.0), floor),
        ],
        [Vector(-5.0, 8.0, 0.0), Vector(6.0, 5.0, 2.0)],
        0.1,
    )
    checksum = render(scene, Vector(0.0, 1.8, -1.0), Vector(0.0, 1.0, 5.0), size, size)
    print("raytrace: %dx%d checksum %d" % (size, size, checksum))


main()
