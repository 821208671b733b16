"""`{% kept_result_list cl %}`: the admin's `{% result_list cl %}` for a change list that keeps
its rendered rows (`cl.kept_rows()`, the article list's), with the same template and HTML.

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
