"""help(alphaearth_nb) lists the package's modules only: the loop names of its import (`_name`, `_mod`, `_hook`)
are gone once it is loaded. Was: pydoc's SUBMODULES section listed `_mod` (the last module in sys.modules when the
package loaded), a module no user has (newcomer, session 35)."""
import pydoc

import alphaearth_nb as aef


def test_help_of_the_package_lists_no_loop_name():
    text = pydoc.render_doc(aef, renderer=pydoc.plaintext)
    assert "SUBMODULES" not in text and "_mod\n" not in text, text[text.find("SUBMODULES"):][:200]
    for name in ("_name", "_mod", "_hook"):
        assert name not in vars(aef), name
