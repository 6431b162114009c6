"""Check a model setting before a run spends anything on it.

A wrong key, an unknown provider or a server that is not there would otherwise surface task by task,
each scored 0 in a run that looks complete. These checks send no chat request (no tokens, nothing from
the response cache is bypassed): litellm's own tables say whether the provider exists and which key
it reads; with `api_base`, the server's model list says whether it answers, accepts the key and
serves the model. What they cannot see (a key the provider refuses) stops the run at its first call.
"""

from __future__ import annotations

import asyncio
import json
import os
import urllib.error
import urllib.request
from dataclasses import dataclass, field

from .backend import load_litellm
from .errors import LLMAuthError, LLMConnectionError, LLMModelNotFound

LIST_TIMEOUT_S = 10.0


@dataclass
class Preflight:
    """What the checks found; `notes` are things worth saying that do not stop the run."""

    model: str
    api_base: str | None
    provider: str = ""
    notes: list[str] = field(default_factory=list)


async def check_model(model: str, api_base: str | None = None, *, api_key: str | None = None) -> Preflight:
    """Raise the LLMError a first call would end with when the setting cannot work (its `setting` or a
    connection error); return the findings otherwise."""
    found = Preflight(model=model, api_base=api_base)
    litellm = await asyncio.to_thread(load_litellm)
    where = {"model": model, "api_base": api_base, "attempts": 0}
    try:
        _, found.provider, _, _ = litellm.get_llm_provider(model, api_base=api_base)
    except Exception:
        raise LLMModelNotFound(f"litellm knows no provider for {model!r}", **where) from None
    if api_base is None:
        missing = _missing_keys(litellm, model) if api_key is None else []
        if missing:
            raise LLMAuthError(f"{' or '.join(missing)} is not set", **where)
        return found
    await asyncio.to_thread(_check_server, found, api_key)
    return found


def _missing_keys(litellm, model: str) -> list[str]:
    """The API-key variables the provider reads when none of them is set (other variables litellm
    lists, such as a default base URL, are not needed to make a call)."""
    try:
        env = litellm.validate_environment(model)
    except Exception:
        return []
    missing = [k for k in env.get("missing_keys", []) if k.endswith(("_API_KEY", "_TOKEN"))]
    return missing if not env.get("keys_in_environment") else []


def _check_server(found: Preflight, api_key: str | None) -> None:
    """GET <api_base>/models: refused or silent -> unreachable; 401/403 -> the key; a list without the
    model -> not served. A server with no model list (404...) is noted and the run goes on."""
    url = f"{found.api_base.rstrip('/')}/models"
    key = api_key or (os.environ.get("OPENAI_API_KEY") if found.provider == "openai" else None)
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {key}"} if key else {})
    where = {"model": found.model, "api_base": found.api_base, "attempts": 0}
    try:
        with urllib.request.urlopen(request, timeout=LIST_TIMEOUT_S) as response:
            body = response.read(4_000_000)
    except urllib.error.HTTPError as e:
        if e.code in (401, 403):
            raise LLMAuthError(
                f"the server refused the key when asked for its models (GET {url})", status=e.code, **where
            ) from None
        found.notes.append(
            f"the server lists no models (GET {url}: HTTP {e.code}); the model name is checked by the first call"
        )
        return
    except (OSError, ValueError) as e:
        reason = getattr(e, "reason", e)
        raise LLMConnectionError(f"GET {url} failed: {reason}", **where) from None
    served = _served_ids(body)
    name = found.model.split("/", 1)[1] if "/" in found.model else found.model
    if served and not any(s == name or s.startswith(name + ":") or s.endswith("/" + name) for s in served):
        shown = ", ".join(served[:8]) + (f" and {len(served) - 8} more" if len(served) > 8 else "")
        raise LLMModelNotFound(f"the server does not serve {name!r} (it serves {shown})", **where)


def _served_ids(body: bytes) -> list[str]:
    try:
        data = json.loads(body)
    except ValueError:
        return []
    items = data.get("data") if isinstance(data, dict) else None
    return [i["id"] for i in items or [] if isinstance(i, dict) and isinstance(i.get("id"), str)]
