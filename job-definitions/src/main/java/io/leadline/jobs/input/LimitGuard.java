package io.leadline.jobs.input;

import java.util.List;

/** Checks each header and record against the {@link InputLimits}, naming the row and column. */
final class LimitGuard {

  private final InputLimits limits;
  private List<String> header = List.of();

  LimitGuard(InputLimits limits) {
    this.limits = limits;
  }

  void checkHeader(List<String> names) {
    checkWidth("the header", names.size());
    for (int i = 0; i < names.size(); i++) {
      checkCell("the header", i, names.get(i));
    }
    this.header = names;
  }

  void checkRow(long rowNumber, List<String> cells) {
    if (rowNumber > limits.maxRows()) {
      throw new InputLimitException("the file has more than the limit of %,d rows".formatted(limits.maxRows()));
    }
    checkWidth("row %,d".formatted(rowNumber), cells.size());
    for (int i = 0; i < cells.size(); i++) {
      checkCell("row %,d".formatted(rowNumber), i, cells.get(i));
    }
  }

  /** For readers that learn a cell's column before the row is complete (XLSX). */
  void checkColumn(String where, int columnIndex) {
    checkWidth(where, columnIndex + 1);
  }

  private void checkWidth(String where, int width) {
    if (width > limits.maxColumns()) {
      throw new InputLimitException("%s has %,d columns; the limit is %,d".formatted(where, width, limits.maxColumns()));
    }
  }

  private void checkCell(String where, int column, String value) {
    if (value.length() > limits.maxCellChars()) {
      throw new InputLimitException("%s, column %d%s has %,d characters; the limit is %,d"
          .formatted(where, column + 1, columnName(column), value.length(), limits.maxCellChars()));
    }
  }

  private String columnName(int column) {
    return column < header.size() && !header.get(column).isBlank() ? " ('" + header.get(column).strip() + "')" : "";
  }
}
