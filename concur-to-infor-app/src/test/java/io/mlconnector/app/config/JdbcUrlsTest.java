package io.mlconnector.app.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcUrlsTest {
    @Test
    void passwordsAreMaskedInEveryUrlShape() {
        assertThat(JdbcUrls.masked("jdbc:postgresql://h:5432/db?user=u&password=s3cr3t&ssl=true"))
                .isEqualTo("jdbc:postgresql://h:5432/db?user=u&password=****&ssl=true");
        assertThat(JdbcUrls.masked("jdbc:h2:tcp://h/db;USER=u;PASSWORD=s3cr3t;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:tcp://h/db;USER=u;PASSWORD=****;MODE=PostgreSQL");
        assertThat(JdbcUrls.masked("jdbc:postgresql://u:s3cr3t@h:5432/db")).isEqualTo("jdbc:postgresql://u:****@h:5432/db");
        assertThat(JdbcUrls.maskedIn("failed for jdbc:postgresql://h/db?password=s3cr3t (refused)"))
                .isEqualTo("failed for jdbc:postgresql://h/db?password=**** (refused)");
        assertThat(JdbcUrls.masked("jdbc:h2:file:./data/ml-connector;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:./data/ml-connector;AUTO_SERVER=TRUE");
    }

    @Test
    void theEmbeddedFileIsFoundOnlyForFileUrls() {
        assertThat(JdbcUrls.h2File("jdbc:h2:file:./data/ml-connector;MODE=PostgreSQL"))
                .contains(Path.of("data/ml-connector").toAbsolutePath().normalize());
        assertThat(JdbcUrls.h2File("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1")).isEmpty();
        assertThat(JdbcUrls.h2File("jdbc:h2:tcp://h/x")).isEmpty();
        assertThat(JdbcUrls.h2File("jdbc:postgresql://h/db")).isEmpty();
    }
}
