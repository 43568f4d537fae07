"""Exports that open in spreadsheets: a cell that starts like a formula ("=HYPERLINK(…)",
"=cmd|…") would run when an editor opens the file, so it starts with a quote instead. Every
CSV export of readers' or anonymous input uses this (OWASP "CSV injection"). Wagtail's XLSX
exports already write every string as text."""

from wagtail.contrib.forms.views import SubmissionsListView

# What spreadsheet programs read as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """`value` as a cell no spreadsheet runs as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeCsvMixin:
    """For views with Wagtail's SpreadsheetExportMixin: every CSV cell through safe_cell."""

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: safe_cell(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )


class SafeSubmissionsListView(SafeCsvMixin, SubmissionsListView):
    """Wagtail's list and export of a form page's submissions (readers' contact messages)."""
