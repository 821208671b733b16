"""Django's Redis cache backend, with one redis-py client per connection pool.

Django's backend builds a new `redis.Redis` for every cache operation, and building one fills
its table of some 170 response callbacks: about 0.15 ms each time, and a public page makes
three or four cache operations (the content generation, its aggregates, its cards). A client
holds no connection of its own (its pool does) and may be shared by every request of the
process, so it is built once per pool. Everything else is Django's.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient


class RedisCacheClient(DjangoRedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
