"""The dashboard's panels cached per period, dropped when a write that changes them commits.

Each area has a generation token in the cache (`dash:gen:<app>`, and `dash:gen:core` for the organisations
and reporting periods every panel shows). A save, delete or many-to-many change of one of the area's models
replaces the token twice: at once (so the writing request's own next read is fresh, and tests that run in
one transaction see it) and again when the transaction commits (so a panel another request computed from
the old rows in between is never served after the commit). A panel's key holds both tokens, the selection,
the language, the day (overdue depends on it) and, for a home tile, who the viewer is as far as a tile can
tell (role groups, organisation, superuser): tiles take `user`, the attention list does not.

The cache is the configured one: Redis with `REDIS_URL`, the process's local memory embedded. With local
memory the tokens are small files under VAR_DIR instead, so that several processes on the host (gunicorn
workers) never serve a panel another process's write has changed; the panels stay in each process's
memory. Writes that bypass signals (`bulk_create`, `QuerySet.update`) must be followed by a signalled save
in the same transaction or a call to `changed(app)`; today only the fulfilment snapshot bulk-creates,
after saving the snapshot itself.
"""

import hashlib
import logging
import os
import uuid
from datetime import date
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.cache import cache as configured_cache
from django.core.cache.backends.locmem import LocMemCache
from django.db import connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from . import selection as period_selection
from .areas import registry
from .attention import AttentionItem, ordered, split
from .roles import group_names

logger = logging.getLogger(__name__)


class _QuietCache:
    """The configured cache, except that an unreachable one (Redis down: it is also the broker) is a miss
    and a skipped write, never a 500: panels are then computed for every request. A token bump lost that
    way can serve a panel older than a write once Redis is back, for at most TIMEOUT (a Redis restarted
    empty has no old panels)."""

    def _try(self, name: str, default, *args, **kwargs):
        try:
            return getattr(configured_cache, name)(*args, **kwargs)
        except Exception as error:  # the backend's own errors (redis.exceptions.*, OSError)
            logger.warning("dashboard cache unavailable (%s): %s", name, error)
            return default

    def get(self, key, default=None):
        return self._try("get", default, key, default)

    def get_many(self, keys) -> dict:
        return self._try("get_many", {}, keys)

    def set(self, key, value, timeout=None) -> None:
        self._try("set", None, key, value, timeout=timeout)

    def set_many(self, data, timeout=None) -> None:
        self._try("set_many", None, data, timeout=timeout)

    def add(self, key, value, timeout=None) -> bool:
        return self._try("add", False, key, value, timeout=timeout)


cache = _QuietCache()  # every read and write below goes through it

TIMEOUT = 60 * 60  # an hour: the key changes on every write anyway; this bounds what a lost bump can cost
EPOCH_KEY = "dash:epoch"
CORE_MODELS = {"organisation", "reportingperiod"}  # core rows that panels show (not users, sessions...)


def _token_key(scope: str) -> str:
    return f"dash:gen:{scope}"


def _token_dir() -> Path | None:
    """Where the tokens live when the cache is each process's own memory: files under VAR_DIR, one folder
    per database, so that every web process on the host (gunicorn workers of an embedded install) sees a
    write made by another. None: the cache is shared (Redis), the tokens live in it."""
    if not isinstance(caches[DEFAULT_CACHE_ALIAS], LocMemCache):
        return None
    # The test workers (pytest-xdist) each have their own database under the same name.
    database = f"{connections['default'].settings_dict['NAME']}|{os.environ.get('PYTEST_XDIST_WORKER', '')}"
    return Path(settings.VAR_DIR) / "dashboard-tokens" / hashlib.sha256(database.encode()).hexdigest()[:16]


def _read_file_token(folder: Path, key: str) -> str:
    path = folder / key.replace(":", "-")
    try:
        return path.read_text()
    except FileNotFoundError:
        _write_file_token(folder, key)
        return path.read_text()


def _write_file_token(folder: Path, key: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / key.replace(":", "-")
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}")
    temporary.write_text(uuid.uuid4().hex)
    os.replace(temporary, path)  # atomic: a reader sees the old token or the new one


def _tokens(scopes: list[str]) -> dict[str, str]:
    """The current token of each scope (one cache round trip, or one small file read each); a missing
    one is created."""
    keys = [EPOCH_KEY, *(_token_key(s) for s in scopes)]
    folder = _token_dir()
    if folder is not None:
        return {key: _read_file_token(folder, key) for key in keys}
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, uuid.uuid4().hex, timeout=None)
            # None: the cache is unreachable; a one-off token makes every key a miss (computed, not stale).
            found[key] = cache.get(key) or f"unreachable-{uuid.uuid4().hex}"
    return found


