package io.mlconnector.app.posting;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChunkIdsTest {

    @Test
    void fisDocumentIdIsUsedAsIs() {
        assertThat(ChunkIds.of("e7f810cabc8348cdb051dd9431c8cfbb", PostingKind.GL, 2, 3))
                .isEqualTo("concur-e7f810cabc8348cdb051dd9431c8cfbb-gl-2-of-3");
    }

    @Test
    void unusualIdsBecomeSafeShortAndStillDistinct() {
        // given ids with BODID separators and far too long
        String long1 = "x".repeat(300) + ":a?b&c";
        String long2 = "x".repeat(300) + ":a?b&d";

        // when
        String id1 = ChunkIds.of(long1, PostingKind.GL, 10_000, 10_000);
        String id2 = ChunkIds.of(long2, PostingKind.GL, 10_000, 10_000);

        // then
        assertThat(id1).matches("[A-Za-z0-9_.-]+").isNotEqualTo(id2);
        assertThat(ChunkIds.reversalOf(id1)).hasSizeLessThanOrEqualTo(ChunkIds.MAX_LENGTH);
        assertThat(ChunkIds.of(long1, PostingKind.GL, 10_000, 10_000)).isEqualTo(id1);
    }
}
