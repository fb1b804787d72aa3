package io.mlconnector.infor.api;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Published Infor samples copied under the test resources ({@code samples/SOURCES.md} says where each came from). */
final class InforSamples {
    private InforSamples() {
    }

    static Path path(String file) {
        URL url = InforSamples.class.getResource("samples/" + file);
        if (url == null) {
            throw new IllegalArgumentException("no test sample named " + file);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
