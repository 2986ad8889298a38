package cz.safecity.districts.control;

import cz.safecity.platform.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Streams the features of an RFC 7946 GeoJSON document with the JSON-P streaming parser: only one feature is in
 * memory at a time, so a 20 MB FeatureCollection never becomes one big tree. Accepts a FeatureCollection, a single
 * Feature, or a bare geometry object (treated as one feature without properties).
 */
public final class GeoJsonFeatures {

    /**
     * One feature as read.
     *
     * @param index      0-based position in {@code features}
     * @param properties its {@code properties} (empty object when absent or null)
     * @param geometry   its {@code geometry} object, or null when absent/null
     */
    public record Feature(int index, JsonObject properties, JsonObject geometry) {
    }

    private GeoJsonFeatures() {
    }

    /**
     * Reads {@code in} (UTF-8 JSON) and hands every feature to {@code sink} in document order.
     *
     * @return the number of features read
     * @throws ProblemException 400 ({@code invalid-geojson}, field {@code body}) for malformed JSON or a document
     *                          that is not GeoJSON; a {@link UploadLimit} exceeded while reading propagates as 413
     */
    public static int read(InputStream in, Consumer<Feature> sink) {
        try (JsonParser p = Json.createParser(in)) {
            if (!p.hasNext() || p.next() != JsonParser.Event.START_OBJECT) {
                throw notGeoJson("the body is not a JSON object");
            }
            JsonObjectBuilder rest = Json.createObjectBuilder();
            int count = 0;
            while (p.hasNext()) {
                JsonParser.Event e = p.next();
                if (e == JsonParser.Event.END_OBJECT) {
                    break;
                }
                String key = p.getString();
                p.next();
                if ("features".equals(key) && p.currentEvent() == JsonParser.Event.START_ARRAY) {
                    while (p.next() != JsonParser.Event.END_ARRAY) {
                        JsonValue v = p.getValue();
                        if (!(v instanceof JsonObject o)) {
                            throw notGeoJson("features[" + count + "] is not an object");
                        }
                        sink.accept(feature(count, o));
                        count++;
                    }
                } else {
                    rest.add(key, p.getValue());
                }
            }
            JsonObject top = rest.build();
            String type = top.getString("type", null);
            if ("FeatureCollection".equals(type)) {
                return count;
            }
            if (count > 0) {
                throw notGeoJson("'features' given but type is '" + type + "', expected FeatureCollection");
            }
            if ("Feature".equals(type)) {
                sink.accept(feature(0, top));
                return 1;
            }
            if (type != null && top.containsKey("coordinates")) {
                sink.accept(new Feature(0, JsonValue.EMPTY_JSON_OBJECT, top));
                return 1;
            }
            throw notGeoJson("type is '" + type + "', expected FeatureCollection, Feature or a geometry");
        } catch (JsonParsingException e) {
            JsonLocation at = e.getLocation();
            throw notGeoJson("malformed JSON" + (at == null ? "" : " at line " + at.getLineNumber() + ", column "
                    + at.getColumnNumber()) + ": " + e.getMessage());
        } catch (JsonException e) {
            UploadLimit.rethrowIfExceeded(e);
            throw notGeoJson("unreadable JSON: " + e.getMessage());
        }
    }

    private static Feature feature(int index, JsonObject o) {
        JsonValue props = o.get("properties");
        JsonValue geometry = o.get("geometry");
        return new Feature(index, props instanceof JsonObject po ? po : JsonValue.EMPTY_JSON_OBJECT,
                geometry instanceof JsonObject go ? go : null);
    }

    private static ProblemException notGeoJson(String detail) {
        return new ProblemException(400, "invalid-geojson", "Not a GeoJSON document",
                "body: " + detail + " (RFC 7946 FeatureCollection of Polygon/MultiPolygon expected)", "body");
    }

    /** Reads and discards the rest of a stream (so that a 413 is not a connection reset for the client). */
    static void drain(InputStream in) {
        try {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException ignored) {
            // best effort
        }
    }
}