def _set_token(key: str) -> None:
    folder = _token_dir()
    if folder is not None:
        _write_file_token(folder, key)
    else:
        cache.set(key, uuid.uuid4().hex, timeout=None)


def bump(scope: str) -> None:
    _set_token(_token_key(scope))


def changed(scope: str, using: str = "default") -> None:
    """The scope's panels are out of date now and again when the current transaction commits."""
    bump(scope)
    transaction.on_commit(lambda: bump(scope), using=using, robust=True)


def forget_all() -> None:
    """Every cached panel unreachable at once (tests; a restore). Never `cache.clear()`: Redis is shared
    with the Celery broker."""
    _set_token(EPOCH_KEY)


# Apps outside the area registry whose rows a cached page shows (the comparison's population table).
EXTRA_SCOPES = ("comparison",)


def _scope_of(model) -> str | None:
    meta = model._meta
    if meta.app_label == "core":
        return "core" if meta.model_name in CORE_MODELS else None
    if meta.app_label in EXTRA_SCOPES:
        return meta.app_label
    return meta.app_label if meta.app_label in registry else None


def _on_write(sender, **kwargs) -> None:
    action = kwargs.get("action")
    if action is not None and not action.startswith("post_"):
        return  # m2m_changed's pre_add/pre_remove/pre_clear: the post_ signal follows
    scope = _scope_of(sender)
    if scope is not None:
        changed(scope, using=kwargs.get("using") or "default")


def connect() -> None:
    """Called from CoreConfig.ready(): one receiver for every model, sorted by app label on arrival."""
    post_save.connect(_on_write, dispatch_uid="dashboard_cache_save")
    post_delete.connect(_on_write, dispatch_uid="dashboard_cache_delete")
    m2m_changed.connect(_on_write, dispatch_uid="dashboard_cache_m2m")


def viewer_key(user) -> str:
    """What of the user a home tile may depend on: its role groups, organisation and superuser flag."""
    if not getattr(user, "is_authenticated", False):
        return "anonymous"
    groups = ",".join(sorted(group_names(user)))
    return f"{groups}|{user.organisation_id or ''}|{int(user.is_superuser)}"


def _hashed(kind: str, parts) -> str:
    """Short keys (memcached's 250 characters, Redis memory): the parts hashed, the kind readable."""
    return f"dash:{kind}:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _key(kind: str, app: str, tokens: dict, selection, today: date, viewer: str = "") -> str:
    return _hashed(
        kind,
        [
            tokens[EPOCH_KEY],
            kind,
            app,
            tokens[_token_key(app)],
            tokens[_token_key("core")],
            selection.round.code,
            str(selection.year),
            translation.get_language() or "",
            today.isoformat(),
            viewer,
        ],
    )


def _all_scopes() -> list[str]:
    return ["core", *EXTRA_SCOPES, *(area.app for area in registry)]


def across_areas(kind: str, parts: list[str], compute):
    """What reads every area (the comparison table), from the cache until any area, core's periods and
    organisations or an extra scope changes; `parts` name the request's own choices. Must pickle."""
    key = _everything_key(kind, _tokens(_all_scopes()), *parts)
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, timeout=TIMEOUT)
    return found


def _everything_key(kind: str, tokens: dict, *parts: str) -> str:
    """A key for what depends on every area (the period selector's defaults, the rendered page part)."""
    return _hashed(kind, [*(tokens[k] for k in sorted(tokens)), translation.get_language() or "", *parts])


def selection(params, today: date, tokens: dict | None = None):
    """(Selection, rounds, years) for the dashboard's period selector; its defaults (the newest round and
    year with data) and choices read from the cache while no area has changed."""
    tokens = tokens or _tokens(_all_scopes())
    key = _everything_key("periods", tokens, today.isoformat())
    found = cache.get(key)
    if found is None:
        found = (period_selection._defaults(), period_selection.choices())
        cache.set(key, found, timeout=TIMEOUT)
    defaults, (rounds, years) = found
    return period_selection.selection_from(params, defaults=defaults), rounds, years


def period_fields(chosen, rounds, years, today: date, tokens: dict | None = None) -> str:
    """The period selector's fields (core/_period_fields.html) as HTML, from the cache while no area
    changed: with ten years of rounds it was the dashboard's costliest part left to render."""
    tokens = tokens or _tokens(_all_scopes())
    key = _everything_key("period-fields", tokens, chosen.round.code, str(chosen.year), today.isoformat())
    html = cache.get(key)
    if html is None:
        context = {"selection": chosen, "round_choices": rounds, "year_choices": years}
        html = render_to_string("core/_period_fields.html", context)
        cache.set(key, html, timeout=TIMEOUT)
    return mark_safe(html)  # noqa: S308 (rendered by the template engine)


