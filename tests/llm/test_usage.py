"""TokenUsage sums: tokens add up, and an unknown price keeps the total unknown."""

from iwr.llm import TokenUsage


def call(prompt: int, completion: int, cost: float | None, cached: bool = False) -> TokenUsage:
    return TokenUsage(
        prompt_tokens=prompt,
        completion_tokens=completion,
        total_tokens=prompt + completion,
        cost_usd=cost,
        calls=1,
        cached_calls=int(cached),
    )


def test_accumulate_in_place_and_add():
    total = TokenUsage()
    assert total.accumulate(call(10, 5, 0.01)) is total
    total.accumulate(call(1, 2, 0.02, cached=True))
    assert (total.prompt_tokens, total.completion_tokens, total.total_tokens) == (11, 7, 18)
    assert (total.calls, total.cached_calls) == (2, 1)
    assert abs(total.cost_usd - 0.03) < 1e-12
    both = call(1, 1, 0.5) + call(2, 2, 0.25)
    assert both.total_tokens == 6 and both.cost_usd == 0.75
    assert sum([call(1, 1, 1.0), call(1, 1, 1.0)]).calls == 2


def test_unknown_price_makes_the_total_unknown_but_tokens_still_count():
    total = call(10, 5, 0.01) + call(100, 50, None)
    assert total.cost_usd is None and total.total_tokens == 165
    assert (total + call(1, 1, 0.5)).cost_usd is None


def test_fields_are_documented():
    assert all(field.description for field in TokenUsage.model_fields.values())
