# Arabic as the federation writes it, with Western digits: "16 مايو 2017" (Django's own format
# puts an Arabic comma before the year). The short date keeps Django's right-to-left marks, so
# that it reads day, month, year from the right: "18‏/09‏/2020".
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d\u200f/m\u200f/Y"
DATETIME_FORMAT = "j F Y، H:i"
# With Western digits Arabic uses the point for decimals (CLDR), not Django's comma.
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