def rendered_panels(request, selection, today: date, tokens: dict | None = None) -> tuple[str, dict]:
    """The attention list and the tiles as HTML (core/_dashboard_panels.html), from the cache while
    current, and the context they were rendered from when they had to be (else empty).

    A fragment that holds a CSRF token (a form in a tile) is never cached: the token is the viewer's own.
    """
    tokens = tokens or _tokens(_all_scopes())
    viewer = viewer_key(request.user)
    key = _everything_key(
        "page", tokens, selection.round.code, str(selection.year), today.isoformat(), viewer
    )
    html = cache.get(key)
    if html is not None:
        return html, {}
    tiles, items = panels(request.user, selection, today, tokens=tokens)
    context = {"tiles": tiles, "attention": split(items), "selection": selection}
    html = render_to_string("core/_dashboard_panels.html", context, request=request)
    if "csrfmiddlewaretoken" not in html:
        cache.set(key, html, timeout=TIMEOUT)
    return html, context


def page(request, today: date) -> dict:
    """Everything core.views.home needs: one cache round trip for the tokens, one for the periods, one
    for the rendered panels while nothing changed."""
    tokens = _tokens(_all_scopes())
    chosen, rounds, years = selection(request.GET, today, tokens)
    html, context = rendered_panels(request, chosen, today, tokens)
    fields = period_fields(chosen, rounds, years, today, tokens)
    return {**context, "selection": chosen, "period_fields": fields, "panels": html}


def organisation_sections(organisation, user, today: date) -> list[dict]:
    """Each area's section of an organisation's page ({"area", "html"}), cached like the home tiles (keyed
    by the viewer). The HTML is what is cached: rendering it cost more than reading its rows. A section
    template sees only `section` (no request, user or form), so its HTML is the same for every viewer
    with the same key."""
    areas = list(registry)
    tokens = _tokens(_all_scopes())
    viewer = f"{viewer_key(user)}|org{organisation.pk}"
    keys = {a.app: _key("organisation-html", a.app, tokens, _NO_SELECTION, today, viewer) for a in areas}
    found = cache.get_many(list(keys.values()))
    fresh = {}
    sections = []
    for area in areas:
        key = keys[area.app]
        if key not in found:
            context = area.organisation_section(organisation, user)
            html = None
            if context is not None:
                html = render_to_string(area.organisation_template, {"section": {"area": area, **context}})
            found[key] = fresh[key] = {"html": html}
        if found[key]["html"] is not None:
            sections.append({"area": area, "html": mark_safe(found[key]["html"])})  # noqa: S308 (rendered)
    if fresh:
        cache.set_many(fresh, timeout=TIMEOUT)
    return sections


class _NoSelection:
    """The organisation sections do not depend on the dashboard's period."""

    class round:  # noqa: N801 - mirrors Selection.round.code
        code = "-"

    year = "-"


_NO_SELECTION = _NoSelection()


def panels(
    user, selection, today: date, tokens: dict | None = None
) -> tuple[list[dict], list[AttentionItem]]:
    """Every area's home tile context and the ordered attention list, from the cache where it is current."""
    areas = list(registry)
    tokens = tokens or _tokens(["core", *(a.app for a in areas)])
    viewer = viewer_key(user)
    tile_keys = {a.app: _key("tile", a.app, tokens, selection, today, viewer) for a in areas}
    attention_keys = {a.app: _key("attention", a.app, tokens, selection, today) for a in areas}
    found: dict[str, Any] = cache.get_many([*tile_keys.values(), *attention_keys.values()])
    fresh: dict[str, Any] = {}
    tiles, items = [], []
    for area in areas:
        key = tile_keys[area.app]
        if key not in found:
            found[key] = fresh[key] = area.home_tile(user, selection)
        tiles.append({"area": area, **found[key]})
        key = attention_keys[area.app]
        if key not in found:
            found[key] = fresh[key] = list(area.attention(selection, today))
        items.extend(found[key])
    if fresh:
        cache.set_many(fresh, timeout=TIMEOUT)
    return tiles, ordered(items)


def model_scopes() -> dict[str, str]:
    """Which model is watched under which scope (for the tests and for reading)."""
    return {m._meta.label: s for m in apps.get_models() if (s := _scope_of(m)) is not None}
