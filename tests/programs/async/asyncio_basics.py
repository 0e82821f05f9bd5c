# asyncio over gilvm's coroutines: run, tasks, gather, sleep(0), Queue, Event, Lock,
# wait_for timeouts, cancellation, async generators in the loop.
import asyncio


async def producer(queue, n):
    for i in range(n):
        await queue.put(i)
        await asyncio.sleep(0)
    await queue.put(None)


async def consumer(name, queue, seen):
    while True:
        item = await queue.get()
        queue.task_done()
        if item is None:
            return f"{name} done"
        seen.append(item * item)


async def pipeline():
    queue = asyncio.Queue(maxsize=2)
    seen = []
    results = await asyncio.gather(producer(queue, 5), consumer("c", queue, seen))
    print("gather:", results, seen)


async def ordered(label, steps, log):
    for step in range(steps):
        log.append(f"{label}{step}")
        await asyncio.sleep(0)
    return label


async def interleaving():
    log = []
    tasks = [asyncio.create_task(ordered(c, 3, log)) for c in "abc"]
    done = await asyncio.gather(*tasks)
    print("interleaved:", " ".join(log), done)


async def events_and_locks():
    event = asyncio.Event()
    lock = asyncio.Lock()
    log = []

    async def waiter(i):
        await event.wait()
        async with lock:
            log.append(i)
            await asyncio.sleep(0)

    tasks = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print("waiting:", event.is_set(), log)
    event.set()
    await asyncio.wait(tasks)
    print("after set:", sorted(log), lock.locked())


async def timeouts_and_cancel():
    try:
        await asyncio.wait_for(asyncio.sleep(3600), timeout=0.01)
    except asyncio.TimeoutError:
        print("wait_for timed out")

    async def forever():
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            print("task saw CancelledError")
            raise

    task = asyncio.create_task(forever())
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled:", task.cancelled())

    async def fails():
        raise ValueError("boom")

    results = await asyncio.gather(fails(), asyncio.sleep(0, "ok"), return_exceptions=True)
    print("return_exceptions:", [repr(r) for r in results])


async def countdown(n):
    while n:
        yield n
        n -= 1
        await asyncio.sleep(0)


async def async_iteration():
    print("countdown:", [i async for i in countdown(4)])
    future = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_soon(future.set_result, "from call_soon")
    print("future:", await future)


async def main():
    await pipeline()
    await interleaving()
    await events_and_locks()
    await timeouts_and_cancel()
    await async_iteration()
    return "main finished"


print(asyncio.run(main()))
coro = main()
print(asyncio.iscoroutinefunction(main), asyncio.iscoroutine(coro))
coro.close()
