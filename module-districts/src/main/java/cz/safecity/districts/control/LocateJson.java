package cz.safecity.districts.control;

import cz.safecity.districts.entity.Located;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes the locate answer ({@link Located}) as JSON bytes around a district card that was rendered once
 * ({@link DistrictsCache.RenderedCards}), byte for byte as JSON-B (Yasson over the server's JSON-P) writes the
 * record: properties in lexicographic order, numbers as {@link String#valueOf(double)}, dates ISO, strings escaped
 * as JSON-P's generator escapes them (quote, backslash and control characters only; the rest as it is, UTF-8).
 * {@code LocateJsonTest} checks it against JSON-B. Only what changes per request — the point, the date, the edge
 * distance and the neighbours — is written per call.
 */
public final class LocateJson {

    private LocateJson() {
    }

    /**
     * The locate answer with {@code card} (the district's card as JSON bytes) as its {@code district}.
     *
     * @param neighbours other districts within the threshold, nearest first
     */
    public static byte[] located(double lon, double lat, LocalDate at, byte[] card, double edgeDistanceMetres,
                                 boolean nearBoundary, int nearBoundaryMetres, List<Located.Neighbour> neighbours) {
        String head = "{\"at\":\"" + DateTimeFormatter.ISO_LOCAL_DATE.format(at) + "\",\"district\":";
        StringBuilder tail = new StringBuilder(96 + 64 * neighbours.size());
        tail.append(",\"edgeDistanceMetres\":").append(String.valueOf(edgeDistanceMetres))
                .append(",\"lat\":").append(String.valueOf(lat))
                .append(",\"lon\":").append(String.valueOf(lon))
                .append(",\"nearBoundary\":").append(nearBoundary)
                .append(",\"nearBoundaryMetres\":").append(nearBoundaryMetres)
                .append(",\"neighbours\":[");
        for (int i = 0; i < neighbours.size(); i++) {
            Located.Neighbour n = neighbours.get(i);
            if (i > 0) {
                tail.append(',');
            }
            tail.append("{");
            if (n.code() != null) {
                tail.append("\"code\":");
                string(tail, n.code());
                tail.append(',');
            }
            tail.append("\"distanceMetres\":").append(String.valueOf(n.distanceMetres()));
            if (n.name() != null) {
                tail.append(",\"name\":");
                string(tail, n.name());
            }
            tail.append('}');
        }
        tail.append("]}");
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] t = tail.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[h.length + card.length + t.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(card, 0, out, h.length, card.length);
        System.arraycopy(t, 0, out, h.length + card.length, t.length);
        return out;
    }

    /** {@code s} as a JSON string, escaped as JSON-P's generator escapes it. */
    static void string(StringBuilder out, String s) {
        out.append('"');
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, from, i);
            from = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    String hex = "000" + Integer.toHexString(c);
                    out.append("\\u").append(hex, hex.length() - 4, hex.length());
                }
            }
        }
        out.append(s, from, s.length());
        out.append('"');
    }
}
