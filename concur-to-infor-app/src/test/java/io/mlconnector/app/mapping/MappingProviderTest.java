package io.mlconnector.app.mapping;

import io.mlconnector.concur.api.FisDocument;
import io.mlconnector.app.mapping.MappingProvider.ReloadResult;
import io.mlconnector.app.posting.GlLine;
import io.mlconnector.app.posting.LineRole;
import io.mlconnector.app.mapping.fixtures.FisSamples;
import io.mlconnector.sandbox.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MappingProviderTest {
    private static final String HOTEL = "    LODNG: \"6120\"";
    private static final FisDocument ITEMIZED =
            FisSamples.named("fis-expense-use-case-3.1-itemized-expense.json").fis();

    @TempDir
    Path dir;

    @Test
    void savedEditIsUsedWithoutRestart() throws IOException {
        // given
        Path file = write(Mapping.defaultMappingText());
        MappingProvider provider = MappingProvider.fromFile(file, Duration.ZERO, Clock.systemUTC());
        assertThat(hotelAccount(provider.current())).isEqualTo("6120");

        // when the finance user moves hotels to 6125 and saves
        write(Mapping.defaultMappingText().replace(HOTEL, "    LODNG: \"6125\""));

        // then
        assertThat(hotelAccount(provider.current())).isEqualTo("6125");
        assertThat(provider.lastError()).isEmpty();
    }

    @Test
    void badEditKeepsTheLastGoodMappingAndSaysWhy() throws IOException {
        // given a running provider whose good mapping sends hotels to 6121
        Path file = write(hotelOn("6121"));
        MappingProvider provider = MappingProvider.fromFile(file, Duration.ZERO, Clock.systemUTC());

        // when an edit breaks line 2 and moves hotels to 6125
        write("version: 1\nglAcount: {}\n" + hotelOn("6125").replace("version: 1", ""));

        // then the previous mapping stays in use and the reason names the line
        assertThat(hotelAccount(provider.current())).isEqualTo("6121");
        assertThat(provider.reload()).isEqualTo(ReloadResult.REJECTED);
        assertThat(provider.lastError()).get().satisfies(e -> assertThat(e.problems())
                .anySatisfy(p -> assertThat(p.line()).isEqualTo(2)));

        // and when the user fixes it, the fix is used and the error is gone
        write(hotelOn("6125"));
        assertThat(hotelAccount(provider.current())).isEqualTo("6125");
        assertThat(provider.lastError()).isEmpty();
    }

    @Test
    void deletedFileKeepsTheLastGoodMapping() throws IOException {
        // given
        Path file = write(hotelOn("6121"));
        MappingProvider provider = MappingProvider.fromFile(file, Duration.ZERO, Clock.systemUTC());

        // when
        Files.delete(file);

        // then
        assertThat(hotelAccount(provider.current())).isEqualTo("6121");
        assertThat(provider.lastError()).get().satisfies(e -> assertThat(e.getMessage()).contains("cannot read"));
    }

    @Test
    void invalidFileAtStartUpFailsNamingTheLine() throws IOException {
        // given
        Path file = write("version: 1\ncostCenter:\n  whenUnmapped: maybe\n");

        // when
        MappingConfigException e = catchThrowableOfType(MappingConfigException.class,
                () -> MappingProvider.fromFile(file, Duration.ZERO, Clock.systemUTC()));

        // then
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(3));
        assertThat(e.source()).isEqualTo(file.toString());
    }

    @Test
    void fileIsReCheckedOnlyAfterTheCheckInterval() throws IOException {
        // given a provider checking every 10 s
        MutableClock clock = MutableClock.atSecondPrecision();
        Path file = write(Mapping.defaultMappingText());
        MappingProvider provider = MappingProvider.fromFile(file, Duration.ofSeconds(10), clock);
        write(Mapping.defaultMappingText().replace(HOTEL, "    LODNG: \"6125\""));

        // when / then
        clock.advance(Duration.ofSeconds(9));
        assertThat(hotelAccount(provider.current())).isEqualTo("6120");
        clock.advance(Duration.ofSeconds(1));
        assertThat(hotelAccount(provider.current())).isEqualTo("6125");
    }

    @Test
    void fixedProviderAnswersItsMappingAndNeverReloads() {
        // given
        Mapping mapping = Mapping.defaultMapping();

        // when
        MappingProvider provider = MappingProvider.fixed(mapping);

        // then
        assertThat(provider.current()).isSameAs(mapping);
        assertThat(provider.reload()).isEqualTo(ReloadResult.UNCHANGED);
        assertThat(provider.file()).isEmpty();
    }

    private static String hotelOn(String account) {
        return Mapping.defaultMappingText().replace(HOTEL, "    LODNG: \"" + account + "\"");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("mapping.yaml"), yaml);
    }

    private static String hotelAccount(Mapping mapping) {
        return mapping.map(ITEMIZED).glLines().stream()
                .filter(l -> l.role() == LineRole.EXPENSE && l.sourceEntryId().startsWith("DC6B16DF"))
                .map(GlLine::glAccount).findFirst().orElseThrow();
    }
}
