FROM python:3.11-slim-bookworm AS app
# WeasyPrint needs Pango; fonts for the PDF reports; pg_dump/pg_restore (15, as the db service) for backups.
RUN apt-get update && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core postgresql-client-15 xmlsec1 \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml requirements.lock README.md ./
COPY . .
RUN pip install --no-cache-dir -c requirements.lock . && \
    python manage.py compile_catalogues && \
    DJANGO_DEBUG=0 SECRET_KEY=build-only ALLOWED_HOSTS=build python manage.py collectstatic --noinput
ENV DJANGO_DEBUG=0 PYTHONUNBUFFERED=1
EXPOSE 8000
CMD ["gunicorn", "kkr_portal.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]

# The reverse proxy (docker-compose.yml `proxy`): Caddy with the Caddyfile and the same collected static files.
FROM caddy:2 AS proxy
COPY Caddyfile /etc/caddy/Caddyfile
COPY --from=app /app/staticfiles /srv/static

# `docker build .` still gives the portal image.
FROM app
