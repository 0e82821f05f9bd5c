# Where await / async for / async with / async comprehensions may not appear.

cases = [
    "await x",
    "def f():\n    await x",
    "class C:\n    await x",
    "lambda: await x",
    "def f():\n    async for x in y: pass",
    "def f():\n    async with x: pass",
    "async for x in y: pass",
    "def f():\n    return [x async for x in y]",
    "async def f():\n    yield from x",
    "async def f():\n    yield 1\n    return 2",
    "[x async for x in y]",
    "async def f():\n    await = 1",
    "async def f():\n    (await x) = 1",
]
for source in cases:
    try:
        compile(source, "<case>", "exec")
        print("compiled:", repr(source))
    except SyntaxError as e:
        print(f"{e.msg} (line {e.lineno})")

ok = [
    "async def f():\n    return [await x for x in y]",
    "async def f():\n    return (await x for x in y)",
    "def f():\n    return (x async for x in y)",
    "async def f():\n    async with a as b, c:\n        async for x in b:\n            await x",
    "async def f():\n    return {k: await v async for k, v in y}",
    "async def f():\n    return await x ** 2",
]
for source in ok:
    compile(source, "<case>", "exec")
print("all compiled")
