"""A remote path (s3://, gs://, https://, any URL) given where data are wanted is refused at once: `loaders.places_reader`
opens no remote file to word the message, so `core.refuse_path`'s DTypeError names the readers without a network
call. Was (since 0253b24 read the footer with pyarrow): pyarrow's S3 or GCS filesystem was reached for the footer
of 's3://b/x.parquet' (6 s offline) or 'gs://b/x.parquet' (no answer in 200 s offline) before the error was raised."""
import pyarrow.parquet as pq
import pytest

from alphaearth_nb import loaders
from alphaearth_nb.core import DTypeError, refuse_path


@pytest.mark.parametrize("url", ["s3://bucket/places.parquet", "gs://bucket/places.parquet",
                                 "https://example.com/places.parquet", "az://c/places.parquet"])
def test_a_remote_parquet_is_refused_without_opening_it(url, monkeypatch):
    def opened(*a, **k): raise AssertionError(f"read_metadata({a[0]!r}): a remote file opened to word an error")
    monkeypatch.setattr(pq, "read_metadata", opened)
    assert loaders.places_reader(url) is None
    with pytest.raises(DTypeError, match="got the path .*pd.read_parquet"):
        refuse_path(url, "training features are numbers (N, D)", "array")


def test_a_remote_vector_file_is_still_named_by_its_suffix():
    assert loaders.places_reader("s3://bucket/fields.geojson") == "gpd.read_file(path)"
    assert loaders.places_reader("gs://bucket/fields.geoparquet") == "gpd.read_parquet(path)"
