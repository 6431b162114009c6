"""The product's code stays in small pieces: no function over 80 lines, no module over 600, and no command
function over 40 (a command parses its options and calls one function of the Python API)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCT = ("iwr", "agents", "judge", "benchmark", "tui")
MAX_FUNCTION, MAX_MODULE, MAX_COMMAND = 80, 600, 40


def modules():
    for folder in PRODUCT:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if not {"pack", "realsites", "blind", "node_modules"} & set(path.relative_to(ROOT).parts):
                yield path


def functions(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def is_command(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any("command" in ast.unparse(d) for d in node.decorator_list)


def test_no_long_function_or_module():
    long = []
    for path in modules():
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(ROOT)
        if len(text.splitlines()) > MAX_MODULE:
            long.append(f"{name}: {len(text.splitlines())} lines")
        for node in functions(ast.parse(text)):
            lines = node.end_lineno - node.lineno + 1
            limit = MAX_COMMAND if is_command(node) else MAX_FUNCTION
            if lines > limit:
                long.append(f"{name}:{node.lineno} {node.name}: {lines} lines (limit {limit})")
    assert not long, "split these:\n" + "\n".join(long)
