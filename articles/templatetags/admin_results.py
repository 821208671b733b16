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


@register.tag(name="kept_result_list")
def kept_result_list_tag(parser, token):
    return InclusionAdminNode(
        parser,
        token,
        func=kept_result_list,
        template_name="change_list_results.html",
        takes_context=False,
    )


def kept_date_hierarchy(cl):
    return cl.kept_date_hierarchy()


@register.tag(name="kept_date_hierarchy")
def kept_date_hierarchy_tag(parser, token):
    return InclusionAdminNode(
        parser,
        token,
        func=kept_date_hierarchy,
        template_name="date_hierarchy.html",
        takes_context=False,
    )
