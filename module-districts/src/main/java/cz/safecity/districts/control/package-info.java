/**
 * control: the logic of the districts module — tenant-bound stores, GeoJSON reading and validation of boundary
 * imports, the local metric projection, provisional (Voronoi) generation, the cached spatial index that locates
 * points, and the assembly of district cards. Pure geometry classes here have no CDI or JPA dependency and are
 * unit-tested directly.
 */
package cz.safecity.districts.control;
