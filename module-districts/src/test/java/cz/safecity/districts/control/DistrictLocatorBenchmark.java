package cz.safecity.districts.control;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cz.safecity.districts.entity.Wkb;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Micro benchmark of {@link DistrictIndex#locate}: the 226 real Praha districts against all 6,279 Czech
 * municipalities treated as the districts of one synthetic city, and a synthetic 10,000-cell grid. Plain Java
 * timing (warm-up, then the median of 5 rounds of 200,000 random points inside each data set's envelope). Not a
 * test: runs only with {@code -Dbench=true} (bench/districts-locator-micro.sh) and needs ../shared/data.
 */
class DistrictLocatorBenchmark {

    @Test
    void locateCostStaysFlatAsDistrictsGrow() throws Exception {
        assumeTrue(Boolean.getBoolean("bench"), "benchmark: run with -Dbench=true");
        List<Geometry> praha = read("praha-mp-districts.geojson");
        List<Geometry> municipalities = read("cz-municipalities.geojson");
        List<Geometry> grid = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            double lon = 12 + (i % 100) * 0.06;
            double lat = 48.6 + (i / 100) * 0.037;
            grid.add(Fixtures.rectangle(lon, lat, lon + 0.06, lat + 0.037));
        }
        System.out.printf("%-30s %6s %9s %12s %9s %12s %13s%n", "data set", "n", "build ms", "ns/locate",
                "inside %", "ns (inside)", "ns (outside)");
        run("Praha districts (real)", praha);
        run("Czech municipalities (real)", municipalities);
        run("synthetic grid", grid);
    }

    private static void run(String name, List<Geometry> geometries) {
        List<DistrictIndex.Item<Integer>> items = new ArrayList<>();
        for (int i = 0; i < geometries.size(); i++) {
            items.add(new DistrictIndex.Item<>(Integer.toString(i), i, geometries.get(i)));
        }
        long t0 = System.nanoTime();
        DistrictIndex<Integer> index = DistrictIndex.of(items);
        long buildMs = (System.nanoTime() - t0) / 1_000_000;
        Envelope env = new Envelope();
        geometries.forEach(g -> env.expandToInclude(g.getEnvelopeInternal()));
        int points = 200_000;
        double[] lon = new double[points];
        double[] lat = new double[points];
        Random random = new Random(42);
        for (int i = 0; i < points; i++) {
            lon[i] = env.getMinX() + random.nextDouble() * env.getWidth();
            lat[i] = env.getMinY() + random.nextDouble() * env.getHeight();
        }
        round(index, lon, lat); // warm-up
        round(index, lon, lat);
        long[] ns = new long[5];
        int inside = 0;
        for (int r = 0; r < ns.length; r++) {
            long s = System.nanoTime();
            inside = round(index, lon, lat);
            ns[r] = (System.nanoTime() - s) / points;
        }
        Arrays.sort(ns);
        List<double[]> in = new ArrayList<>();
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            (index.locate(lon[i], lat[i], 25) instanceof DistrictIndex.Inside<Integer> ? in : out)
                    .add(new double[] {lon[i], lat[i]});
        }
        System.out.printf("%-30s %6d %9d %12d %9.1f %12d %13d%n", name, geometries.size(), buildMs, ns[2],
                100.0 * inside / points, median(index, in), median(index, out));
    }

    /** Median ns per locate over 3 rounds of the given points (0 when there are none). */
    private static long median(DistrictIndex<Integer> index, List<double[]> points) {
        if (points.isEmpty()) {
            return 0;
        }
        double[] lon = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] lat = points.stream().mapToDouble(p -> p[1]).toArray();
        long[] ns = new long[3];
        for (int r = 0; r < ns.length; r++) {
            long s = System.nanoTime();
            round(index, lon, lat);
            ns[r] = (System.nanoTime() - s) / lon.length;
        }
        Arrays.sort(ns);
        return ns[1];
    }

    private static int round(DistrictIndex<Integer> index, double[] lon, double[] lat) {
        int inside = 0;
        for (int i = 0; i < lon.length; i++) {
            if (index.locate(lon[i], lat[i], 25) instanceof DistrictIndex.Inside<Integer>) {
                inside++;
            }
        }
        return inside;
    }

    private static List<Geometry> read(String file) throws Exception {
        List<Geometry> out = new ArrayList<>();
        GeoJsonReader reader = new GeoJsonReader(Wkb.WGS84);
        try (InputStream in = Files.newInputStream(PragueRealDataTest.file(file))) {
            GeoJsonFeatures.read(in, f -> {
                try {
                    Geometry g = reader.read(f.geometry().toString());
                    out.add(g.isValid() ? g : GeometryFixer.fix(g));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        return out;
    }
}
