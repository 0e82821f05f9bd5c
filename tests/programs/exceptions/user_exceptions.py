class AppError(Exception):
    pass


class ValidationError(AppError):
    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


class RetryableError(AppError):
    def __init__(self, attempts):
        self.attempts = attempts

    def __str__(self):
        return f"gave up after {self.attempts} attempts"


def check(age):
    if not isinstance(age, int):
        raise ValidationError("age", "must be an int")
    if age < 0:
        raise ValidationError("age", "must be >= 0")
    return age


for value in [5, -1, "x"]:
    try:
        print("ok", check(value))
    except ValidationError as e:
        print(type(e).__name__, e, e.field, e.args)

try:
    raise RetryableError(3)
except AppError as e:
    print(type(e).__name__, e, e.args, repr(e))

e = AppError("a", 1, None)
print(str(e), repr(e), e.args)
print(str(AppError()), repr(AppError()), repr(AppError("one")))
print(isinstance(ValidationError("f", "p"), Exception), ValidationError.__mro__[1].__name__)
err = ValueError("with note")
err.custom = 42
try:
    raise err
except ValueError as caught:
    print(caught is err, caught.custom)
