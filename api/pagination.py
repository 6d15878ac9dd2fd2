from rest_framework.pagination import PageNumberPagination


class Pages(PageNumberPagination):
    """500 rows a page with a `next` link, as Power BI's web connector follows them."""

    page_size = 500
    page_size_query_param = "page_size"
    max_page_size = 5000
