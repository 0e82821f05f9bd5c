pairs = [
    (ZeroDivisionError, ArithmeticError),
    (OverflowError, ArithmeticError),
    (KeyError, LookupError),
    (IndexError, LookupError),
    (LookupError, Exception),
    (UnboundLocalError, NameError),
    (RecursionError, RuntimeError),
    (NotImplementedError, RuntimeError),
    (ModuleNotFoundError, ImportError),
    (StopIteration, Exception),
    (KeyboardInterrupt, Exception),
    (SystemExit, BaseException),
    (Exception, BaseException),
    (TypeError, ValueError),
    (FileNotFoundError, OSError),
    (AssertionError, Exception),
]
for sub, sup in pairs:
    print(f"{sub.__name__:20} {sup.__name__:15} {issubclass(sub, sup)}")

print([c.__name__ for c in ZeroDivisionError.__mro__])
print([c.__name__ for c in KeyError.__mro__])


def classify(exc):
    try:
        raise exc
    except LookupError as e:
        return f"lookup: {type(e).__name__}"
    except ArithmeticError as e:
        return f"arith: {type(e).__name__}"
    except (TypeError, ValueError) as e:
        return f"type/value: {type(e).__name__}"
    except Exception as e:
        return f"other: {type(e).__name__}"


for exc in [KeyError("k"), IndexError, ZeroDivisionError(), ValueError, TypeError(), RuntimeError, OverflowError]:
    print(classify(exc))
