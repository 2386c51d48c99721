"""Two years in one text ('2023-2024', '2024,2023', '2023..2024', '2023 to 2025': a spreadsheet's cell, a config
value) where a year or a period is wanted (as_year/as_years, official.years_of, as_period) are named with both
forms the package reads (`timecodes.PAIRS`): (first, last) for first through last, [a, b] for those years only
(a period: the pair alone, since a list of years is no span).
Was: "'2023-2024' is not a year: pass a year such as 2024 (...)", no way to two years named (field case G)."""
import pytest

from alphaearth_nb.core import AEFError
from alphaearth_nb.official import years_of
from alphaearth_nb.timecodes import as_period, as_years


@pytest.mark.parametrize("text,a,b", [("2023-2024", 2023, 2024), ("2024,2023", 2023, 2024),
                                      ("2023..2024", 2023, 2024), ("2023 to 2025", 2023, 2025)])
@pytest.mark.parametrize("door", [as_years, years_of, as_period])
def test_both_forms_are_named(door, text, a, b):
    with pytest.raises(AEFError) as e: door(text)
    said = str(e.value)
    assert f"names two years in one text: pass them apart, ({a}, {b}) for {a} through {b}, both included" in said, said
    if door is not as_period:   # and both forms read as said
        assert f"or [{a}, {b}] for those years only" in said, said
        assert door((a, b)) == list(range(a, b + 1)) and door([a, b]) == [a, b]
    else:   # a period is one span: the pair alone (as_period([a, b]) is refused, a list naming years apart)
        assert f"[{a}, {b}]" not in said, said
        p = door((a, b))
        assert str(p.start)[:10] == f"{a}-01-01" and str(p.end)[:10] == f"{b + 1}-01-01"


def test_one_year_text_still_reads():
    assert as_years("2024") == [2024] and years_of(" 2024 ") == [2024]
