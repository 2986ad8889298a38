package cz.safecity.web.control;

import cz.safecity.platform.module.CityModule;
import cz.safecity.platform.module.ModuleRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Runs the Flyway migrations of the platform and then of every deployed module, before anything serves.
 * Each owner keeps its own history table ({@code platform_schema_history}, {@code districts_schema_history}…),
 * so modules migrate independently. Flyway takes a PostgreSQL advisory lock, so instances of a cluster that
 * start together migrate once.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class Migrator {

    private static final Logger LOG = Logger.getLogger(Migrator.class.getName());

    @Resource(lookup = "jdbc/safecity")
    DataSource dataSource;
    @Inject
    ModuleRegistry modules;

    @PostConstruct
    void migrate() {
        migrateOwner("platform", "classpath:db/migration/platform", CityModule.class.getClassLoader());
        for (CityModule m : modules.modules()) {
            migrateOwner(m.id(), m.migrations(), m.getClass().getClassLoader());
        }
    }

    // not an overload of migrate(): the EJB container resolves the @PostConstruct callback by name only
    private void migrateOwner(String owner, String location, ClassLoader loader) {
        var result = Flyway.configure(loader)
                .dataSource(dataSource)
                .locations(location)
                .table(owner + "_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                // a module reserves version ranges for parts built in parallel (districts: V1–V9 core, V10–V19
                // people and places); a database that got a later range first still takes an earlier one
                .outOfOrder(true)
                .load()
                .migrate();
        LOG.info(() -> "migrated " + owner + ": " + result.migrationsExecuted + " new migration(s), now at "
                + result.targetSchemaVersion);
    }
}
