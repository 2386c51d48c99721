"""sites.py holds one statement a line (no ';' joining several, as helpers once wrote to fit 600 lines) and stays
under the cap. Was: 12 joined statements on 10 lines (66-116, 242-245), e.g. `lon, lat = [], []; got = 0`."""


def test_sites_keeps_one_statement_a_line_under_the_cap(split_module_check):
    split_module_check("sites", 600)
