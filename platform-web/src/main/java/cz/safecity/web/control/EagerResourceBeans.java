package cz.safecity.web.control;

import cz.safecity.platform.cluster.ClusterJobs;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.PersistenceContext;
import java.lang.reflect.Field;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates, while the application starts, every application-scoped bean that has Jakarta EE resources injected
 * ({@code @PersistenceContext}, {@code @Resource}) — those of platform-api and of the modules in the EAR's
 * {@code lib/} included.
 *
 * <p>Why: Payara resolves such injections from the naming context of the thread that first creates the bean. The
 * modules' periodic jobs run on managed-executor threads whose context does not name the web module; a bean first
 * created there got {@code null} for its entity manager or data source, for the lifetime of the deployment — seen on
 * freshly started cluster instances and after a domain restart, where a job ran before the first HTTP request: every
 * city request then answered 500 ({@code TenantDirectory.em} null) while readiness said UP. Created here, in the web
 * module's start, they are complete before any job runs (the jobs start 10 s and later).
 */
@ApplicationScoped
public class EagerResourceBeans {

    private static final Logger LOG = Logger.getLogger(EagerResourceBeans.class.getName());

    @Inject
    BeanManager beans;
    @Inject
    ClusterJobs clusterJobs;

    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
               Object init) {
        int created = 0;
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            if (bean.getScope() != ApplicationScoped.class || !injectsResources(bean.getBeanClass())
                    || bean.getBeanClass() == getClass()) {
                continue;
            }
            try {
                // a client proxy creates its instance on the first call; toString is delegated
                beans.getReference(bean, bean.getBeanClass(), beans.createCreationalContext(bean)).toString();
                created++;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not create " + bean.getBeanClass().getName() + " at start", e);
            }
        }
        LOG.info("created " + created + " application-scoped beans with injected resources at start");
        clusterJobs.applicationStarted(); // the modules' periodic jobs may run from now on
    }

    /** The web module stops (undeployment, shutdown): the modules' periodic jobs stop starting runs. */
    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object destroyed) {
        clusterJobs.applicationStopping();
    }

    static boolean injectsResources(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(PersistenceContext.class) || f.isAnnotationPresent(Resource.class)) {
                    return true;
                }
            }
        }
        return false;
    }
}
