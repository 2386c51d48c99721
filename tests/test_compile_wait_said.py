"""`aef train` and `aef embed` say how long their bar waits at 0 on a busy machine too. Was: '(20 s or more on 2
cores; ...)', while on 2 cores at load 5 to 9 the first step of `aef demo` took about 85 s and `aef embed`'s first
region 90 s (session 44; session 43: 81.5 s and 79 s at load 6.7-8.9): a newcomer told 20 s took the bar for hung."""
from alphaearth_nb.command_inputs import COMPILES


def test_the_wait_on_a_busy_machine_is_said():
    assert "idle" in COMPILES and "busy" in COMPILES and "minute" in COMPILES, COMPILES
    assert "first step compiles" in COMPILES   # embed_cmd turns 'step' into 'region'; test_cli_says reads it
