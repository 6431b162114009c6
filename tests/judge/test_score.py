"""The official aggregation, checked against the published IWR-Bench rows."""

import pytest

from iwr.judge import score

# model: (LFS, HFS, IFS, VFS, Final), percent, as published.
PUBLISHED = {
    "GPT-5": (68.29, 60.21, 24.39, 64.25, 36.35),
    "Claude-Sonnet-4 (thinking)": (64.90, 55.51, 23.65, 60.20, 34.62),
    "GPT-4.1": (63.07, 54.63, 20.48, 58.85, 31.99),
    "Gemini-2.5-Pro": (57.46, 48.91, 20.51, 53.18, 30.31),
    "GPT-4o (latest)": (63.39, 51.71, 17.55, 57.55, 29.55),
    "Qwen3-VL (thinking)": (58.55, 46.13, 22.07, 52.34, 31.15),
    "Qwen2.5-VL-72B": (47.83, 28.25, 17.42, 38.04, 23.61),
}


@pytest.mark.parametrize("model", list(PUBLISHED))
def test_published_rows_reproduce(model: str) -> None:
    lfs, hfs, ifs, vfs, final = (v / 100 for v in PUBLISHED[model])
    assert score.vfs(lfs, hfs) == pytest.approx(vfs, abs=0.00006)
    assert score.final(ifs, vfs) == pytest.approx(final, abs=0.00006)


def test_ifs_counts_only_steps_before_the_first_failure() -> None:
    assert score.ifs([True, True, False, True]) == 0.5
    assert score.ifs([False, True, True]) == 0.0
    assert score.ifs([True] * 9) == 1.0
    assert score.ifs([]) == 1.0


def test_lfs_vfs_final_formulas() -> None:
    assert score.lfs(0.8, 0.6) == pytest.approx(0.7)
    assert score.lfs(None, 0.6) is None
    assert score.vfs(0.7, 0.5) == pytest.approx(0.6)
    assert score.vfs(0.7, None) is None and score.vfs_offline(0.7) == 0.7
    assert score.final(1.0, 1.0) == pytest.approx(1.0)
    assert score.final(0.5, None) == pytest.approx(0.35)
    assert score.mean_or_none([None, 0.2, 0.4]) == pytest.approx(0.3)
    assert score.mean_or_none([]) is None
