"""`{% page_url "articles:list" %}`: `{% url %}` for the pages without arguments that every
page links to (the menu, the footer), reversed once per process (articles.links)."""

from django import template

from articles.links import named_url

register = template.Library()


@register.simple_tag
def page_url(url_name):
    return named_url(url_name)
