"""`aef evaluate --labels samples` scored the sample scene's labels of the embeddings' year (their period_start)
without saying which: the summary line now names the year of the labels scored."""
from alphaearth_nb import scene
from alphaearth_nb.cli import main
from alphaearth_nb.files import writing_folder
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_labels_samples_names_the_year_scored(tmp_path, capsys):
    _, _, labels = scene.load_scene()
    for year in (2023, 2024):
        emb = embedding_from_array(random_unit(labels.shape[1:], seed=0), coords={"y": labels.y, "x": labels.x})
        emb.attrs.update(period_start=f"{year}-01-01T00:00:00", period_end=f"{year + 1}-01-01T00:00:00")
        ds = emb.to_dataset(name="embedding").assign_coords(band=emb.band.astype(object))
        with writing_folder(tmp_path / f"e{year}.zarr", what="embedding store", meta={"kind": "embedding"}) as tmp:
            ds.to_zarr(tmp, mode="w", consolidated=False)
        assert main(["evaluate", "--embeddings", str(tmp_path / f"e{year}.zarr"), "--labels", "samples", "--shots", "1",
                     "--folds", "2", "--spacing", "0"]) == 0
        err = capsys.readouterr().err
        assert f"the sample scene's classes of {year}, the embeddings' year" in err, err
