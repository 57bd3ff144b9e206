"""The application data model, derived from the form spec (never written by hand).

`application_model(spec)` builds pydantic models for ``data`` (one per section and group) and
`envelope_model(spec)` for the whole draft file; `json_schema(spec)` is what
``zwk-desktop schema`` prints. The validation engine does not use these models: it walks the
spec itself so that it can report every problem with its rule code instead of stopping at the
first type error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Any, Literal, cast

from pydantic import BaseModel, ConfigDict, Field, create_model

from zwk_desktop.domain.draft import FORMAT, FORMAT_VERSION, RECORD_FORMAT_VERSION
from zwk_desktop.formspec.models import FormField, FormSpec

MONEY_PATTERN = r"^-?\d+\.\d{2}$"
MONTH_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])$"


_CACHE: dict[tuple[str, int], tuple[FormSpec, type[BaseModel]]] = {}


def _per_spec(fn: Callable[[FormSpec], type[BaseModel]]) -> Callable[[FormSpec], type[BaseModel]]:
    """Build once per spec object (specs hold dicts and are not hashable)."""

    def wrapper(spec: FormSpec) -> type[BaseModel]:
        key = (fn.__name__, id(spec))
        hit = _CACHE.get(key)
        if hit is None or hit[0] is not spec:
            hit = _CACHE[key] = (spec, fn(spec))
        return hit[1]

    return wrapper


def _one_of(*values: Any) -> Any:
    """``Literal[values]`` built at run time."""
    return cast(Any, Literal)[values]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _class_name(path: str) -> str:
    return "".join(
        part.capitalize() for part in path.replace("[]", "_item").replace(".", "_").split("_")
    )


def _scalar_type(spec: FormSpec, f: FormField, kind: str) -> Any:
    limits: dict[str, Any] = {}
    if f.min is not None:
        limits["ge"] = f.min if kind != "int" else int(f.min)
    if f.max is not None:
        limits["le"] = f.max if kind != "int" else int(f.max)
    if kind in ("text", "long"):
        pattern = f.pattern[0].regex if len(f.pattern) == 1 and f.pattern[0].when is None else None
        return Annotated[
            str, Field(max_length=f.max_length, min_length=f.min_length, pattern=pattern)
        ]
    if kind == "email":
        return Annotated[str, Field(pattern=spec.formats.email)]
    if kind == "phone":
        return Annotated[str, Field(pattern=spec.formats.phone)]
    if kind == "int":
        return Annotated[int, Field(**limits)]
    if kind == "dec":
        return Annotated[Decimal, Field(decimal_places=f.decimals, **limits)]
    if kind == "money":
        return Annotated[str, Field(pattern=MONEY_PATTERN, json_schema_extra={"format": "decimal"})]
    if kind == "date":
        return dt.date
    if kind == "month":
        return Annotated[str, Field(pattern=MONTH_PATTERN)]
    if kind == "bool":
        return bool
    if kind == "choice":
        return _one_of(*f.choice_codes)
    if kind == "multi":
        return list[_one_of(*f.choice_codes)]  # type: ignore[misc]  # a run-time Literal
    raise AssertionError(kind)


def _field_type(spec: FormSpec, f: FormField, path: str) -> Any:
    if f.type == "group":
        return _group_model(spec, f.fields, path)
    if f.type == "list":
        return list[_group_model(spec, f.fields, f"{path}[]")]  # type: ignore[misc]
    if f.type == "year_map":
        assert f.item_type is not None
        item = _scalar_type(spec, f, f.item_type)
        fields: dict[str, Any] = {
            f"y{year}": (item | None, Field(None, alias=year)) for year in spec.policy.year_keys
        }
        return create_model(
            _class_name(path),
            __base__=_Strict,
            __config__=None,
            **fields,
        )
    return _scalar_type(spec, f, f.type)


def _group_model(spec: FormSpec, fields: tuple[FormField, ...], path: str) -> type[BaseModel]:
    definitions: dict[str, Any] = {}
    for f in fields:
        annotation = _field_type(spec, f, f"{path}.{f.id}")
        description = f.help + (" Pflichtangabe." if f.required and f.when is None else "")
        definitions[f.id] = (
            annotation | None,
            Field(None, title=f.label, description=description),
        )
    model: type[BaseModel] = create_model(_class_name(path), __base__=_Strict, **definitions)
    return model


@_per_spec
def application_model(spec: FormSpec) -> type[BaseModel]:
    """The model of ``data``: every section, field, choice code and limit of the form."""
    sections: dict[str, Any] = {}
    for s in spec.sections:
        annotation = _field_type(spec, s.node, s.id)
        sections[s.id] = (annotation | None, Field(None, title=s.title, description=s.intro))
    model: type[BaseModel] = create_model("Application", __base__=_Strict, **sections)
    return model


@_per_spec
def envelope_model(spec: FormSpec) -> type[BaseModel]:
    """The model of a whole draft file of this form."""
    form_ref = create_model(
        "FormRef",
        __base__=_Strict,
        id=(_one_of(spec.id), ...),
        version=(_one_of(spec.version), ...),
    )
    meta = create_model(
        "Meta",
        created=(str | None, Field(None, description="Created, ISO 8601 UTC.")),
        modified=(str | None, Field(None, description="Last modified, ISO 8601 UTC.")),
        app_version=(str | None, Field(None, description="Version of ZWK Desktop that wrote it.")),
    )
    ack = create_model(
        "Acknowledgement",
        __base__=_Strict,
        code=(str, ...),
        path=(str, ...),
        justification=(str, ""),
        at=(str, ""),
    )
    model: type[BaseModel] = create_model(
        "ZwkDraft",
        __base__=_Strict,
        format=(_one_of(FORMAT), ...),
        format_version=(
            _one_of(RECORD_FORMAT_VERSION, FORMAT_VERSION),
            Field(
                ...,
                description="1: the application record of fields.md (bewerbung.json); "
                "2: a draft file, which may add lineage, comments and changes.",
            ),
        ),
        form=(form_ref, ...),
        meta=(meta, Field(default_factory=meta)),
        data=(application_model(spec), ...),
        files=(
            dict[str, str] | None,
            Field(None, description="Attachment contents, base64, keyed by their SHA-256."),
        ),
        acknowledgements=(
            list[ack] | None,
            Field(None, description="Acknowledged warnings with their justification."),
        ),
        lineage=(
            Lineage | None,
            Field(None, description="Format 2: where the draft comes from (merging copies)."),
        ),
        comments=(
            list[CommentModel] | None,
            Field(None, description="Format 2: comments on fields; never sent to the ministry."),
        ),
        changes=(
            list[ChangeModel] | None,
            Field(None, description="Format 2: the change log; never sent to the ministry."),
        ),
    )
    return model


_UUID = r"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$"
_ITEM_ID = r"^[0-9a-z]{1,64}$"


class ItemRef(_Strict):
    """A list item's stable id and a fingerprint of its content when the file was written."""

    id: str = Field(pattern=_ITEM_ID)
    sha: str | None = Field(None, description="First 16 hex digits of SHA-256 of the item.")


