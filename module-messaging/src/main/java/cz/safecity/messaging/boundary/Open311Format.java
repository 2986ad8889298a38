package cz.safecity.messaging.boundary;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes Open311 GeoReport v2 answers in JSON or XML from one neutral shape: a list of flat records (ordered maps of
 * element name → value; a value may be a String, Number, Boolean, null (left out) or a nested {@code List<String>}
 * written as repeated child elements). Errors use the spec's format: {@code [{"code":400,"description":"…"}]} or
 * {@code <errors><error><code>…</code><description>…</description></error></errors>} with the HTTP status.
 */
final class Open311Format {

    static final MediaType XML = MediaType.valueOf("text/xml;charset=utf-8");
    static final MediaType JSON = MediaType.valueOf("application/json;charset=utf-8");
    static final String PROLOG = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";

    /** A record: ordered element names and values. */
    static final class Rec extends LinkedHashMap<String, Object> {
        Rec with(String k, Object v) {
            super.put(k, v);
            return this;
        }
    }

    private Open311Format() {
    }

    static boolean xml(String format) {
        return "xml".equals(format);
    }

    /** A list answer: JSON array of objects, or {@code <root><item>…</item>…</root>}. */
    static Response list(String format, String root, String item, List<Rec> records, int status) {
        if (xml(format)) {
            StringBuilder b = new StringBuilder(PROLOG).append('<').append(root).append('>');
            for (Rec r : records) {
                b.append('<').append(item).append('>');
                fields(b, r);
                b.append("</").append(item).append('>');
            }
            b.append("</").append(root).append(">\n");
            return Response.status(status).type(XML).entity(b.toString()).build();
        }
        JsonArrayBuilder a = Bodies.JSON.createArrayBuilder();
        records.forEach(r -> a.add(json(r)));
        return Response.status(status).type(JSON).entity(a.build().toString()).build();
    }

    /** A single-object answer: JSON object, or {@code <root>…</root>}. */
    static Response object(String format, String root, Rec record) {
        if (xml(format)) {
            StringBuilder b = new StringBuilder(PROLOG).append('<').append(root).append('>');
            fields(b, record);
            b.append("</").append(root).append(">\n");
            return Response.ok().type(XML).entity(b.toString()).build();
        }
        return Response.ok().type(JSON).entity(json(record).build().toString()).build();
    }

    /** The spec's error answer with the HTTP status. */
    static Response error(String format, int status, String description) {
        Rec r = new Rec().with("code", status).with("description", description);
        return list(format == null ? "json" : format, "errors", "error", List.of(r), status);
    }

    private static void fields(StringBuilder b, Map<String, Object> r) {
        for (Map.Entry<String, Object> e : r.entrySet()) {
            Object v = e.getValue();
            if (v == null) {
                b.append('<').append(e.getKey()).append("/>");
            } else if (v instanceof Rec nested) {
                b.append('<').append(e.getKey()).append('>');
                fields(b, nested);
                b.append("</").append(e.getKey()).append('>');
            } else if (v instanceof List<?> list) {
                b.append('<').append(e.getKey()).append('>');
                String child = e.getKey().endsWith("s") ? e.getKey().substring(0, e.getKey().length() - 1) : "item";
                for (Object o : list) {
                    if (o instanceof Rec nested) {
                        b.append('<').append(child).append('>');
                        fields(b, nested);
                        b.append("</").append(child).append('>');
                    } else {
                        b.append('<').append(child).append('>').append(escape(String.valueOf(o))).append("</")
                                .append(child).append('>');
                    }
                }
                b.append("</").append(e.getKey()).append('>');
            } else {
                b.append('<').append(e.getKey()).append('>').append(escape(String.valueOf(v))).append("</")
                        .append(e.getKey()).append('>');
            }
        }
    }

    private static JsonObjectBuilder json(Map<String, Object> r) {
        JsonObjectBuilder o = Bodies.JSON.createObjectBuilder();
        for (Map.Entry<String, Object> e : r.entrySet()) {
            Object v = e.getValue();
            if (v == null) {
                o.addNull(e.getKey());
            } else if (v instanceof Rec nested) {
                o.add(e.getKey(), json(nested));
            } else if (v instanceof List<?> list) {
                JsonArrayBuilder a = Bodies.JSON.createArrayBuilder();
                for (Object x : list) {
                    if (x instanceof Rec nested) {
                        a.add(json(nested));
                    } else {
                        a.add(String.valueOf(x));
                    }
                }
                o.add(e.getKey(), a);
            } else if (v instanceof Boolean bool) {
                o.add(e.getKey(), bool);
            } else if (v instanceof Integer || v instanceof Long) {
                o.add(e.getKey(), ((Number) v).longValue());
            } else if (v instanceof Number n) {
                o.add(e.getKey(), n.doubleValue());
            } else {
                o.add(e.getKey(), String.valueOf(v));
            }
        }
        return o;
    }

    /** XML 1.0 text escaping; characters XML 1.0 cannot carry are replaced by U+FFFD. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                case '\r' -> b.append("&#13;");
                default -> {
                    boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
                    b.appendCodePoint(ok ? c : 0xFFFD);
                }
            }
        });
        return b.toString();
    }
}
