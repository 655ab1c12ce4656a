"""Django's Simplified Chinese formats, with digit grouping for large numbers.

Django leaves THOUSAND_SEPARATOR empty for zh_Hans, so emissions such as
4,398,000 tCO2e would read 4398000; grouping by thousands with a comma is
the usual practice in Chinese statistical publications.
"""

from django.conf.locale.zh_Hans.formats import *  # noqa: F403

THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