ItemMap = dict[str, list[ItemRef]]


class VersionEntry(_Strict):
    version: str = Field(pattern=_UUID)
    at: str = ""


class CommentModel(_Strict):
    """A comment on a field; `path` is a stable path (list items named ``[#id]``)."""

    id: str
    path: str
    text: str = ""
    author: str = ""
    at: str = ""
    resolved: bool = False
    resolved_by: str = ""
    resolved_at: str = ""


class ChangeModel(_Strict):
    """An entry of the change log: who changed which field when, from what to what."""

    id: str
    path: str
    at: str = ""
    who: str = ""
    kind: Literal["value", "added", "removed", "moved"] = "value"
    old: Any = None
    new: Any = None


class BaseModelState(_Strict):
    """The state of the newest exchanged version: the merge base."""

    version: str = Field(pattern=_UUID)
    at: str = ""
    data: dict[str, Any]
    items: ItemMap | None = None
    comments: list[CommentModel] | None = None
    acknowledgements: list[dict[str, Any]] | None = None


class Lineage(_Strict):
    """Where a draft comes from: its lineage id, the version the file was written from, the
    versions before it (newest first), the ids of list items and the merge base."""

    draft: str = Field(pattern=_UUID, description="The draft's lineage id (UUID).")
    version: str | None = Field(None, pattern=_UUID)
    written: str = ""
    by: str = Field("", description="User name of the writer.")
    items: ItemMap | None = Field(None, description="List path → item ids, parallel to data.")
    history: list[VersionEntry] | None = None
    base: BaseModelState | None = Field(
        None, description="The state of the version the file was written from: the merge base."
    )
    previous: BaseModelState | None = Field(
        None, description="The state of the newest version in history."
    )


def json_schema(spec: FormSpec) -> dict[str, Any]:
    schema = envelope_model(spec).model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"ZWK-Entwurf: {spec.title} (Formular {spec.id}, Version {spec.version})"
    return schema
