package cz.safecity.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.platform.module.Action;
import cz.safecity.platform.module.CityModule;
import cz.safecity.platform.module.Indicator;
import cz.safecity.platform.module.Setting;
import cz.safecity.platform.security.Roles;
import cz.safecity.platform.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.io.File;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The module's manifest is found the way the platform finds it ({@code Instance<CityModule>}), when the
 * module is a library jar with the module's own {@code META-INF/beans.xml} next to the platform's SPI — inside
 * the running Payara (Weld). Micro-deployment {@code arq-stats-module.war}.
 */
@ExtendWith(ArquillianExtension.class)
class StatsModuleDiscoveryIT {

    @Deployment
    static WebArchive deployment() {
        JavaArchive module = ShrinkWrap.create(JavaArchive.class, "module-stats.jar")
                .addClass(StatsModule.class)
                .addAsManifestResource(new File("src/main/resources/META-INF/beans.xml"), "beans.xml");
        JavaArchive spi = ShrinkWrap.create(JavaArchive.class, "platform-api-spi.jar")
                .addClasses(CityModule.class, Action.class, Setting.class, Indicator.class, TenantId.class,
                        Roles.class);
        return ShrinkWrap.create(WebArchive.class, "arq-stats-module.war")
                .addAsLibraries(module, spi);
    }

    @Inject
    @Any
    Instance<CityModule> modules;
    @Inject
    BeanManager beans;

    @Test
    void manifestIsDiscoveredThroughCdi() {
        List<CityModule> found = modules.stream().toList();
        assertEquals(1, found.size(), "exactly the stats manifest: " + found);
        CityModule stats = found.get(0);
        assertEquals("stats", stats.id());
        assertEquals("classpath:db/migration/stats", stats.migrations());
        assertTrue(stats.enabledByDefault());
        assertTrue(stats.actions().contains(new Action("stats.import", Set.of(Roles.CITY_ADMIN, Roles.POLICE_OFFICER))));
        assertEquals(true, stats.settings().stream().filter(s -> s.key().equals("publishClearanceRate")).findFirst()
                .orElseThrow().defaultValue());
        assertEquals("percent", stats.indicators().get(0).unit());
    }

    @Test
    void manifestIsAnApplicationScopedBean() {
        Set<Bean<?>> found = beans.getBeans(CityModule.class, Any.Literal.INSTANCE);
        assertEquals(1, found.size());
        Bean<?> bean = found.iterator().next();
        assertEquals(StatsModule.class, bean.getBeanClass());
        assertEquals(ApplicationScoped.class, bean.getScope());
    }
}
