package com.commerceinsight.recommender.als;

import java.util.Arrays;

/**
 * A sparse matrix in compressed sparse row form: row r's entries are {@code columns[rowStart[r] .. rowStart[r+1])}
 * with their {@code values}, columns ascending. The interaction matrices (customers × products) are stored like
 * this so a per-row solve walks only the row's own entries, without boxing.
 */
public final class CsrMatrix {

    private final int rows;
    private final int cols;
    private final int[] rowStart;
    private final int[] columns;
    private final float[] values;

    /** Wraps arrays already in CSR form (as stored by a model); they are not copied. */
    public CsrMatrix(int rows, int cols, int[] rowStart, int[] columns, float[] values) {
        if (rowStart.length != rows + 1 || columns.length != values.length || rowStart[rows] != columns.length) {
            throw new IllegalArgumentException("inconsistent CSR arrays");
        }
        this.rows = rows;
        this.cols = cols;
        this.rowStart = rowStart;
        this.columns = columns;
        this.values = values;
    }

    /** Builds a matrix from (row, column, value) triples in any order; values of repeated cells are summed. */
    public static CsrMatrix fromTriples(int rows, int cols, int[] rowOf, int[] colOf, float[] valueOf) {
        int n = rowOf.length;
        int[] counts = new int[rows + 1];
        for (int e = 0; e < n; e++) {
            if (rowOf[e] < 0 || rowOf[e] >= rows || colOf[e] < 0 || colOf[e] >= cols) {
                throw new IllegalArgumentException("entry (" + rowOf[e] + ", " + colOf[e] + ") outside " + rows + "x" + cols);
            }
            counts[rowOf[e] + 1]++;
        }
        for (int r = 0; r < rows; r++) {
            counts[r + 1] += counts[r];
        }
        int[] next = Arrays.copyOf(counts, rows);
        int[] cols0 = new int[n];
        float[] vals0 = new float[n];
        for (int e = 0; e < n; e++) {
            int at = next[rowOf[e]]++;
            cols0[at] = colOf[e];
            vals0[at] = valueOf[e];
        }
        return sortAndMerge(rows, cols, counts, cols0, vals0);
    }

    /** Sorts each row by column and sums duplicates, compacting the arrays. */
    private static CsrMatrix sortAndMerge(int rows, int cols, int[] start, int[] colIdx, float[] vals) {
        int[] outStart = new int[rows + 1];
        int[] outCols = new int[colIdx.length];
        float[] outVals = new float[colIdx.length];
        int out = 0;
        for (int r = 0; r < rows; r++) {
            int from = start[r];
            int to = start[r + 1];
            sortRange(colIdx, vals, from, to);
            for (int e = from; e < to; e++) {
                if (out > outStart[r] && outCols[out - 1] == colIdx[e]) {
                    outVals[out - 1] += vals[e];
                } else {
                    outCols[out] = colIdx[e];
                    outVals[out] = vals[e];
                    out++;
                }
            }
            outStart[r + 1] = out;
        }
        return new CsrMatrix(rows, cols, outStart, Arrays.copyOf(outCols, out), Arrays.copyOf(outVals, out));
    }

    /** Insertion sort of a row's entries by column: rows are short (a customer's distinct products). */
    private static void sortRange(int[] colIdx, float[] vals, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int c = colIdx[i];
            float v = vals[i];
            int j = i - 1;
            while (j >= from && colIdx[j] > c) {
                colIdx[j + 1] = colIdx[j];
                vals[j + 1] = vals[j];
                j--;
            }
            colIdx[j + 1] = c;
            vals[j + 1] = v;
        }
    }

    /** The transpose (products × customers), built by a counting pass: columns come out ascending. */
    public CsrMatrix transpose() {
        int[] start = new int[cols + 1];
        for (int e = 0; e < columns.length; e++) {
            start[columns[e] + 1]++;
        }
        for (int c = 0; c < cols; c++) {
            start[c + 1] += start[c];
        }
        int[] next = Arrays.copyOf(start, cols);
        int[] tCols = new int[columns.length];
        float[] tVals = new float[columns.length];
        for (int r = 0; r < rows; r++) {
            for (int e = rowStart[r]; e < rowStart[r + 1]; e++) {
                int at = next[columns[e]]++;
                tCols[at] = r;
                tVals[at] = values[e];
            }
        }
        return new CsrMatrix(cols, rows, start, tCols, tVals);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int nonZeros() {
        return columns.length;
    }

    /** The backing row-start array (length rows + 1), shared. */
    public int[] rowStartArray() {
        return rowStart;
    }

    public int rowStart(int row) {
        return rowStart[row];
    }

    public int rowEnd(int row) {
        return rowStart[row + 1];
    }

    public int rowLength(int row) {
        return rowStart[row + 1] - rowStart[row];
    }

    public int column(int entry) {
        return columns[entry];
    }

    public float value(int entry) {
        return values[entry];
    }

    /** The backing column array, shared: for solvers that walk rows by {@link #rowStart}/{@link #rowEnd}. */
    public int[] columnArray() {
        return columns;
    }

    /** The backing value array, shared, aligned with {@link #columnArray()}. */
    public float[] valueArray() {
        return values;
    }

    /** The row's columns, a copy. */
    public int[] rowColumns(int row) {
        return Arrays.copyOfRange(columns, rowStart[row], rowStart[row + 1]);
    }

    /** The row's values, a copy. */
    public float[] rowValues(int row) {
        return Arrays.copyOfRange(values, rowStart[row], rowStart[row + 1]);
    }

    /** The value at (row, col), 0 when the cell is empty; binary search in the row. */
    public float get(int row, int col) {
        int at = Arrays.binarySearch(columns, rowStart[row], rowStart[row + 1], col);
        return at >= 0 ? values[at] : 0f;
    }
}
