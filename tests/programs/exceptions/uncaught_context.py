def cleanup(resource):
    raise RuntimeError(f"cleanup of {resource} failed")


def work():
    try:
        items = [1, 2, 3]
        return items[10]
    except IndexError:
        cleanup("db")


print("working")
work()
