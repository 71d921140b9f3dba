package io.ledgerline.infra;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: first column(s) left-aligned, the rest right-aligned, two spaces between columns. */
final class TextTable {

    private final List<String> header;
    private final int leftAligned;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(int leftAligned, String... header) {
        this.header = List.of(header);
        this.leftAligned = leftAligned;
    }

    void row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
        }
        rows.add(List.of(cells));
    }

    String render(String indent) {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        append(out, indent, header, widths);
        for (List<String> row : rows) {
            append(out, indent, row, widths);
        }
        return out.toString();
    }

    private void append(StringBuilder out, String indent, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder(indent);
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                line.append("  ");
            }
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            line.append(c < leftAligned ? cell + pad : pad + cell);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
