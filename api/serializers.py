"""One serializer per dataset, made from its columns: the OpenAPI schema says each column's type."""

from rest_framework import serializers

from .datasets import Column, Dataset


def _field(column: Column) -> serializers.Field:
    options = {
        "source": column.alias,
        "read_only": True,
        "allow_null": True,
        "help_text": column.en + (f" ({column.unit})" if column.unit else ""),
    }
    if column.kind == "integer":
        return serializers.IntegerField(**options)
    if column.kind == "decimal":
        return serializers.DecimalField(
            max_digits=None, decimal_places=None, coerce_to_string=False, **options
        )
    if column.kind == "date":
        return serializers.DateField(**options)
    if column.kind == "datetime":
        return serializers.DateTimeField(**options)
    if column.kind == "boolean":
        return serializers.BooleanField(**options)
    return serializers.CharField(**options)


def serializer_for(dataset: Dataset) -> type[serializers.Serializer]:
    name = "".join(part.capitalize() for part in f"{dataset.area}-{dataset.name}".split("-"))
    fields = {column.name: _field(column) for column in dataset.columns}
    return type(f"{name}Row", (serializers.Serializer,), fields)


class ColumnSerializer(serializers.Serializer):
    name = serializers.CharField()
    type = serializers.CharField(source="kind")
    unit = serializers.CharField()
    meaning_da = serializers.CharField(source="da")
    meaning_en = serializers.CharField(source="en")


class DatasetSerializer(serializers.Serializer):
    key = serializers.CharField()
    title_da = serializers.CharField()
    title_en = serializers.CharField()
    description_da = serializers.CharField()
    description_en = serializers.CharField()
    url = serializers.CharField()
    csv = serializers.CharField()
    xlsx = serializers.CharField()
    filters = serializers.ListField(child=serializers.CharField())
    fields = ColumnSerializer(many=True, source="columns")
