package io.mlconnector.app.mapping;

import io.mlconnector.concur.api.FisDocument;
import io.mlconnector.app.mapping.fixtures.FisDocuments;
import io.mlconnector.app.mapping.MappingConfigException.Problem;
import io.mlconnector.app.mapping.fixtures.FisSamples;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MappingConfigTest {

    @Test
    void shippedDefaultMappingIsValid() {
        // when
        Mapping mapping = Mapping.defaultMapping();

        // then
        assertThat(mapping.source()).isEqualTo("classpath:mapping/default-mapping.yaml");
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() {
        // given a mis-indented key on line 5
        String yaml = """
                version: 1
                glAccount:
                  byExpenseType:
                    LODNG: "6120"
                   BRKFT: "6130"
                """;

        // when
        MappingConfigException e = refused(yaml);

        // then
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).startsWith("not valid YAML");
        });
        assertThat(e.getMessage()).contains("test-mapping.yaml", "line 5");
    }

    @Test
    void misspelledKeyNamesItsLineAndTheKeyMeant() {
        // given
        String yaml = """
                version: 1
                # a comment
                glAcount:
                  byExpenseType:
                    LODNG: "6120"
                """;

        // when
        MappingConfigException e = refused(yaml);

        // then
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("unknown key 'glAcount'", "did you mean 'glAccount'");
        });
    }

    @Test
    void everyProblemIsReportedWithItsOwnLine() {
        // given four mistakes on lines 3, 5, 7 and 10
        String yaml = """
                version: 1
                glAccount:
                  lookupOrder: [expenseType, glCode]
                  byExpenseType:
                    LODNG: "61 20"
                costCenter:
                  whenUnmapped: sometimes
                creditSide:
                  - payer: COMP
                    account: "2100"
                descriptions:
                  line: "entry.expenseTypeName &"
                """;

        // when
        MappingConfigException e = refused(yaml);

        // then
        assertThat(e.problems()).extracting(Problem::line, Problem::path).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(3, "glAccount.lookupOrder"),
                org.assertj.core.groups.Tuple.tuple(5, "glAccount.byExpenseType.LODNG"),
                org.assertj.core.groups.Tuple.tuple(7, "costCenter.whenUnmapped"),
                org.assertj.core.groups.Tuple.tuple(9, "creditSide[1].payee"),
                org.assertj.core.groups.Tuple.tuple(12, "descriptions.line"));
        assertThat(e.problems()).filteredOn(p -> p.line() == 12).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("JSONata"));
    }

    @Test
    void duplicateKeyNamesBothLines() {
        // given
        String yaml = """
                version: 1
                glAccount:
                  byExpenseType:
                    LODNG: "6120"
                    LODNG: "6125"
                """;

        // when
        MappingConfigException e = refused(yaml);

        // then
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("duplicate key 'LODNG'", "first at line 4");
        });
    }

    @Test
    void missingVersionIsRefused() {
        // when
        MappingConfigException e = refused("glAccount: {}\n");

        // then
        assertThat(e.problems()).extracting(Problem::path).containsExactly("version");
    }

    @Test
    void codesKeepTheirWrittenTextEvenWhenTheyLookLikeNumbers() {
        // given an unquoted entity code with a leading zero
        String yaml = Mapping.defaultMappingText().replace("  default: \"100\"", "  default: 0100");
        Mapping mapping = Mapping.parse(yaml, "test-mapping.yaml", Clock.systemUTC());
        FisDocument fis = FisDocuments.of("0123456789abcdef0123456789abcdef", "cashadvance",
                FisSamples.named("fis-cash-advance-document.json").fis().json());

        // when / then
        assertThat(mapping.map(fis).accountingEntity()).isEqualTo("0100");
    }

    private static MappingConfigException refused(String yaml) {
        return catchThrowableOfType(MappingConfigException.class,
                () -> Mapping.parse(yaml, "test-mapping.yaml", Clock.systemUTC()));
    }
}
