package io.gatehouse.config;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * Signing secrets that the development profile generates on first start and reads back on later
 * starts, so that issued tokens survive a restart. The file is readable by its owner only.
 */
record DevelopmentSecrets(Path file, String access, String refresh) {

    static final String FILE_NAME = "development-jwt-secrets.properties";

    private static final int SECRET_BYTES = 48;
    private static final SecureRandom RANDOM = new SecureRandom();

    static DevelopmentSecrets loadOrCreate(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            if (Files.notExists(file)) {
                create(file);
            }
            return load(file);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read or write the development secrets in " + file
                    + ": fix the file permissions or set JWT_ACCESS_SECRET and JWT_REFRESH_SECRET", e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Properties secrets = new Properties();
        secrets.setProperty("access", randomSecret());
        secrets.setProperty("refresh", randomSecret());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return; // another start won the race; its secrets are as good as ours
        }
        try (Writer writer = Files.newBufferedWriter(file)) {
            secrets.store(writer, "Gatehouse development signing secrets; never use them outside development");
        }
    }

    private static DevelopmentSecrets load(Path file) throws IOException {
        Properties secrets = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            secrets.load(reader);
        }
        String access = secrets.getProperty("access");
        String refresh = secrets.getProperty("refresh");
        if (access == null || refresh == null) {
            throw new ConfigurationException("The development secrets file " + file
                    + " is incomplete: delete it and Gatehouse generates new secrets on the next start");
        }
        return new DevelopmentSecrets(file, access, refresh);
    }

    private static String randomSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "DevelopmentSecrets[file=" + file + ", access=<redacted>, refresh=<redacted>]";
    }
}
