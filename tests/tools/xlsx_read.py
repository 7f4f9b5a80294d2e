#!/usr/bin/env python3
"""Dumps an xlsx for tests/cli/xlsx.sh, one fact a line (test-only; openpyxl):

  sheets NAME|NAME|...
  freeze SHEET CELL
  print SHEET orientation=O paper=P fitwidth=W fitheight=H titles=ROWS
  header SHEET LEFT|RIGHT
  footer SHEET CENTER
  width SHEET!COL W            (Excel's width, as written)
  cell SHEET!A1 VALUE | FORMAT | CACHED

VALUE is the cell as stored (a formula "=SUM(...)", a number, text,
date:YYYY-MM-DD, time:HH:MM); CACHED is what a viewer without
recalculation shows (openpyxl data_only=True)."""
import datetime
import sys

import openpyxl


def shown(v):
    if isinstance(v, datetime.datetime):
        return "date:" + v.strftime("%Y-%m-%d")
    if isinstance(v, datetime.time):
        return "time:" + v.strftime("%H:%M")
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def main(path):
    wb = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    print("sheets " + "|".join(wb.sheetnames))
    for ws in wb.worksheets:
        cv = cached[ws.title]
        name = ws.title
        ps = ws.page_setup
        fit = ws.sheet_properties.pageSetUpPr
        print("freeze %s %s" % (name, ws.freeze_panes))
        print("print %s orientation=%s paper=%s fit=%s fitwidth=%s fitheight=%s titles=%s" % (
            name, ps.orientation, ps.paperSize, fit.fitToPage if fit else None,
            ps.fitToWidth if ps.fitToWidth is not None else 1, ps.fitToHeight,
            ws.print_title_rows))
        print("header %s %s|%s" % (name, ws.oddHeader.left.text, ws.oddHeader.right.text))
        print("footer %s %s" % (name, ws.oddFooter.center.text))
        for col, dim in sorted(ws.column_dimensions.items()):
            if dim.width:
                print("width %s!%s %.1f" % (name, col, dim.width))
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                print("cell %s!%s %s | %s | %s" % (name, c.coordinate, shown(c.value),
                      c.number_format, shown(cv[c.coordinate].value)))


if __name__ == "__main__":
    main(sys.argv[1])
