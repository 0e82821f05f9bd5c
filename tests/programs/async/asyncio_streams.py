# asyncio streams over the selector loop: a server with start_server and five clients with
# open_connection, gathered (memoryview carries the transport's buffers).
import asyncio

async def handle(reader, writer):
    data = await reader.readline()
    writer.write(data.upper())
    await writer.drain()
    writer.close()
    await writer.wait_closed()

async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    async def client(i):
        r, w = await asyncio.open_connection('127.0.0.1', port)
        w.write(f'hello {i}\n'.encode())
        await w.drain()
        line = await r.readline()
        w.close()
        await w.wait_closed()
        return line
    print(await asyncio.gather(*(client(i) for i in range(5))))
    server.close()
    await server.wait_closed()

asyncio.run(main())
