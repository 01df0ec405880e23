"""An end-to-end MCP session against `infracost mcp`, with the official Python SDK as the client.

Usage: python mcp_session.py PATH_TO_INFRACOST
Initializes, lists the tools, calls each one, makes a bad call, and calls again after it (the server must keep
serving). Prints one line per step and exits non-zero on the first thing that is wrong.
"""
import asyncio
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


def check(condition, message):
    if not condition:
        print(f"FAIL: {message}")
        sys.exit(1)
    print(f"ok: {message}")


async def main(binary):
    params = StdioServerParameters(command=binary, args=["mcp"])
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            check(init.server_info.name == "infracost", f"initialize: server {init.server_info.name} {init.server_info.version}, protocol {init.protocol_version}")
            listed = await session.list_tools()
            names = sorted(tool.name for tool in listed.tools)
            check(names == ["advise", "breakeven", "compare", "prices", "throughput"], f"tools/list: {names}")
            for tool in listed.tools:
                check(tool.input_schema.get("type") == "object" and "properties" in tool.input_schema, f"{tool.name} has an object schema")

            compare = await session.call_tool("compare", {"tokens": "2B", "tier": ["serverless"]})
            check(not compare.is_error, "compare 2B serverless is not an error")
            report = compare.structured_content
            check(report["cheapest_serving_model"]["monthly_cost"].count(".") == 1, f"compare: cheapest {report['cheapest_serving_model']['id']} at {report['cheapest_serving_model']['monthly_cost']} (a string)")
            text = compare.content[0].text
            check("prices verified" in text and "sources include" in text, "compare text names the prices' dates and sources")

            breakeven = await session.call_tool("breakeven", {"model_size": "70B", "tier": ["serverless", "dedicated"]})
            check(not breakeven.is_error and "crossovers" in breakeven.structured_content, "breakeven answers with crossovers")
            advise = await session.call_tool("advise", {"tokens": "50M", "p95_latency": "2s"})
            check(not advise.is_error and "endpoint" in advise.structured_content, "advise answers with an endpoint")
            throughput = await session.call_tool("throughput", {"model": "llama-3.3-70b", "gpu": "H100", "gpus": 2, "input_tokens": 5000, "output_tokens": 500, "concurrency": 25})
            sc = throughput.structured_content
            # 71.4 GB of KV cache (144 usable - 70.6 weights - 2 reserved) / 0.86 GB a request = 83.
            check(not throughput.is_error and sc["fits"] is True and sc["max_concurrency"] == 83, f"throughput: fits, max concurrency {sc['max_concurrency']}, itl {sc['itl_ms']} ms")
            prices = await session.call_tool("prices", {"id": "openai/gpt-6-luna"})
            check(not prices.is_error and prices.structured_content["id"] == "openai/gpt-6-luna", "prices shows one offer")

            bad = await session.call_tool("compare", {"tokens": "lots"})
            check(bad.is_error and "--tokens" in bad.content[0].text, f"a bad argument is a tool error: {bad.content[0].text[:80]}")
            unknown = await session.call_tool("compare", {"tokenz": "2B"})
            check(unknown.is_error and "did you mean 'tokens'" in unknown.content[0].text, "an unknown argument is named with a suggestion")

            again = await session.call_tool("compare", {"tokens": "1B", "model_size": "8B", "tier": ["serverless"]})
            check(not again.is_error, "the server keeps serving after a bad call")
    print("session complete")


async def bounded(binary):
    # A server that stops answering fails the session in two minutes instead of hanging the test run.
    try:
        await asyncio.wait_for(main(binary), timeout=120)
    except asyncio.TimeoutError:
        print("FAIL: the server stopped answering (no reply within 120 s)")
        sys.exit(1)


if __name__ == "__main__":
    asyncio.run(bounded(sys.argv[1]))
