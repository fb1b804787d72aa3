package io.mlconnector.sandbox.concur;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mlconnector.sandbox.http.SimServer;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcurSamplesTest {

    @Test
    void shippedSamplesAreTheBytesThatWerePublished() {
        // given the manifest: each sample's SHA-256 taken from the published file when it was copied
        List<PublishedSamples.Source> sources = PublishedSamples.all();
        assertThat(sources).hasSize(49);

        // then the jar ships each of them unchanged
        for (PublishedSamples.Source source : sources) {
            assertThat(sha256(PublishedSamples.bytes(source.file()))).as(source.file()).isEqualTo(source.sha256());
        }
    }

    @Test
    void everySampleNamesThePublicPageItWasCopiedFrom() {
        for (PublishedSamples.Source source : PublishedSamples.all()) {
            URI url = URI.create(source.publicUrl());
            assertThat(url.getHost()).as(source.file()).isEqualTo("github.com");
            assertThat(url.getPath()).as(source.file()).startsWith("/SAP-docs/preview.developer.concur.com/blob/");
        }
    }

    @Test
    void everyServedPublishedDocumentIsInTheManifest() {
        assertThat(PublishedSamples.named("")).containsAll(ConcurFis.PUBLISHED_DOCUMENTS);
    }

    @Test
    void theTwoSamplesPublishedAsInvalidJsonAreNeverServed() {
        // the docs publish these two as invalid JSON; the sandbox ships them but serves neither
        for (String invalid : List.of("oauth-app-secrets-list-response.json", "fis-payment-confirmations-response.json")) {
            assertThatThrownBy(() -> {
                try (InputStream in = PublishedSamples.open(invalid)) {
                    SimServer.JSON.readTree(in);
                }
            }).isInstanceOf(JsonProcessingException.class);
            assertThat(ConcurFis.PUBLISHED_DOCUMENTS).doesNotContain(invalid);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
