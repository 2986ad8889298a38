package cz.safecity.districts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.platform.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeoJsonFeaturesTest {

    @Test
    void streamsAFeatureCollectionWhateverTheMemberOrder() {
        String json = "{\"features\":" + Fixtures.collection(Fixtures.grid(2, 2, Set.of())).substring(
                "{\"type\":\"FeatureCollection\",\"features\":".length()).replaceAll("}$", "")
                + ",\"type\":\"FeatureCollection\",\"name\":\"x\"}";
        List<GeoJsonFeatures.Feature> got = new ArrayList<>();
        assertEquals(4, GeoJsonFeatures.read(Fixtures.stream(json), got::add));
        assertEquals(3, got.get(3).index());
        assertEquals("r1c1", got.get(3).properties().getString("code"));
    }

    @Test
    void acceptsASingleFeatureOrABareGeometry() {
        List<GeoJsonFeatures.Feature> got = new ArrayList<>();
        GeoJsonFeatures.read(Fixtures.stream(Fixtures.grid(1, 1, Set.of()).get(0).toString()), got::add);
        GeoJsonFeatures.read(Fixtures.stream(Fixtures.polygon(Fixtures.square(14, 50, 1)).toString()), got::add);
        assertEquals(2, got.size());
        assertEquals("Polygon", got.get(1).geometry().getString("type"));
    }

    @Test
    void malformedJsonIs400NamingTheBody() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> GeoJsonFeatures.read(Fixtures.stream("{\"type\":\"FeatureCollection\",\"features\":[{"),
                        f -> { }));
        assertEquals(400, e.status());
        assertEquals("body", e.field());
        ProblemException notGeo = assertThrows(ProblemException.class,
                () -> GeoJsonFeatures.read(Fixtures.stream("{\"type\":\"Topology\"}"), f -> { }));
        assertTrue(notGeo.getMessage().contains("Topology"));
    }

    @Test
    void anUploadOverTheLimitIs413WhileStreaming() {
        String head = "{\"type\":\"FeatureCollection\",\"features\":[";
        String one = Fixtures.grid(1, 1, Set.of()).get(0).toString() + ",";
        List<InputStream> parts = new ArrayList<>();
        parts.add(new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < 10_000; i++) {
            parts.add(new ByteArrayInputStream(one.getBytes(StandardCharsets.UTF_8)));
        }
        InputStream body = new SequenceInputStream(Collections.enumeration(parts));
        ProblemException e = assertThrows(ProblemException.class,
                () -> GeoJsonFeatures.read(UploadLimit.of(body, 1024 * 1024, -1), f -> { }));
        assertEquals(413, e.status());
        assertEquals(413, assertThrows(ProblemException.class,
                () -> UploadLimit.of(InputStream.nullInputStream(), 1024, 2048)).status());
    }
}
