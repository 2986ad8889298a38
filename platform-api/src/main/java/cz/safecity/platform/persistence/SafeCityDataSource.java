package cz.safecity.platform.persistence;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * The platform's data source {@code jdbc/safecity} for beans that use JDBC directly. A bean of the EAR's library jars
 * that the container creates outside a module's request (e.g. in a scheduled task) gets no resource injection, so
 * such beans take the injected one when there is one and look it up by name otherwise.
 */
public final class SafeCityDataSource {

    /** The JNDI name of the platform's data source. */
    public static final String NAME = "jdbc/safecity";

    private SafeCityDataSource() {
    }

    /** {@code injected}, or the data source looked up by {@link #NAME} when injection left it null. */
    public static DataSource orLookup(DataSource injected) {
        if (injected != null) {
            return injected;
        }
        try {
            return InitialContext.doLookup(NAME);
        } catch (NamingException e) {
            throw new IllegalStateException(NAME + " not found", e);
        }
    }
}
