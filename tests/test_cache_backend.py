"""The Redis cache backend builds one redis-py client per connection pool (encontact.cache)."""

from encontact.cache import RedisCache


def test_the_redis_backend_reuses_its_client_across_operations():
    backend = RedisCache("redis://127.0.0.1:6379/15", {})

    # Building a client connects nothing: no Redis server is needed here.
    assert backend._cache.get_client() is backend._cache.get_client(write=True)


def test_the_redis_backend_gives_each_server_its_own_client():
    backend = RedisCache("redis://127.0.0.1:6379/14,redis://127.0.0.1:6379/15", {})

    assert backend._cache.get_client(write=True) is not backend._cache.get_client()
