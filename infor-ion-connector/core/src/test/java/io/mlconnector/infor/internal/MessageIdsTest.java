package io.mlconnector.infor.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageIdsTest {

    @Test
    void shortIdIsKeptReadable() {
        assertThat(MessageIds.of("Sync.SourceSystemJournalEntry", "100", "EXP-1", 2))
                .isEqualTo("mlc:Sync.SourceSystemJournalEntry:100:EXP-1:2");
    }

    @Test
    void longIdsAreShortenedTo128DeterministicallyAndStayDistinct() {
        String a = MessageIds.of("Process.SupplierInvoice", "100", "X".repeat(100) + "-1", 1);
        String b = MessageIds.of("Process.SupplierInvoice", "100", "X".repeat(100) + "-2", 1);

        assertThat(a).hasSize(128).isEqualTo(MessageIds.of("Process.SupplierInvoice", "100", "X".repeat(100) + "-1", 1));
        assertThat(b).hasSize(128).isNotEqualTo(a);
    }
}
