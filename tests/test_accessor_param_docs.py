"""help() of an accessor method lists only what the user passes (session 27): the accessor passes the object itself
(an embedding's `emb`, a stack's `stack`), which the method's signature leaves out, and so does its Parameters
section now; it listed `emb` under `.aef.similarity`, `.aef.change`, `.aef.classify` and every other method."""
import inspect
import pydoc

import alphaearth_nb as aef
from alphaearth_nb import maps
from alphaearth_nb.accessor import EmbeddingAccessor, StackAccessor
from alphaearth_nb.core import PARAMETERS


def _listed(doc:str) -> list[list[str]]:
    "The parameter names under each Parameters heading of `doc` (a section ends at its first blank line)."
    return [[l.split(" : ")[0] for l in sec.split("\n\n")[0].splitlines() if l and not l[0].isspace()]
            for sec in doc.split(PARAMETERS)[1:]]


def _methods():
    for cls in (EmbeddingAccessor, StackAccessor):
        for name, m in vars(cls).items():
            if not name.startswith("_") and inspect.isfunction(m): yield f"{cls.__name__}.{name}", m


def test_accessor_sections_list_what_the_method_takes():
    assert vars(EmbeddingAccessor)["plot"].__name__ == maps.plot.__name__   # `maps` adds `.aef.plot`: checked too
    seen = 0
    for name, m in _methods():
        sections = _listed(m.__doc__ or "")
        if name == "StackAccessor.validate":   # the dispatcher: both functions' sections, each less its object
            assert [s[0] for s in sections] == ["source", "check_values"], sections
            assert not {"stack", "emb"} & {p for s in sections for p in s}, sections
            continue
        takes = set(list(inspect.signature(m).parameters)[1:])   # less self
        assert len(sections) <= 1, (name, sections)   # none where the object was the one commented parameter
        assert {p.lstrip("*") for p in sum(sections, [])} <= takes, (name, sections, takes)
        seen += bool(sections)
    assert seen >= 15


def test_similarity_help_names_target_and_crs_not_emb():
    for m in (EmbeddingAccessor.similarity, aef.testing.embedding_from_array(aef.testing.random_unit((2, 2))).aef.similarity):
        assert _listed(m.__doc__) == [["target", "crs"]]
        text = pydoc.render_doc(m, renderer=pydoc.plaintext)
        assert "\n    emb\n" not in text and "embedding (any form `as_embedding` takes)" not in text
    assert _listed(aef.analysis.similarity.__doc__) == [["emb", "target", "crs"]]   # the function itself: all of them
    assert "stack" not in _listed(StackAccessor.embed.__doc__)[0] and "stack" in _listed(aef.embed.embed.__doc__)[0]
