package cz.safecity.districts.control;

import cz.safecity.districts.entity.BoroughRef;
import cz.safecity.districts.entity.BoundaryRef;
import cz.safecity.platform.cache.ReadCache;
import cz.safecity.platform.cache.ReadCaches;
import cz.safecity.platform.tenant.TenantContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * The GeoJSON export of a city's districts, kept in memory so that the portal's map, which loads it on every page,
 * costs neither the simplification (0.3–0.8 s for Praha at 5 m) nor the rendering of ~1 MB per request.
 *
 * <p>Two levels: the rendered geometries per (boundary version, tolerance) are immutable — a boundary version is
 * never rewritten — and stay until {@value #MAX_GEOMETRIES} newer entries push them out; the whole answer (with
 * the borough names, which can change) and its entity tag per (city, version, tolerance) live as long as
 * {@code safecity.cache.ttl} ({@link ReadCaches}). The entity tag is a hash of the bytes, so a client's
 * {@code If-None-Match} stays valid for as long as the answer is the same.
 */
@ApplicationScoped
public class GeoJsonExports {

    /** Most (version, tolerance) geometry renderings kept. */
    static final int MAX_GEOMETRIES = 32;
    /** Most whole answers kept. */
    static final long MAX_ANSWERS = 64;

    /** One export: the UTF-8 body and its (weak) entity tag value, e.g. {@code Zx3…}. */
    public record Export(byte[] body, String etag) {
    }

    private record GeometryKey(String city, long versionId, double tolerance) {
    }

    private record AnswerKey(String city, long versionId, double tolerance) {
    }

    @Inject
    DistrictLocator locator;
    @Inject
    DistrictsCache cached;
    @Inject
    HierarchyStore hierarchy;
    @Inject
    TenantContext tenant;
    @Inject
    ReadCaches caches;

    private final Map<GeometryKey, List<String>> geometries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<GeometryKey, List<String>> eldest) {
            return size() > MAX_GEOMETRIES;
        }
    };
    private ReadCache<AnswerKey, Export> answers;

    @PostConstruct
    void init() {
        answers = caches.create("districts-geojson", MAX_ANSWERS);
    }

    /** The export of version {@code v} of the current city simplified with {@code toleranceMetres} (0: as stored). */
    public Export export(BoundaryRef v, double toleranceMetres) {
        String city = tenant.id().slug();
        return answers.get(new AnswerKey(city, v.id(), toleranceMetres), k -> render(v, toleranceMetres));
    }

    /** The empty collection (before a city's first boundary version). */
    public static Export empty() {
        return of("{\"type\":\"FeatureCollection\",\"features\":[]}".getBytes(StandardCharsets.UTF_8));
    }

    private Export render(BoundaryRef v, double tolerance) {
        DistrictLocator.VersionIndex index = locator.index(v);
        List<DistrictLocator.Entry> entries = List.copyOf(index.byCode().values());
        List<String> shapes = geometries(v, tolerance, entries);
        Map<Long, BoroughRef> boroughs = cached.boroughs(hierarchy::boroughs);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            out.write("{\"type\":\"FeatureCollection\",\"features\":[");
            for (int i = 0; i < entries.size(); i++) {
                DistrictLocator.Entry e = entries.get(i);
                JsonObjectBuilder props = Json.createObjectBuilder().add("code", e.code()).add("name", e.name());
                BoroughRef b = e.boroughId() == null ? null : boroughs.get(e.boroughId());
                if (b != null) {
                    props.add("borough", b.code()).add("boroughName", b.name());
                } else {
                    props.addNull("borough");
                }
                props.add("provisional", e.provisional()).add("boundaryVersion", v.number())
                        .add("validFrom", v.validFrom().toString());
                out.write(i > 0 ? ",{\"type\":\"Feature\",\"properties\":" : "{\"type\":\"Feature\",\"properties\":");
                out.write(props.build().toString());
                out.write(",\"geometry\":");
                out.write(shapes.get(i));
                out.write('}');
            }
            out.write("]}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(bytes.toByteArray());
    }

    private List<String> geometries(BoundaryRef v, double tolerance, List<DistrictLocator.Entry> entries) {
        GeometryKey key = new GeometryKey(tenant.id().slug(), v.id(), tolerance);
        synchronized (geometries) {
            List<String> done = geometries.get(key);
            if (done != null) {
                return done;
            }
        }
        List<Geometry> simple = GeoJsonExport.simplified(entries.stream().map(DistrictLocator.Entry::wgs84).toList(),
                tolerance);
        List<String> rendered = new ArrayList<>(simple.size());
        simple.forEach(g -> rendered.add(GeoJsonExport.geometry(g)));
        List<String> result = List.copyOf(rendered);
        synchronized (geometries) {
            geometries.put(key, result);
        }
        return result;
    }

    private static Export of(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return new Export(body, Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
