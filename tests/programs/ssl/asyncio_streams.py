# asyncio's streams over TLS: start_server and open_connection with ssl= contexts (asyncio's
# sslproto drives ssl.SSLObject over MemoryBIOs).
import asyncio
import os
import ssl

HERE = os.path.join(os.path.dirname(__file__), "_certs")
server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server_ctx.load_cert_chain(os.path.join(HERE, "keycert.pem"))
client_ctx = ssl.create_default_context(cafile=os.path.join(HERE, "ca.pem"))

async def handle(reader, writer):
    data = await reader.readline()
    writer.write(data.upper())
    await writer.drain()
    writer.close()
    await writer.wait_closed()

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=server_ctx)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port, ssl=client_ctx, server_hostname="localhost")
    writer.write(b"hello async tls\n")
    print(await reader.readline())
    print(writer.get_extra_info("ssl_object").version())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

asyncio.run(main())
