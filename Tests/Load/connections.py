#!/usr/bin/env python3
"""Many connections at once against a token route, and slow clients beside them.

usage: connections.py HOST PORT PATH BODY CONNECTIONS SLOW

Opens SLOW connections that send half a request and stall, then CONNECTIONS connections at once,
each sending one whole token request. Prints a JSON object of the status codes the whole requests
got (0 for none) and exits 0 when each got an answer.
"""
import asyncio
import json
import resource
import sys


async def whole_request(host, port, request):
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), 30)
        writer.write(request)
        await writer.drain()
        line = await asyncio.wait_for(reader.readline(), 30)
        writer.close()
        return int(line.split()[1]) if line.startswith(b"HTTP/1.1 ") else 0
    except (OSError, asyncio.TimeoutError, ValueError, IndexError):
        return 0


async def stalled_request(host, port, request):
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(request[: len(request) // 2])
    await writer.drain()
    return writer


async def main(host, port, path, body, connections, slow):
    data = body.encode()
    request = (f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
               f"Content-Length: {len(data)}\r\nConnection: close\r\n\r\n").encode() + data
    stalled = [await stalled_request(host, port, request) for _ in range(slow)]
    statuses = await asyncio.gather(*(whole_request(host, port, request) for _ in range(connections)))
    for writer in stalled:
        writer.close()
    counts = {}
    for status in statuses:
        counts[str(status)] = counts.get(str(status), 0) + 1
    print(json.dumps(counts, sort_keys=True))
    return 0 if "0" not in counts else 1


if __name__ == "__main__":
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 8192), hard))
    host, port, path, body, connections, slow = sys.argv[1:7]
    sys.exit(asyncio.run(main(host, int(port), path, body, int(connections), int(slow))))
