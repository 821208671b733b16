"""`{% kept_result_list cl %}` and `{% kept_date_hierarchy cl %}`: the admin's `{% result_list
cl %}` and `{% date_hierarchy cl %}` for a change list that keeps its rendered rows and its date
hierarchy (`cl.kept_rows()`, `cl.kept_date_hierarchy()`: the article list's), with the same
templates and HTML.

For lists without editable columns: Django's tag renders every row's cells at each request.
"""

from django import template
from django.contrib.admin.templatetags.admin_list import result_headers
from django.contrib.admin.templatetags.base import InclusionAdminNode

register = template.Library()


def kept_result_list(cl):
    headers = list(result_headers(cl))
    return {
        "cl": cl,
        "result_hidden_fields": [],
        "result_headers": headers,
        "num_sorted_fields": sum(1 for h in headers if h["sortable"] and h["sorted"]),
        "results": cl.kept_rows(),
    }


def kept_date_hierarchy(cl):
    return cl.kept_date_hierarchy()


def admin_tag(name, func, template_name):
    """Register `func` as the admin's inclusion tag `name`, as Django's admin tags are (its
    templates are looked up per app and model, then in admin/)."""

    def tag(parser, token):
        return InclusionAdminNode(
            parser, token, func=func, template_name=template_name, takes_context=False
        )

    register.tag(name=name)(tag)


admin_tag("kept_result_list", kept_result_list, "change_list_results.html")
admin_tag("kept_date_hierarchy", kept_date_hierarchy, "date_hierarchy.html")
