package io.mlconnector.app.ops;

import io.mlconnector.app.config.JdbcUrls;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

import java.nio.charset.StandardCharsets;

/**
 * Masks passwords inside JDBC URLs in every log line, whatever wrote it (the app, a driver's exception message, a
 * library's debug output), in both the text and the JSON format: it rewrites the finished line of the encoder it wraps.
 */
final class MaskingEncoder extends EncoderBase<ILoggingEvent> {
    private final Encoder<ILoggingEvent> delegate;

    MaskingEncoder(Encoder<ILoggingEvent> delegate) {
        this.delegate = delegate;
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] line = delegate.encode(event);
        if (line == null) {
            return null;
        }
        String text = new String(line, StandardCharsets.UTF_8);
        String masked = JdbcUrls.maskedIn(text);
        return masked.equals(text) ? line : masked.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }

    /** The wrapped encoder arrives started. */
    @Override
    public void stop() {
        delegate.stop();
        super.stop();
    }
}
