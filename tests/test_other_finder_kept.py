"""The package's re-run (`importlib.reload`, a notebook's) replaces only its own finder on `sys.meta_path`: another
package's finder that happens to be called `_Finder` too stays, and is asked for the modules the package follows
(xarray) like any other finder (was: every meta-path finder named `_Finder` was dropped and skipped, by name alone)."""

OTHER = ("import sys, json, importlib\n"
         "asked = []\n"
         "class _Finder:\n"                       # another package's finder, same name, module __main__
         "    @classmethod\n"
         "    def find_spec(cls, fullname, path=None, target=None):\n"
         "        asked.append(fullname); return None\n"
         "sys.meta_path.insert(0, _Finder)\n")   # before PathFinder, so asked first
MINE = "mine = lambda: [f.__module__ for f in sys.meta_path if getattr(f, '__name__', '') == '_Finder']\n"


def test_another_packages_finder_of_the_same_name_stays(run_py):
    got = run_py(OTHER + MINE + "import alphaearth_nb as aef\nfirst = mine()\nimportlib.reload(aef)\n"
                 "print(json.dumps([first, mine()]))")
    assert got == [["alphaearth_nb", "__main__"], ["alphaearth_nb", "__main__"]]   # ours first, once


def test_another_packages_finder_is_asked_for_a_followed_module(run_py):
    got = run_py(OTHER + "import alphaearth_nb\nimport xarray\nprint(json.dumps('xarray' in asked))")
    assert got is True
