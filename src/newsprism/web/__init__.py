"""``newsprism serve``: the web app on a store (pages, JSON API, uploads): ``web.app.create_app``
on a ``web.service.Library``."""
