package io.gatehouse.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.Asset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds test deployments from the packaged WAR, so tests exercise the real artifact. Test
 * settings replace the matching lines of the WAR's own {@code META-INF/microprofile-config.properties};
 * system properties and the environment still win over them.
 */
public final class TestWar {

    /** Secrets that satisfy the production rules; only tests use them. */
    public static final String ACCESS_SECRET = "test-access-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ";
    public static final String REFRESH_SECRET = "test-refresh-secret-9876543210-zyxwvutsrqponmlkjihgfedcba-JIHGFEDCBA";

    private static final String CONFIG_FILE = "META-INF/microprofile-config.properties";

    private final Map<String, String> settings = new LinkedHashMap<>();

    private TestWar() {
        settings.put("mp.config.profile", "production");
        settings.put("jwt.access-secret", ACCESS_SECRET);
        settings.put("jwt.refresh-secret", REFRESH_SECRET);
        settings.put("gatehouse.database.url",
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        settings.put("gatehouse.password.bcrypt-cost", "4");
        settings.put("gatehouse.data-directory", "target/test-data");
        // Every test logs in from 127.0.0.1; tests of the limits themselves set real budgets.
        for (String budget : new String[] {"login-per-ip", "login-per-account", "refresh-per-ip", "register-per-ip"}) {
            settings.put("gatehouse.rate-limit." + budget + ".limit", "100000");
        }
    }

    /** Starts from production settings with test secrets, a fresh in-memory database and cheap bcrypt. */
    public static TestWar production() {
        return new TestWar();
    }

    public TestWar with(String name, String value) {
        settings.put(name, value);
        return this;
    }

    public TestWar without(String name) {
        settings.remove(name);
        return this;
    }

    /**
     * Builds the archive. The name becomes the context path, and must differ between all
     * deployments of one test run, because the embedded Jetty adapter cannot deploy a second
     * archive under a name it has undeployed before.
     */
    public WebArchive build(String name) {
        File packaged = new File(System.getProperty("test.war.path", "target/gatehouse.war"));
        WebArchive war = ShrinkWrap.create(ZipImporter.class, name + ".war").importFrom(packaged).as(WebArchive.class);
        String path = "WEB-INF/classes/" + CONFIG_FILE;
        String defaults = read(war.get(path).getAsset()).lines()
                .filter(line -> !settings.containsKey(line.split("=", 2)[0].strip()))
                .collect(Collectors.joining("\n"));
        String overrides = settings.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n", "\n# Test settings\n", "\n"));
        war.delete(path);
        return war.addAsWebInfResource(new StringAsset(defaults + overrides), "classes/" + CONFIG_FILE);
    }

    private static String read(Asset asset) {
        try (InputStream in = asset.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
