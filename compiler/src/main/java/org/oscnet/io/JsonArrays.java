package org.oscnet.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;

/** Integer matrices and number lists to and from JSON arrays, shared by the trained-file formats. */
final class JsonArrays {
    private JsonArrays() {
    }

    static void putMatrix(ArrayNode into, int[][] matrix) {
        for (int[] row : matrix) {
            ArrayNode r = into.addArray();
            for (int v : row) {
                r.add(v);
            }
        }
    }

    static int[][] intMatrix(JsonNode rows) {
        int[][] matrix = new int[rows.size()][];
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = new int[rows.get(i).size()];
            for (int j = 0; j < matrix[i].length; j++) {
                matrix[i][j] = rows.get(i).get(j).asInt();
            }
        }
        return matrix;
    }

    static List<Double> doubles(JsonNode array) {
        List<Double> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asDouble()));
        return values;
    }
}
