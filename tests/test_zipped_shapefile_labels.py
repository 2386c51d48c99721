"""`aef evaluate --labels fields.zip` (a zipped shapefile: .shp .shx .dbf .prj, as GIS portals hand them out) reads
the shapefile it holds (GDAL reads it zipped), scoring as --labels fields.shp does; `classify` read it already.
Was (review42 on 82adc33e): '--labels fields.zip cannot be opened as a netCDF/zarr dataset ... pass a .nc/.zarr
label raster'."""
import zipfile


from alphaearth_nb.loaders import table_suffix


def test_zipped_shapefile_labels_are_the_shapefile(tmp_path, evaluate_cli, labelled_store):
    store, g = labelled_store
    (tmp_path / "shp").mkdir()
    g.to_file(tmp_path / "shp" / "fields.shp")
    with zipfile.ZipFile(tmp_path / "fields.zip", "w") as z:
        for f in sorted((tmp_path / "shp").iterdir()): z.write(f, f.name)
    assert table_suffix(tmp_path / "fields.zip") == ".shp"
    rc, want, err = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / "shp" / "fields.shp"))
    assert rc == 0, err
    rc, out, err = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / "fields.zip"))
    assert rc == 0 and out == want, err
