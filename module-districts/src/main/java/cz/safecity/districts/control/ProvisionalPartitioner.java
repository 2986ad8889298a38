package cz.safecity.districts.control;

import cz.safecity.districts.entity.Wkb;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Generates provisional districts inside a city outline: a centroidal Voronoi partition (JTS
 * {@link VoronoiDiagramBuilder}, a few Lloyd iterations so that districts come out of similar size) clipped to the
 * outline, computed in a {@link LocalProjection} so that "similar size" means similar m². With boroughs, the outline
 * is first split into boroughs the same way, districts are apportioned to boroughs by area (largest remainder, at
 * least one each) and each borough is split into its districts, so every district lies in exactly one borough.
 * Deterministic: the same outline, counts and seed give the same cells (java.util.Random is specified).
 */
public final class ProvisionalPartitioner {

    /** Lloyd relaxation rounds. */
    static final int LLOYD_ROUNDS = 8;

    /**
     * One generated district.
     *
     * @param number  1…N, numbered borough by borough, north to south within a borough
     * @param borough 1…B, or 0 without boroughs
     * @param wgs84   (Multi)Polygon, WGS84 lon/lat
     */
    public record Cell(int number, int borough, Geometry wgs84) {
    }

    private final GeometryFactory factory = new GeometryFactory();
    private final Random random;

    private ProvisionalPartitioner(long seed) {
        this.random = new Random(seed);
    }

    /**
     * @param outline   the city outline, (Multi)Polygon in WGS84 lon/lat
     * @param districts number of districts, ≥ 1
     * @param boroughs  number of boroughs, 0 (none) or 1…districts
     * @param seed      random seed
     * @throws IllegalArgumentException for counts out of range or an empty outline
     */
    public static List<Cell> partition(Geometry outline, int districts, int boroughs, long seed) {
        if (districts < 1 || boroughs < 0 || boroughs > districts || outline.isEmpty()) {
            throw new IllegalArgumentException("need 1 ≤ boroughs ≤ districts and a non-empty outline");
        }
        return new ProvisionalPartitioner(seed).run(outline, districts, boroughs);
    }

    private List<Cell> run(Geometry outline, int districts, int boroughs) {
        LocalProjection projection = LocalProjection.around(outline.getEnvelopeInternal());
        Geometry city = projection.toMetres(outline);
        List<Geometry> boroughCells = boroughs <= 1 ? List.of(city) : split(city, boroughs);
        int[] counts = apportion(districts, boroughCells);
        List<Cell> cells = new ArrayList<>();
        int number = 1;
        for (int b = 0; b < boroughCells.size(); b++) {
            List<Geometry> parts = new ArrayList<>(split(boroughCells.get(b), counts[b]));
            parts.sort(Comparator.comparingDouble((Geometry g) -> -g.getCentroid().getY())
                    .thenComparingDouble(g -> g.getCentroid().getX()));
            for (Geometry part : parts) {
                Geometry wgs84 = projection.toDegrees(part);
                cells.add(new Cell(number++, boroughs == 0 ? 0 : b + 1, Wkb.WGS84.createGeometry(wgs84)));
            }
        }
        return cells;
    }

    /** Splits a region into n cells of similar area (north-to-south order of the seeds). */
    private List<Geometry> split(Geometry region, int n) {
        if (n == 1) {
            return List.of(region);
        }
        PreparedGeometry inside = PreparedGeometryFactory.prepare(region);
        List<Coordinate> seeds = new ArrayList<>(n);
        Envelope env = region.getEnvelopeInternal();
        int attempts = 0;
        while (seeds.size() < n) {
            Coordinate c = new Coordinate(env.getMinX() + random.nextDouble() * env.getWidth(),
                    env.getMinY() + random.nextDouble() * env.getHeight());
            if (inside.contains(factory.createPoint(c)) || ++attempts > 100_000) {
                seeds.add(c);
            }
        }
        List<Geometry> cells = voronoi(region, seeds);
        for (int round = 0; round < LLOYD_ROUNDS; round++) {
            seeds = new ArrayList<>(n);
            for (Geometry cell : cells) {
                Point centre = cell.getCentroid();
                seeds.add(inside.contains(centre) ? centre.getCoordinate() : cell.getInteriorPoint().getCoordinate());
            }
            cells = voronoi(region, seeds);
        }
        cells.sort(Comparator.comparingDouble((Geometry g) -> -g.getCentroid().getY())
                .thenComparingDouble(g -> g.getCentroid().getX()));
        return cells;
    }

    /** Voronoi cells of the seeds clipped to the region, in seed order; empty clips are dropped. */
    private List<Geometry> voronoi(Geometry region, List<Coordinate> seeds) {
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(seeds);
        Envelope clip = new Envelope(region.getEnvelopeInternal());
        clip.expandBy(Math.max(clip.getWidth(), clip.getHeight()));
        builder.setClipEnvelope(clip);
        Geometry diagram = builder.getDiagram(factory);
        Map<Coordinate, Geometry> bySeed = new HashMap<>();
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Geometry cell = diagram.getGeometryN(i);
            bySeed.put((Coordinate) cell.getUserData(), cell);
        }
        List<Geometry> out = new ArrayList<>(seeds.size());
        for (Coordinate seed : seeds) {
            Geometry cell = bySeed.get(seed);
            if (cell != null) {
                Geometry clipped = OverlayNGRobust.overlay(cell, region, OverlayNG.INTERSECTION);
                if (!clipped.isEmpty()) {
                    out.add(clipped);
                }
            }
        }
        return out;
    }

    /** Districts per borough: at least one each, the rest by area with the largest-remainder method. */
    static int[] apportion(int districts, List<Geometry> boroughs) {
        int b = boroughs.size();
        int[] counts = new int[b];
        double total = boroughs.stream().mapToDouble(Geometry::getArea).sum();
        int rest = districts - b;
        double[] remainders = new double[b];
        int given = 0;
        for (int i = 0; i < b; i++) {
            double share = rest * boroughs.get(i).getArea() / total;
            counts[i] = 1 + (int) Math.floor(share);
            remainders[i] = share - Math.floor(share);
            given += counts[i] - 1;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < b; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -remainders[i]).thenComparingInt(i -> i));
        for (int k = 0; k < rest - given; k++) {
            counts[order.get(k)]++;
        }
        return counts;
    }
}
